package udpvideo.sender;

/**
 * Keeps frames in capture order when several threads encode them: frame n is sent only after frame n - 1 was
 * sent (or given up), whichever thread finishes encoding first. The turns are the frame numbers
 * {@link FrameCapture} hands out, 0, 1, 2, ...; every number must be finished exactly once, even when its frame
 * failed, or the frames behind it wait forever. Thread-safe.
 */
final class SendTurn {
    /** The frame number whose turn it is. */
    private long current;

    /**
     * Waits until it is frame {@code number}'s turn. Not interruptible: the frame ahead is at most one encode and
     * one send away, and leaving without a turn would stall every frame behind it. The interrupt status is kept.
     */
    synchronized void await(long number) {
        boolean isInterrupted = false;
        while (current != number) {
            try {
                wait();
            } catch (InterruptedException e) {
                isInterrupted = true; // kept for the caller, after the turn
            }
        }
        if (isInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends frame {@code number}'s turn, which must be the current one, and wakes the thread holding the next. */
    synchronized void finish(long number) {
        if (number != current) {
            throw new IllegalStateException("frame " + number + " finished during frame " + current + "'s turn");
        }
        current++;
        notifyAll();
    }
}
