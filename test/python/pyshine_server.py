#!/usr/bin/python3
"""A minimal PyShine-style video server, for udpvideo's interop tests,
written from the description of PyShine's "send video over UDP" tutorials.

The protocol, as PyShine's server.py has it:
  * the server binds a UDP port (9688 in the tutorial) and waits for any
    datagram from a client (the client sends b'Hello'); it reads only that
    first one and remembers the address it came from;
  * from then on it sends that address one datagram per frame: the frame,
    resized to 400 pixels wide, JPEG-encoded at quality 80 with
    cv2.imencode, then base64.b64encode'd, nothing else around it.
There is no camera or MP4 here, so frames come from tutorial_sender.py's
deterministic test pattern (gradient, moving shapes, fixed noise).

Usage: pyshine_server.py [--bind H] [--port P] --frames N [--fps F]
       [--width W] [--quality Q] [--record FILE] [--timeout S]
Prints "listening on HOST:PORT" once bound, "got hello from HOST:PORT"
when a client spoke, and at exit "sent N frames" (frames whose datagram
the system refused, being too large, are counted on stderr and not in N).
--record writes every JPEG it sent, back to back (before base64: what a
receiver should get out of the datagram). --timeout gives up waiting for
the hello after S seconds, with status 1.
"""
import argparse
import base64
import socket
import sys
import time

import cv2

from tutorial_sender import FrameSynth

SYNTH_WIDTH, SYNTH_HEIGHT = 640, 360  # drawn at this size, then resized as PyShine resizes a video's frames


def resize_to_width(img, width):
    """What imutils.resize(frame, width=W) does: keep the aspect ratio."""
    height = round(img.shape[0] * width / img.shape[1])
    return cv2.resize(img, (width, height), interpolation=cv2.INTER_AREA)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--port", type=int, default=9688)
    p.add_argument("--frames", type=int, required=True)
    p.add_argument("--fps", type=float, default=30.0)
    p.add_argument("--width", type=int, default=400, help="resize frames to this width (the tutorial's 400)")
    p.add_argument("--quality", type=int, default=80, help="JPEG quality (the tutorial's 80)")
    p.add_argument("--record", help="write every JPEG as sent, back to back (file is truncated first)")
    p.add_argument("--timeout", type=float, default=30.0, help="give up waiting for a hello after S seconds")
    a = p.parse_args()
    if a.frames < 0 or a.fps <= 0 or a.width <= 0 or not 1 <= a.quality <= 100 or a.timeout <= 0:
        p.error("frames must be non-negative; fps, width and timeout positive; quality 1..100")

    s = socket.socket(socket.AF_INET6 if ":" in a.bind else socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((a.bind, a.port))
    print(f"listening on {a.bind}:{s.getsockname()[1]}", flush=True)
    s.settimeout(a.timeout)
    try:
        _hello, client = s.recvfrom(65536)  # PyShine reads the first datagram, and never another
    except socket.timeout:
        print(f"no hello within {a.timeout} s", file=sys.stderr)
        sys.exit(1)
    print(f"got hello from {client[0]}:{client[1]}", flush=True)

    synth = FrameSynth(SYNTH_WIDTH, SYNTH_HEIGHT)
    record = open(a.record, "wb") if a.record else None
    sent = refused = 0
    t0 = time.monotonic()
    for i in range(a.frames):
        delay = t0 + i / a.fps - time.monotonic()  # an absolute schedule: encoding time does not add up
        if delay > 0:
            time.sleep(delay)
        frame = resize_to_width(synth.frame(i), a.width)
        jpeg = cv2.imencode('.jpeg', frame, [cv2.IMWRITE_JPEG_QUALITY, a.quality])[1].tobytes()
        try:
            s.sendto(base64.b64encode(jpeg), client)
        except OSError as e:  # "Message too long": PyShine's server would stop here; count it and go on
            refused += 1
            print(f"frame {i} not sent: {e}", file=sys.stderr)
            continue
        sent += 1
        if record:
            record.write(jpeg)
    if record:
        record.close()
    s.close()
    if refused:
        print(f"{refused} frames refused by the system", file=sys.stderr)
    print(f"sent {sent} frames", flush=True)


if __name__ == "__main__":
    main()
