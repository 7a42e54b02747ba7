package udpvideo.receiver;

import java.util.Arrays;

/**
 * Latency samples, in microseconds, with their median and 95th percentile. Keeps the most recent
 * {@link #CAPACITY} samples, so memory stays bounded however long the receiver runs. Thread-safe.
 */
final class LatencyStats {
    /** About an hour at 30 fps: 2^17 samples, 1 MiB. */
    static final int CAPACITY = 1 << 17;

    private final long[] samples = new long[CAPACITY];
    private long recorded;

    /** Adds one sample. */
    synchronized void record(long micros) {
        samples[(int) (recorded % CAPACITY)] = micros;
        recorded++;
    }

    /** Forgets every sample. */
    synchronized void clear() {
        recorded = 0;
    }

    /** Whether any sample was recorded since the last {@link #clear()}. */
    synchronized boolean isEmpty() {
        return recorded == 0;
    }

    /** The median and 95th percentile in milliseconds, or null without samples. */
    synchronized double[] medianAndP95Millis() {
        int count = (int) Math.min(recorded, CAPACITY);
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.95) / 1000.0};
    }

    /** Nearest-rank percentile of sorted samples. */
    private static long percentile(long[] sorted, double fraction) {
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
