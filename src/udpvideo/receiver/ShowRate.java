package udpvideo.receiver;

import java.util.ArrayDeque;

/**
 * The frame rate over the last second, from the times frames were shown: right from the second frame on, not
 * only after a whole second has passed. Used by the display thread only.
 */
final class ShowRate {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    /** Times of the frames shown in the last second, oldest first. */
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    /** Notes a frame shown at {@code nowNanos}; returns the frames per second over the last second. */
    double shownAt(long nowNanos) {
        times.addLast(nowNanos);
        while (nowNanos - times.peekFirst() > WINDOW_NANOS) {
            times.removeFirst();
        }
        long span = nowNanos - times.peekFirst();
        return span == 0 ? 0 : (times.size() - 1) * 1e9 / span;
    }
}
