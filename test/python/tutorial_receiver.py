#!/usr/bin/python3
"""Reference receiver that mirrors the classic Python "OpenCV live streaming
over UDP" tutorial, for udpvideo's interop tests.

Each datagram is one unsigned byte n (struct "B") followed by a piece of a
JPEG. n counts down per frame and n == 1 marks a frame's last datagram.
As in the tutorial, the receiver:
  1. discards datagrams up to and including the first one with n == 1
     (dump_buffer), so that it starts on a frame boundary;
  2. appends datagram[1:] while n > 1; on any other n it appends the last
     piece, runs cv2.imdecode on the concatenation, and starts afresh.
It does not check that pieces are contiguous: a lost datagram just yields a
corrupt concatenation, as in the tutorial. Frames are decoded, not shown.

Usage: tutorial_receiver.py [--bind H] [--port P] [--frames N]
       [--timeout S] [--record FILE]
Prints "listening on HOST:PORT" once bound, and at exit
"frames N decoded M failed K" (failed = imdecode returned None or raised).
"""
import argparse
import signal
import socket
import struct
import sys

import cv2
import numpy as np

MAX_DGRAM = 2**16


def recv_segment(s):
    """Next datagram as (n, payload), or None on timeout."""
    while True:
        try:
            seg, _addr = s.recvfrom(MAX_DGRAM)
        except socket.timeout:
            return None
        if seg:  # an empty datagram has no header byte (the tutorial would crash); skip it
            return struct.unpack("B", seg[0:1])[0], seg[1:]


def dump_buffer(s):
    """Discard datagrams until one ends a frame; False on timeout."""
    while True:
        got = recv_segment(s)
        if got is None:
            return False
        if got[0] == 1:
            return True


def on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--frames", type=int, help="stop after this many frames (decoded or failed)")
    p.add_argument("--timeout", type=float, default=5.0, help="stop after this long without a datagram")
    p.add_argument("--record", help="write every reassembled frame, back to back")
    a = p.parse_args()
    if a.timeout <= 0 or (a.frames is not None and a.frames < 0):
        p.error("timeout must be positive and frames non-negative")

    family = socket.AF_INET6 if ":" in a.bind else socket.AF_INET
    s = socket.socket(family, socket.SOCK_DGRAM)
    # SO_RCVBUF is deliberately left at the OS default, as in the tutorial, so
    # tests see the same loss behaviour a user of the tutorial would.
    s.bind((a.bind, a.port))
    s.settimeout(a.timeout)
    record = open(a.record, "wb") if a.record else None
    # SIGTERM ends the run like a timeout, so the summary line is still printed.
    signal.signal(signal.SIGTERM, on_sigterm)
    print(f"listening on {a.bind}:{s.getsockname()[1]}", flush=True)
    frames = decoded = failed = 0
    try:
        if a.frames != 0 and dump_buffer(s):
            dat = b''
            while a.frames is None or frames < a.frames:
                got = recv_segment(s)
                if got is None:
                    break
                n, payload = got
                dat += payload
                if n > 1:
                    continue
                frames += 1
                if record:
                    record.write(dat)
                    record.flush()  # the test may read the file while we run
                try:
                    img = cv2.imdecode(np.frombuffer(dat, np.uint8), 1)
                except cv2.error:
                    img = None
                if img is None:
                    failed += 1
                else:
                    decoded += 1
                dat = b''
    except KeyboardInterrupt:
        pass
    if record:
        record.close()
    s.close()
    print(f"frames {frames} decoded {decoded} failed {failed}", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
