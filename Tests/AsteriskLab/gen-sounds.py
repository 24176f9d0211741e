#!/usr/bin/env python3
"""Write the lab's sound files (8 kHz, 16-bit, mono WAV) into SOUNDS_DIR.

usage: gen-sounds.py SOUNDS_DIR

  lab/hello.wav             a person's "hello": 0.6 s of voice, then 1.4 s of near-silence (app_amd: HUMAN)
  lab/machine-greeting.wav  an answering machine: 4.5 s of continuous voice, then a beep (app_amd: MACHINE)
  lab/talk.wav              one second of a person talking: 0.7 s of voice, 0.3 s of pause
  dialer/safe-harbour.wav   the safe-harbour message the pbx plays when no agent is free: 3 s of voice

The "voice" is a voiced-like signal (a 120-150 Hz fundamental with falling harmonics, a slow pitch glide and
a syllable-rate loudness ripple), well above app_amd's silence threshold (mean |sample| 256); the pauses are
low noise far below it. Silence is written as samples, not left out: a channel that stops sending audio makes
AMD() give up with NOTSURE (TOOLONG), so every file covers the whole time it stands for.
Deterministic: the same bytes on every run.
"""
import math
import os
import random
import struct
import sys
import wave

RATE = 8000


def voice(seconds, f0=130.0, level=9000.0, ripple=0.35, seed=1):
    """A voiced-like segment with 20 ms fade in/out and a syllable ripple that never reaches silence."""
    n = int(seconds * RATE)
    rng = random.Random(seed)
    out = []
    phase = 0.0
    fade = int(0.02 * RATE)
    for i in range(n):
        t = i / RATE
        f = f0 * (1.0 + 0.08 * math.sin(2 * math.pi * 0.9 * t))  # slow intonation
        phase += 2 * math.pi * f / RATE
        s = 0.0
        for h in range(1, 9):  # harmonics falling off like a glottal source
            s += math.sin(h * phase) / h
        env = 1.0 - ripple * (0.5 + 0.5 * math.sin(2 * math.pi * 4.0 * t))  # ~4 syllables a second
        if i < fade:
            env *= i / fade
        elif i > n - fade:
            env *= (n - i) / fade
        s = s * level * env / 2.2 + rng.uniform(-60, 60)
        out.append(s)
    return out


def hush(seconds, seed=2):
    """Room noise: mean |sample| about 20, far below the silence threshold."""
    rng = random.Random(seed)
    return [rng.uniform(-40, 40) for _ in range(int(seconds * RATE))]


def tone(seconds, freq, level=6000.0):
    return [level * math.sin(2 * math.pi * freq * i / RATE) for i in range(int(seconds * RATE))]


def write(path, samples):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = b"".join(struct.pack("<h", max(-32768, min(32767, int(round(s))))) for s in samples)
    tmp = path + ".tmp"
    with wave.open(tmp, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)
    os.replace(tmp, path)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    write(os.path.join(root, "lab", "hello.wav"), voice(0.6, f0=140, seed=11) + hush(1.4, seed=12))
    write(os.path.join(root, "lab", "machine-greeting.wav"),
          voice(4.5, f0=120, ripple=0.25, seed=21) + hush(0.3, seed=22) + tone(0.4, 1000) + hush(0.1, seed=23))
    write(os.path.join(root, "lab", "talk.wav"), voice(0.7, f0=150, seed=31) + hush(0.3, seed=32))
    write(os.path.join(root, "dialer", "safe-harbour.wav"), voice(3.0, f0=125, seed=41) + hush(0.2, seed=42))


if __name__ == "__main__":
    main()
