package udpvideo.receiver;

/**
 * A one-slot hand-over between the thread that accepts frames and the one that shows them, where the newest
 * frame wins: putting a frame replaces one not yet taken, so a slow display skips frames instead of queueing
 * them, and latency never builds up. Thread-safe.
 */
final class FrameMailbox {
    private ReceivedFrame slot;

    /** Leaves a frame for the display; returns true when it replaced one that was never taken (a skip). */
    synchronized boolean put(ReceivedFrame frame) {
        boolean replaced = slot != null;
        slot = frame;
        notifyAll();
        return replaced;
    }

    /** Takes the newest frame, waiting up to {@code timeoutMs}; null when none came in that time. */
    synchronized ReceivedFrame take(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (slot == null) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        ReceivedFrame frame = slot;
        slot = null;
        return frame;
    }
}
