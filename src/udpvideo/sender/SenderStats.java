package udpvideo.sender;

import java.util.Locale;
import udpvideo.metrics.Samples;
import udpvideo.transport.FrameTransmitter;
import udpvideo.transport.TransmitCounts;

/**
 * The sender's numbers: a line once a second (frames/s, kbit/s, mean KB per frame, datagrams per frame) and a
 * summary at exit. The counts are written by one sending thread at a time, in turn ({@link SendTurn}'s lock
 * orders them); the encode times by any sending thread. {@link #frames()}, {@link #bytes()} and the encode times
 * may be read from any thread while it runs (a test, the benchmark).
 */
public final class SenderStats {
    private static final long REPORT_INTERVAL_NANOS = 1_000_000_000L;

    /** When sending began: when the stats were made, or when a viewer first said hello ({@link #begin}). */
    private long startNanos = System.nanoTime();
    private long intervalStart = startNanos;
    /** Volatile so that another thread can watch the count. */
    private volatile long frames;
    /** How long each frame took to encode. */
    final Samples encodeTimes = new Samples();
    /** Volatile, like {@link #frames}. */
    private volatile long bytes;
    private long datagrams;
    private long tooLarge;
    private long intervalFrames;
    private long intervalBytes;
    private long intervalDatagrams;

    /**
     * Starts the clock again at {@code nowNanos}, before the first frame, so that the time spent waiting for a
     * viewer's hello counts in no rate. Called by the sending thread before the others start.
     */
    void begin(long nowNanos) {
        startNanos = nowNanos;
        intervalStart = nowNanos;
    }

    /** Counts a frame that was sent as {@code segments} datagrams. */
    void frameSent(int frameBytes, int segments) {
        frames = frames + 1; // writers take turns (SendTurn): no lost update
        bytes = bytes + frameBytes;
        datagrams += segments;
        intervalFrames++;
        intervalBytes += frameBytes;
        intervalDatagrams += segments;
    }

    /** Counts a frame skipped because it needs more than 255 datagrams. */
    void frameTooLarge() {
        tooLarge++;
    }

    /** Frames sent so far. */
    public long frames() {
        return frames;
    }

    /** Bytes of the frames sent so far. */
    public long bytes() {
        return bytes;
    }

    /** Encode time percentiles in ms (0.5 for the median), or null before the first frame. */
    public double[] encodeMillis(double... fractions) {
        return encodeTimes.millis(fractions);
    }

    /** Forgets the encode times so far, so that what follows is measured on its own (after a warm-up). */
    public void clearSamples() {
        encodeTimes.clear();
    }

    /** The line for the last second, or null when a second has not passed yet. */
    String reportIfDue(long nowNanos, FrameTransmitter transmitter) {
        long elapsed = nowNanos - intervalStart;
        if (elapsed < REPORT_INTERVAL_NANOS) {
            return null;
        }
        TransmitCounts counts = transmitter.counts(); // once a second, not once a frame
        double seconds = elapsed / 1e9;
        String line = String.format(Locale.ROOT,
                "sent %.1f frames/s, %.0f kbit/s, %.1f KB/frame, %.1f datagrams/frame",
                intervalFrames / seconds, intervalBytes * 8 / 1000.0 / seconds,
                intervalFrames == 0 ? 0 : intervalBytes / 1000.0 / intervalFrames,
                intervalFrames == 0 ? 0 : (double) intervalDatagrams / intervalFrames);
        if (counts.sendErrors() > 0) {
            line += ", " + counts.sendErrors() + " send errors (last: " + counts.lastSendError() + ")";
        }
        if (counts.framesReplaced() > 0) {
            line += ", " + counts.framesReplaced() + " frames replaced by newer ones before they could leave";
        }
        intervalStart = nowNanos;
        intervalFrames = 0;
        intervalBytes = 0;
        intervalDatagrams = 0;
        return line;
    }

    /** The one-line summary at exit. */
    String summary(long nowNanos, TransmitCounts counts, String why) {
        double seconds = Math.max(1e-9, (nowNanos - startNanos) / 1e9);
        return String.format(Locale.ROOT,
                "sent %d frames (%d datagrams, %.1f MB) in %.1f s: %.1f frames/s, %.0f kbit/s;"
                        + " %d datagrams dropped by --simulate-loss, %d send errors, %d frames too large,"
                        + " %d replaced before they could leave; stopped: %s",
                frames, datagrams, bytes / 1e6, seconds, frames / seconds, bytes * 8 / 1000.0 / seconds,
                counts.packetsDropped(), counts.sendErrors(), tooLarge, counts.framesReplaced(), why);
    }
}
