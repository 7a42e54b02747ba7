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

For udpvideo's benchmark, which runs the tutorial's pipeline beside its own
(the defaults leave everything above as it is):
  * --fps 0 sends as fast as the sender can;
  * --duration S stops after S seconds of sending, or sooner at --frames N;
  * --quality Q encodes at JPEG quality Q instead of OpenCV's default (95);
  * --match-jpeg-bytes B scales the noise ("grain") until the mean JPEG size
    at that quality is nearest B bytes, so that frames are the size of
    another pipeline's at the same quality (--grain S sets it by hand);
  * --cycle K draws K frames up front and sends them in turn, so a frame
    costs what a camera's ready frame does: its encode and its sendto calls,
    not the ~25 ms numpy takes to draw a 1920x1080 one.
SIGTERM ends the run as --duration does, so the summary is still printed.

Usage: tutorial_sender.py --port P (--frames N | --duration S) [--host H]
       [--width W] [--height H] [--fps F] [--quality Q]
       [--grain S | --match-jpeg-bytes B] [--cycle K] [--record FILE]
Prints "sent N frames" on stdout; on stderr the grain when it was matched,
the mean JPEG size, and "sent N frames in T s, CPU C s": the sending loop's
wall and process CPU seconds (time.process_time), start-up excluded.
"""
import argparse
import math
import signal
import socket
import struct
import sys
import time

import cv2
import numpy as np

MAX_DGRAM = 2**16
MAX_IMAGE_DGRAM = MAX_DGRAM - 64  # the tutorial's 64-byte safety margin
DEFAULT_GRAIN = 1.5  # the noise's standard deviation, in 8-bit levels
MAX_GRAIN = 16.0  # the most --match-jpeg-bytes tries: at quality 80, twice the JPEG size of a camera's
MATCH_FRAMES = 4  # frames whose mean JPEG size is matched: their sizes differ by a few percent
MATCH_STEPS = 9  # halvings of 0..MAX_GRAIN: the grain to 0.03, the size to about 0.5%


class FrameSynth:
    """Deterministic test pattern; frame i depends only on (size, i)."""

    def __init__(self, width, height, grain=DEFAULT_GRAIN):
        self.w, self.h = width, height
        x = np.linspace(0, 255, width, dtype=np.float32)[None, :]
        y = np.linspace(0, 255, height, dtype=np.float32)[:, None]
        self.base = np.empty((height, width, 3), np.float32)
        self.base[..., 0], self.base[..., 1], self.base[..., 2] = x, y, (x + y) / 2
        # Noise is drawn once (fixed seed) and rolled per frame: generating it
        # afresh costs ~25 ms at 720p, too slow to keep 30 fps.
        self.unit_noise = np.random.default_rng(12345).standard_normal((height, width, 1))
        self.set_grain(grain)

    def set_grain(self, grain):
        """Scales the noise to standard deviation grain; frames drawn after it carry it."""
        self.noise = (self.unit_noise * grain).astype(np.float32)

    def frame(self, i):
        noise = np.roll(self.noise, (i * 7) % self.h, axis=0)
        img = np.clip(self.base + noise, 0, 255).astype(np.uint8)
        w, h = self.w, self.h
        cx = (i * 8) % w
        cv2.rectangle(img, (cx - w // 10, h // 2 - h // 8), (cx + w // 10, h // 2 + h // 8), (0, 200, 255), -1)
        cv2.circle(img, (w - cx, h // 3), h // 10, (255, 64, 32), -1)
        return img


def encode(img, quality):
    """JPEG bytes of img: at OpenCV's default quality, as in the tutorial, when quality is None."""
    params = [] if quality is None else [cv2.IMWRITE_JPEG_QUALITY, quality]
    return cv2.imencode('.jpg', img, params)[1].tobytes()  # tutorial used tostring(), removed in new numpy


def match_grain(synth, quality, target_bytes):
    """Sets the grain whose frames' mean JPEG size at quality is nearest target_bytes; returns it and the mean."""
    def mean_bytes(grain):
        synth.set_grain(grain)
        return sum(len(encode(synth.frame(i), quality)) for i in range(MATCH_FRAMES)) / MATCH_FRAMES
    # more grain, more bytes: halve the interval that holds the target
    low, high = 0.0, MAX_GRAIN
    low_bytes, high_bytes = mean_bytes(low), mean_bytes(high)
    for _ in range(MATCH_STEPS):
        if not low_bytes < target_bytes < high_bytes:
            break
        middle = (low + high) / 2
        middle_bytes = mean_bytes(middle)
        if middle_bytes < target_bytes:
            low, low_bytes = middle, middle_bytes
        else:
            high, high_bytes = middle, middle_bytes
    grain, mean = min((low, low_bytes), (high, high_bytes), key=lambda pair: abs(pair[1] - target_bytes))
    synth.set_grain(grain)
    return grain, mean


def udp_frame(sock, addr, img, quality=None):
    """Encode and send one frame exactly as the tutorial's FrameSegment does."""
    dat = encode(img, quality)
    size = len(dat)
    num_of_segments = math.ceil(size / MAX_IMAGE_DGRAM)
    start = 0
    while num_of_segments:
        end = min(size, start + MAX_IMAGE_DGRAM)
        sock.sendto(struct.pack("B", num_of_segments) + dat[start:end], addr)
        start = end
        num_of_segments -= 1
    return dat


def on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--width", type=int, default=640)
    p.add_argument("--height", type=int, default=480)
    p.add_argument("--frames", type=int, help="frames to send (default: until --duration)")
    p.add_argument("--duration", type=float, help="stop after this many seconds of sending")
    p.add_argument("--fps", type=float, default=30.0, help="frames per second; 0 sends as fast as it can")
    p.add_argument("--quality", type=int, help="JPEG quality 1..100 (default: OpenCV's, 95)")
    picture = p.add_mutually_exclusive_group()
    picture.add_argument("--grain", type=float, default=DEFAULT_GRAIN, help="the noise's standard deviation")
    picture.add_argument("--match-jpeg-bytes", type=int, metavar="B",
                         help="the grain whose mean JPEG size is nearest B bytes")
    p.add_argument("--cycle", type=int, default=0, metavar="K",
                   help="draw K frames up front and send them in turn (default: draw each as it is sent)")
    p.add_argument("--record", help="write every JPEG as sent, back to back (file is truncated first)")
    a = p.parse_args()
    if a.width <= 0 or a.height <= 0 or a.fps < 0:
        p.error("width and height must be positive, fps non-negative")
    if a.frames is None and a.duration is None:
        p.error("--frames or --duration is required")
    if (a.frames is not None and a.frames < 0) or (a.duration is not None and a.duration <= 0):
        p.error("frames must be non-negative and duration positive")
    if a.quality is not None and not 1 <= a.quality <= 100:
        p.error(f"--quality must be 1..100, was {a.quality}")
    if a.grain < 0 or (a.match_jpeg_bytes is not None and a.match_jpeg_bytes <= 0):
        p.error("grain must be non-negative and --match-jpeg-bytes positive")
    if a.cycle < 0:
        p.error(f"--cycle must be non-negative, was {a.cycle}")

    family = socket.AF_INET6 if ":" in a.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    synth = FrameSynth(a.width, a.height, a.grain)
    if a.match_jpeg_bytes is not None:
        grain, mean = match_grain(synth, a.quality, a.match_jpeg_bytes)
        print(f"grain {grain:.2f}: mean JPEG size {mean:.0f} bytes over {MATCH_FRAMES} frames,"
              f" for {a.match_jpeg_bytes}", file=sys.stderr)
    drawn = [synth.frame(i) for i in range(a.cycle)]
    record = open(a.record, "wb") if a.record else None
    total = sent = 0
    # SIGTERM (the benchmark's stop) ends the loop like --duration, so the summary is still printed
    signal.signal(signal.SIGTERM, on_sigterm)
    t0 = time.monotonic()
    cpu0 = time.process_time()
    try:
        while a.frames is None or sent < a.frames:
            if a.duration is not None and time.monotonic() - t0 >= a.duration:
                break
            if a.fps > 0:
                # Absolute schedule, so time spent encoding does not accumulate as drift.
                delay = t0 + sent / a.fps - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            img = drawn[sent % a.cycle] if drawn else synth.frame(sent)
            dat = udp_frame(sock, (a.host, a.port), img, a.quality)
            sent += 1
            total += len(dat)
            if record:
                record.write(dat)
    except KeyboardInterrupt:
        pass  # a frame cut short by the signal is not counted: it may have sent only some of its datagrams
    cpu = time.process_time() - cpu0
    seconds = time.monotonic() - t0
    if record:
        record.close()
    sock.close()
    mean = total / sent if sent else 0
    print(f"mean JPEG size {mean:.0f} bytes ({a.width}x{a.height})", file=sys.stderr)
    print(f"sent {sent} frames in {seconds:.3f} s, CPU {cpu:.3f} s", file=sys.stderr)
    print(f"sent {sent} frames", flush=True)


if __name__ == "__main__":
    main()
