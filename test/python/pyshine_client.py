#!/usr/bin/python3
"""A minimal PyShine-style video client, for udpvideo's interop tests,
written from the description of PyShine's "send video over UDP" tutorials.

As PyShine's client.py does, it sends b'Hello' once to the server, then
takes every datagram that comes back as one frame on its own: it decodes
the base64 (base64.b64decode(packet, ' /'), the tutorial's call) and the
JPEG inside (cv2.imdecode). Its receive buffer is the tutorial's 65536
bytes. Frames are decoded, not shown.

Usage: pyshine_client.py --host H --port P [--frames N] [--timeout S]
       [--record FILE]
Stops after N decoded frames, or S seconds (default 5) without a datagram.
Prints "said hello from HOST:PORT" once it has, and at exit
"frames N decoded M failed K" (failed: the base64 or the JPEG did not
decode). --record writes every JPEG it decoded, back to back.
"""
import argparse
import base64
import binascii
import socket

import cv2
import numpy as np

BUFF_SIZE = 65536  # the tutorial's receive buffer, and the largest datagram it reads


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", required=True)
    p.add_argument("--port", type=int, default=9688)
    p.add_argument("--frames", type=int, help="stop after this many decoded frames (default: at the timeout)")
    p.add_argument("--timeout", type=float, default=5.0, help="stop after this long without a datagram")
    p.add_argument("--record", help="write every decoded JPEG, back to back (file is truncated first)")
    a = p.parse_args()
    if a.timeout <= 0 or (a.frames is not None and a.frames < 0):
        p.error("timeout must be positive and frames non-negative")

    s = socket.socket(socket.AF_INET6 if ":" in a.host else socket.AF_INET, socket.SOCK_DGRAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, BUFF_SIZE)
    s.sendto(b'Hello', (a.host, a.port))
    local = s.getsockname()
    print(f"said hello from {local[0]}:{local[1]}", flush=True)
    s.settimeout(a.timeout)
    record = open(a.record, "wb") if a.record else None
    frames = decoded = failed = 0
    while a.frames is None or decoded < a.frames:
        try:
            packet, _ = s.recvfrom(BUFF_SIZE)
        except socket.timeout:
            break
        frames += 1
        try:
            data = base64.b64decode(packet, b' /')
        except binascii.Error:
            failed += 1
            continue
        frame = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
        if frame is None:
            failed += 1
            continue
        decoded += 1
        if record:
            record.write(data)
    if record:
        record.close()
    s.close()
    print(f"frames {frames} decoded {decoded} failed {failed}", flush=True)


if __name__ == "__main__":
    main()
