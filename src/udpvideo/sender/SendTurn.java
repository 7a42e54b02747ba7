package udpvideo.sender;

/**
 * Keeps frames in order when several threads encode them: frame n is sent only after frame n - 1 was sent (or
 * given up), whichever thread finishes encoding first. Tickets are the frame numbers {@link FrameCapture} hands
 * out, 0, 1, 2, ...; every ticket must be finished exactly once, even when its frame failed, or the next waits
 * forever. Thread-safe.
 */
final class SendTurn {
    /** The ticket whose turn it is. */
    private long current;

    /**
     * Waits until it is {@code ticket}'s turn. Not interruptible: the frame ahead is at most one encode and one
     * send away, and giving up the turn would stall every frame behind it. The interrupt status is kept.
     */
    synchronized void await(long ticket) {
        boolean isInterrupted = false;
        while (current != ticket) {
            try {
                wait();
            } catch (InterruptedException e) {
                isInterrupted = true;
            }
        }
        if (isInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends {@code ticket}'s turn, which must be the current one, and wakes the thread holding the next. */
    synchronized void finish(long ticket) {
        if (ticket != current) {
            throw new IllegalStateException("ticket " + ticket + " finished during ticket " + current + "'s turn");
        }
        current++;
        notifyAll();
    }
}
