#!/usr/bin/env python3
"""Record one real AMI conversation with the lab's pbx as a fixture.

usage: record-ami.py --lab WORKDIR [options] --out FILE NUMBER...

Logs in, optionally asks QueueStatus, originates one call per NUMBER the way Dialer does (Async, ChannelId
and ActionID = the call key dialer-N, Variable DIALER_CALL=dialer-N plus DIALER_CAMPAIGN and DIALER_ATTEMPT,
Context dialer-connect, Exten s, Priority 1, Timeout), reads until every call has both its OriginateResponse
and the Hangup of its channel (unique id = the key), lingers a moment for the queue's trailing events,
then logs off and reads until Asterisk closes the connection.

FILE is the raw byte stream in the fixture format of Tests/DialerTests/Fixtures/ami-originate-transcript.txt:
a line ">>> sent" (CRLF) before each thing the client wrote, then the bytes written; everything else is what
Asterisk sent, byte for byte. Received bytes are written out in whole messages (the banner line, then up to
each blank line), so a ">>> sent" marker always starts a line; nothing is dropped or reordered.

Options:
  --lab WORKDIR         read AMI_HOST, AMI_PORT, AMI_USER, AMI_SECRET from WORKDIR/lab.env (lab.sh start)
  --host/--port/--user/--secret   instead of, or over, --lab
  --template T          the channel, {number} replaced (default PJSIP/{number}@trunk)
  --timeout MS          Originate's Timeout, the ring time (default 8000)
  --first N             the first call key's number (default 1)
  --prefix P            the call key prefix (default dialer-)
  --spacing S           seconds between originations (default 0: all at once)
  --queue-status        send QueueStatus right after the login
  --queue-status-on-connect   send QueueStatus once, right after the first AgentConnect (an agent in use)
  --linger S            seconds to keep reading after the last call ended (default 1.5)
  --max-seconds S       give up (exit 1, file still written) after this long (default 120)
  --summary             print a one-line summary per call to stderr (AMD verdict, reason, cause, agent)
"""
import argparse
import os
import select
import socket
import sys
import time

CRLF = b"\r\n"


def load_lab_env(workdir):
    env = {}
    with open(os.path.join(workdir, "lab.env")) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v.replace("\\", "")  # lab.sh only quotes with backslashes, and only unusual values
    return env


def message(pairs):
    return b"".join(("%s: %s" % (k, v)).encode() + CRLF for k, v in pairs) + CRLF


def parse(raw):
    fields = {}
    for line in raw.decode("utf-8", "replace").split("\r\n"):
        if ": " in line:
            k, v = line.split(": ", 1)
            fields.setdefault(k, v)
    return fields


class Recorder:
    def __init__(self, sock, out):
        self.sock, self.out = sock, out
        self.buf = b""
        self.banner_done = False
        self.closed = False

    def send(self, data):
        self.out.write(b">>> sent" + CRLF + data)
        self.out.flush()
        self.sock.sendall(data)

    def read(self, timeout):
        """Returns the whole messages that arrived (as parsed dicts), writing their bytes to the file."""
        r, _, _ = select.select([self.sock], [], [], max(0.0, timeout))
        if not r:
            return []
        chunk = self.sock.recv(65536)
        if not chunk:
            self.closed = True
            if self.buf:
                self.out.write(self.buf)
                self.buf = b""
            self.out.flush()
            return []
        self.buf += chunk
        found = []
        if not self.banner_done:
            end = self.buf.find(CRLF)
            if end < 0:
                return []
            self.out.write(self.buf[:end + 2])
            self.buf = self.buf[end + 2:]
            self.banner_done = True
        while True:
            end = self.buf.find(CRLF + CRLF)
            if end < 0:
                break
            raw, self.buf = self.buf[:end + 4], self.buf[end + 4:]
            self.out.write(raw)
            found.append(parse(raw))
        self.out.flush()
        return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lab")
    ap.add_argument("--host")
    ap.add_argument("--port", type=int)
    ap.add_argument("--user")
    ap.add_argument("--secret")
    ap.add_argument("--template", default="PJSIP/{number}@trunk")
    ap.add_argument("--timeout", type=int, default=8000)
    ap.add_argument("--first", type=int, default=1)
    ap.add_argument("--prefix", default="dialer-")
    ap.add_argument("--spacing", type=float, default=0.0)
    ap.add_argument("--queue-status", action="store_true")
    ap.add_argument("--queue-status-on-connect", action="store_true")
    ap.add_argument("--caller-id", default='"Dialer Lab" <+15550000000>')
    ap.add_argument("--campaign", default="lab")
    ap.add_argument("--linger", type=float, default=1.5)
    ap.add_argument("--max-seconds", type=float, default=120.0)
    ap.add_argument("--summary", action="store_true")
    ap.add_argument("--out", required=True)
    ap.add_argument("numbers", nargs="+")
    a = ap.parse_args()

    env = load_lab_env(a.lab) if a.lab else {}
    host = a.host or env.get("AMI_HOST", "127.0.0.1")
    port = a.port or int(env.get("AMI_PORT", "5038"))
    user = a.user or env.get("AMI_USER", "dialer")
    secret = a.secret or env.get("AMI_SECRET", "")
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("record-ami.py: the lab is on loopback only")

    calls = []  # (key, number)
    for i, number in enumerate(a.numbers):
        calls.append(("%s%d" % (a.prefix, a.first + i), number))
    state = {key: {"number": n, "hangup": None, "reason": None, "amd": None, "agent": None}
             for key, n in calls}

    deadline = time.time() + a.max_seconds
    with socket.create_connection((host, port), timeout=5) as sock, open(a.out, "wb") as out:
        rec = Recorder(sock, out)
        ok = True

        def handle(m):
            key = m.get("Uniqueid")
            if m.get("Event") == "Hangup" and key in state:
                state[key]["hangup"] = m.get("Cause")
            elif m.get("Event") == "OriginateResponse":
                k = m.get("ActionID")
                if k in state:
                    state[k]["reason"] = m.get("Reason")
            elif m.get("Event") == "UserEvent" and m.get("UserEvent") == "DialerAMD":
                k = m.get("DIALER_CALL")
                if k in state:
                    state[k]["amd"] = "%s %s" % (m.get("AMDStatus"), m.get("AMDCause"))
            elif m.get("Event") == "AgentConnect" and key in state:
                state[key]["agent"] = m.get("MemberName")

        def pump(seconds, until=None):
            end = time.time() + seconds
            while time.time() < min(end, deadline) and not rec.closed:
                for m in rec.read(min(end, deadline) - time.time()):
                    handle(m)
                    if until and until(m):
                        return m
            return None

        while not rec.banner_done and time.time() < deadline and not rec.closed:
            for m in rec.read(deadline - time.time()):
                handle(m)
        rec.send(message([("Action", "Login"), ("ActionID", "ami#1"), ("Username", user), ("Secret", secret)]))
        login = pump(10, lambda m: m.get("ActionID") == "ami#1" and "Response" in m)
        if not login or login.get("Response") != "Success":
            sys.exit("record-ami.py: login failed: %r" % (login,))
        next_id = 2
        if a.queue_status:
            rec.send(message([("Action", "QueueStatus"), ("ActionID", "ami#%d" % next_id)]))
            qid = "ami#%d" % next_id
            next_id += 1
            pump(10, lambda m: m.get("ActionID") == qid and m.get("Event") == "QueueStatusComplete")

        for i, (key, number) in enumerate(calls):
            if i and a.spacing:
                pump(a.spacing)
            rec.send(message([
                ("Action", "Originate"), ("ActionID", key), ("Channel", a.template.replace("{number}", number)),
                ("Context", "dialer-connect"), ("Exten", "s"), ("Priority", "1"), ("Timeout", str(a.timeout)),
                ("Async", "true"), ("ChannelId", key), ("CallerID", a.caller_id),
                ("Variable", "DIALER_CALL=%s" % key), ("Variable", "DIALER_CAMPAIGN=%s" % a.campaign),
                ("Variable", "DIALER_ATTEMPT=%s" % key[len(a.prefix):]),
            ]))

        asked_on_connect = not a.queue_status_on_connect

        def done():
            return all(s["hangup"] is not None and s["reason"] is not None for s in state.values())

        while not done() and time.time() < deadline and not rec.closed:
            for m in rec.read(deadline - time.time()):
                handle(m)
                if not asked_on_connect and m.get("Event") == "AgentConnect":
                    asked_on_connect = True
                    rec.send(message([("Action", "QueueStatus"), ("ActionID", "ami#%d" % next_id)]))
                    next_id += 1
        if not done():
            ok = False
            print("record-ami.py: gave up waiting for: %s" % ", ".join(
                k for k, s in state.items() if s["hangup"] is None or s["reason"] is None), file=sys.stderr)
        pump(a.linger)
        rec.send(message([("Action", "Logoff"), ("ActionID", "ami#%d" % next_id)]))
        end = time.time() + 5
        while not rec.closed and time.time() < end:
            for m in rec.read(end - time.time()):
                handle(m)

    if a.summary:
        for key, number in calls:
            s = state[key]
            print("%-10s %-14s reason=%-4s cause=%-4s amd=%-28s agent=%s" % (
                key, number, s["reason"], s["hangup"], s["amd"], s["agent"]), file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
