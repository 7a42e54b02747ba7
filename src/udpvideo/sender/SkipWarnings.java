package udpvideo.sender;

/**
 * The warnings for frames skipped as too large to send: the first at once, in full, then at most one every
 * {@link #REPEAT_NANOS} with how many were skipped since, so a stream that skips every frame says so in one line
 * every ten seconds instead of thirty lines a second. Used by one sending thread at a time, in frame order
 * ({@link SendTurn} sees to it), like {@link FrameOutput} that owns it.
 */
final class SkipWarnings {
    /** How long after a warning the next may come: long enough to read it, short enough to see it goes on. */
    static final long REPEAT_NANOS = 10_000_000_000L;
    /** When the last warning was given ({@link System#nanoTime}); meaningless before the first. */
    private long lastWarningNanos;
    private boolean isWarned;
    /** Frames skipped since the last warning. */
    private long unsaid;

    /**
     * Notes that frame {@code number} was skipped because {@code why}, at {@code nowNanos}; returns the warning
     * to print now, with {@code advice} (what to change) the first time, or null when one was printed less than
     * {@link #REPEAT_NANOS} ago.
     */
    String skipped(long number, String why, String advice, long nowNanos) {
        unsaid++;
        if (!isWarned) {
            isWarned = true;
            lastWarningNanos = nowNanos;
            unsaid = 0;
            return "warning: frame " + number + " skipped: " + why + "; " + advice
                    + " (frames skipped after this one are counted, and said every " + REPEAT_NANOS / 1_000_000_000
                    + " s)";
        }
        if (nowNanos - lastWarningNanos < REPEAT_NANOS) {
            return null;
        }
        String line = "warning: " + unsaid + " more frames skipped in the last "
                + Math.round((nowNanos - lastWarningNanos) / 1e9) + " s, the last one frame " + number + ": " + why;
        lastWarningNanos = nowNanos;
        unsaid = 0;
        return line;
    }
}
