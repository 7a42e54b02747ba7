#!/usr/bin/python3
"""Reference sender that mirrors the wire format of the classic Python
"OpenCV live streaming over UDP" tutorial, for udpvideo's interop tests.

Wire format (one frame):
  * the frame is JPEG-encoded with cv2.imencode('.jpg', img), OpenCV's
    default quality;
  * the JPEG bytes are cut into chunks of at most MAX_IMAGE_DGRAM = 65472;
  * each chunk is sent as one UDP datagram: a single unsigned byte n
    (struct "B") followed by the chunk. n counts down: the first datagram
    of a frame carries the number of chunks, the last one carries 1.

There is no camera in the test environment, so frames are synthesized with
numpy: a colour gradient, two moving shapes and mild fixed noise, so that
the JPEGs are about camera-sized (~55 KB at 640x480, ~155 KB at 1280x720).

Usage: tutorial_sender.py --port P --frames N [--host H] [--width W]
       [--height H] [--fps F] [--record FILE]
Prints "sent N frames" on stdout and the mean JPEG size on stderr.
"""
import argparse
import math
import socket
import struct
import sys
import time

import cv2
import numpy as np

MAX_DGRAM = 2**16
MAX_IMAGE_DGRAM = MAX_DGRAM - 64  # the tutorial's 64-byte safety margin


class FrameSynth:
    """Deterministic test pattern; frame i depends only on (size, i)."""

    def __init__(self, width, height):
        self.w, self.h = width, height
        x = np.linspace(0, 255, width, dtype=np.float32)[None, :]
        y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
        self.base = np.empty((height, width, 3), np.float32)
        self.base[..., 0], self.base[..., 1], self.base[..., 2] = x, y, (x + y) / 2
        # Noise is drawn once (fixed seed) and rolled per frame: generating it
        # afresh costs ~25 ms at 720p, too slow to keep 30 fps.
        self.noise = np.random.default_rng(12345).normal(0, 1.5, (height, width, 1)).astype(np.float32)

    def frame(self, i):
        noise = np.roll(self.noise, (i * 7) % self.h, axis=0)
        img = np.clip(self.base + noise, 0, 255).astype(np.uint8)
        w, h = self.w, self.h
        cx = (i * 8) % w
        cv2.rectangle(img, (cx - w // 10, h // 2 - h // 8), (cx + w // 10, h // 2 + h // 8), (0, 200, 255), -1)
        cv2.circle(img, (w - cx, h // 3), h // 10, (255, 64, 32), -1)
        return img


def udp_frame(sock, addr, img):
    """Encode and send one frame exactly as the tutorial's FrameSegment does."""
    dat = cv2.imencode('.jpg', img)[1].tobytes()  # tutorial used tostring(), removed in new numpy
    size = len(dat)
    num_of_segments = math.ceil(size / MAX_IMAGE_DGRAM)
    start = 0
    while num_of_segments:
        end = min(size, start + MAX_IMAGE_DGRAM)
        sock.sendto(struct.pack("B", num_of_segments) + dat[start:end], addr)
        start = end
        num_of_segments -= 1
    return dat


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--width", type=int, default=640)
    p.add_argument("--height", type=int, default=480)
    p.add_argument("--frames", type=int, required=True)
    p.add_argument("--fps", type=float, default=30.0)
    p.add_argument("--record", help="write every JPEG as sent, back to back (file is truncated first)")
    a = p.parse_args()
    if a.width <= 0 or a.height <= 0 or a.frames < 0 or a.fps <= 0:
        p.error("width, height and fps must be positive, frames non-negative")

    family = socket.AF_INET6 if ":" in a.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    synth = FrameSynth(a.width, a.height)
    record = open(a.record, "wb") if a.record else None
    total = 0
    t0 = time.monotonic()
    for i in range(a.frames):
        # Absolute schedule, so time spent encoding does not accumulate as drift.
        delay = t0 + i / a.fps - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        dat = udp_frame(sock, (a.host, a.port), synth.frame(i))
        total += len(dat)
        if record:
            record.write(dat)
    if record:
        record.close()
    sock.close()
    mean = total / a.frames if a.frames else 0
    print(f"mean JPEG size {mean:.0f} bytes ({a.width}x{a.height})", file=sys.stderr)
    print(f"sent {a.frames} frames", flush=True)


if __name__ == "__main__":
    main()
