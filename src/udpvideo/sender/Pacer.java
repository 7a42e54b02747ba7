package udpvideo.sender;

import java.util.function.LongSupplier;
import udpvideo.cli.StopSignal;

/**
 * Paces frames on a fixed schedule: frame k is due at start + k / fps, measured on the monotonic clock, so
 * waiting never accumulates drift. A sender that falls more than a frame behind (slow source, slow encode) starts
 * a new schedule from now rather than sending a burst to catch up. Not thread-safe: its owner, the
 * {@link FrameCapture}, lets one thread at a time use it.
 */
final class Pacer {
    private final long periodNanos;
    /** The monotonic clock, in nanoseconds: {@link System#nanoTime} except in tests. */
    private final LongSupplier clock;
    private long start;
    private long frameIndex;

    /** A pacer for {@code framesPerSecond} on the system's monotonic clock; 0 means as fast as possible. */
    Pacer(double framesPerSecond) {
        this(framesPerSecond, System::nanoTime);
    }

    Pacer(double framesPerSecond, LongSupplier clock) {
        if (framesPerSecond < 0) {
            throw new IllegalArgumentException("frames per second must be 0 or more, was " + framesPerSecond);
        }
        this.periodNanos = framesPerSecond == 0 ? 0 : Math.round(1e9 / framesPerSecond);
        this.clock = clock;
    }

    /** Whether there is a schedule at all: false for 0 frames per second, as fast as possible. */
    boolean isPaced() {
        return periodNanos != 0;
    }

    /** Waits until the next frame is due, or until a stop is asked for; returns false on stop. */
    boolean awaitNextFrame(StopSignal stop) {
        long wait = nanosUntilNextFrame();
        return wait > 0 ? !stop.await(wait) : !stop.isStopped();
    }

    /**
     * When the frame after the one just booked is due ({@link System#nanoTime} in production), or -1 when
     * unpaced or nothing is booked yet.
     */
    long nextDueNanos() {
        return periodNanos == 0 || frameIndex == 0 ? -1 : start + frameIndex * periodNanos;
    }

    /** Books the next frame's slot and returns how long until it is due; 0 or less means now. */
    long nanosUntilNextFrame() {
        if (periodNanos == 0) {
            return 0;
        }
        long now = clock.getAsLong();
        if (frameIndex == 0) {
            start = now;
        }
        long due = start + frameIndex * periodNanos;
        if (now - due > periodNanos) {
            start = now; // more than a frame late: restart the schedule instead of bursting
            frameIndex = 0;
            due = now;
        }
        frameIndex++;
        return due - now;
    }
}
