#!/usr/bin/env python3
"""Summarise the SIP on the lab's trunk, per call, from an instance's log.

usage: lab.sh cli WORKDIR carrier 'pjsip set logger on'     (before the calls)
       sip-summary.py WORKDIR/carrier/log/messages.log

Prints one line per INVITE's Call-ID: the dialed number, then every response and request of that dialog in
order as the carrier saw them (e.g. "100 180 200 ACK BYE>" or "100 486 ACK"); ">" marks what the carrier
sent when the method could go either way (BYE, CANCEL). OPTIONS (qualify) are left out.
"""
import re
import sys

START = re.compile(r"<--- (Received|Transmitting) SIP (request|response) \(\d+ bytes\) (from|to) ")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    calls = {}
    order = []
    with open(sys.argv[1], errors="replace") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = START.search(lines[i])
        if not m:
            i += 1
            continue
        sent = m.group(1) == "Transmitting"
        first = lines[i + 1] if i + 1 < len(lines) else ""
        call_id = None
        j = i + 2
        while j < len(lines) and lines[j].strip() and not START.search(lines[j]):
            if lines[j].lower().startswith("call-id:"):
                call_id = lines[j].split(":", 1)[1].strip()
            j += 1
        i = j
        if first.startswith("SIP/2.0 "):
            what = first.split()[1]
        else:
            what = first.split()[0] if first else "?"
            if what == "OPTIONS":
                continue
            if what in ("BYE", "CANCEL") and sent:
                what += ">"
        if call_id is None:
            continue
        if call_id not in calls:
            if not first.startswith("INVITE"):
                continue
            number = re.search(r"sip:([^@;>]+)@", first)
            calls[call_id] = [number.group(1) if number else "?"]
            order.append(call_id)
        calls[call_id].append(what)
    for cid in order:
        number, *events = calls[cid]
        print("%-14s %s" % (number, " ".join(e for e in events if e != "INVITE")))


if __name__ == "__main__":
    main()
