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

For udpvideo's benchmark, --duration S measures a window of S seconds that
opens --warmup W seconds after the first datagram, then stops. The window is
time, not frames: a receiver that never finds a frame boundary has delivered
nothing, and is measured so. Should the datagrams stop first, it ends with
the last one. Before the summary it prints
"measured T s: frames N decoded M failed K broken J intact I, CPU C s"
with the window's wall and process CPU seconds (time.process_time) and the
frames done in it. A broken frame is one whose datagrams did not count down
by one to 1, or whose first datagram did not start a JPEG: a datagram was
lost, and pieces of two frames were glued or a frame's head is missing.
imdecode often still returns a picture for one, so broken frames are counted
in decoded or failed as well; intact frames are those decoded and not broken.
The check cannot see every splice: a frame's tail lost together with the next
frame's head leaves an unbroken countdown. Checked over loopback against the
CRCs of the JPEGs sent, it flagged all but one of some 2,300 glued or
headless frames, and no whole one.

Usage: tutorial_receiver.py [--bind H] [--port P] [--frames N]
       [--timeout S] [--record FILE] [--warmup W --duration S]
Prints "listening on HOST:PORT" once bound, and at exit
"frames N decoded M failed K" (failed = imdecode returned None or raised).
"""
import argparse
import signal
import socket
import struct
import sys
import time

import cv2
import numpy as np

MAX_DGRAM = 2**16
JPEG_START = b"\xff\xd8"  # SOI: every JPEG's first two bytes


def recv_segment(s, window=None):
    """Next datagram as (n, payload), or None on timeout or once the window is over."""
    while True:
        try:
            seg, _addr = s.recvfrom(MAX_DGRAM)
        except socket.timeout:
            return None
        if window and window.is_over():
            return None
        if seg:  # an empty datagram has no header byte (the tutorial would crash); skip it
            return struct.unpack("B", seg[0:1])[0], seg[1:]


def dump_buffer(s, window=None):
    """Discard datagrams until one ends a frame; False on timeout or once the window is over."""
    while True:
        got = recv_segment(s, window)
        if got is None:
            return False
        if got[0] == 1:
            return True


class Window:
    """A measured stretch of time: the frames done in it, its wall seconds and process CPU seconds."""

    def __init__(self, warmup, duration):
        self.warmup, self.duration = warmup, duration
        self.opens_at = self.closes_at = None  # time.monotonic(), set at the first datagram
        self.started = self.ended = None  # the first and the latest datagram in the window
        self.cpu_started = self.cpu_ended = None  # time.process_time() as it opened and closed
        self.frames = self.decoded = self.failed = self.broken = self.intact = 0

    def is_over(self):
        """Called at every datagram: opens the window, then closes it; True once it is closed."""
        now = time.monotonic()
        if self.opens_at is None:
            self.opens_at = now + self.warmup
            self.closes_at = self.opens_at + self.duration
        if now < self.opens_at:
            return False
        if self.started is None:
            self.started, self.cpu_started = now, time.process_time()
        self.ended = now
        if now >= self.closes_at:
            self.cpu_ended = time.process_time()
            return True
        return False

    def frame_done(self, is_decoded, is_broken):
        """Counts a frame just done, if the window is open."""
        if self.started is None:
            return
        self.frames += 1
        self.decoded += is_decoded
        self.failed += not is_decoded
        self.broken += is_broken
        self.intact += is_decoded and not is_broken

    def summary(self):
        seconds = cpu = 0.0
        if self.started is not None:
            seconds = self.ended - self.started
            # closed by a timeout rather than by time: the wait for it cost no CPU
            cpu = (self.cpu_ended if self.cpu_ended is not None else time.process_time()) - self.cpu_started
        return (f"measured {seconds:.3f} s: frames {self.frames} decoded {self.decoded} failed {self.failed}"
                f" broken {self.broken} intact {self.intact}, CPU {cpu:.3f} s")


def on_sigterm(_signum, _frame):
    raise KeyboardInterrupt


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--frames", type=int, help="stop after this many frames (decoded or failed)")
    p.add_argument("--timeout", type=float, default=5.0, help="stop after this long without a datagram")
    p.add_argument("--record", help="write every reassembled frame, back to back")
    p.add_argument("--warmup", type=float, default=0.0, help="seconds from the first datagram to the window")
    p.add_argument("--duration", type=float, help="measure a window this long, then stop")
    a = p.parse_args()
    if a.timeout <= 0 or (a.frames is not None and a.frames < 0):
        p.error("timeout must be positive and frames non-negative")
    if a.warmup < 0 or (a.duration is not None and a.duration <= 0):
        p.error("warmup must be non-negative and duration positive")

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
    window = Window(a.warmup, a.duration) if a.duration is not None else None
    try:
        if a.frames != 0 and dump_buffer(s, window):
            dat = b''
            previous = None  # the countdown byte of the frame's latest datagram, to spot a gap
            is_broken = False
            while a.frames is None or frames < a.frames:
                got = recv_segment(s, window)
                if got is None:
                    break
                n, payload = got
                dat += payload
                if previous is None:
                    is_broken = not payload.startswith(JPEG_START)
                elif n != previous - 1:
                    is_broken = True
                previous = n
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
                if window:
                    window.frame_done(img is not None, is_broken)
                dat = b''
                previous = None
                is_broken = False
    except KeyboardInterrupt:
        pass
    if record:
        record.close()
    s.close()
    if window:
        print(window.summary(), flush=True)
    print(f"frames {frames} decoded {decoded} failed {failed}", flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
