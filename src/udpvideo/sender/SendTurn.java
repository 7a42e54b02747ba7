package udpvideo.sender;

/**
 * Keeps frames in capture order when several threads encode them: frame n is sent only after frame n - 1 was
 * sent (or given up), whichever thread finishes encoding first. The turns are the frame numbers
 * {@link FrameCapture} hands out, 0, 1, 2, ...; every number must be finished exactly once, even when its frame
 * failed, or the frames behind it wait forever. Thread-safe.
 */
final class SendTurn {
    /**
     * How long a frame waits for the one ahead of it. That one is at most an encode and a send away, well under a
     * second even at 8192 x 8192; a frame still waiting after this means its thread died without ending its turn.
     */
    static final long TURN_TIMEOUT_MS = 10_000;

    /** How long {@link #await} waits, in milliseconds. */
    private final long timeoutMs;
    /** The frame number whose turn it is. */
    private long current;

    /** Turns that wait at most {@link #TURN_TIMEOUT_MS} each. */
    SendTurn() {
        this(TURN_TIMEOUT_MS);
    }

    /** Turns that wait at most {@code timeoutMs} each. */
    SendTurn(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /**
     * Waits until it is frame {@code number}'s turn. Not interruptible, since leaving without a turn would stall
     * every frame behind it, but bounded: the interrupt status is kept for the caller.
     *
     * @throws IllegalStateException when the turn has not come within the timeout
     */
    synchronized void await(long number) {
        boolean isInterrupted = false;
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (current != number) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new IllegalStateException("frame " + number + " waited " + timeoutMs
                        + " ms for frame " + current + " to be sent");
            }
            try {
                wait(leftMs);
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
