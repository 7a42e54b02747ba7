package udpvideo.metrics;

import java.util.Arrays;

/**
 * Durations in microseconds (latency, encode and decode times) with their percentiles. Keeps the most recent
 * {@link #CAPACITY} samples, so memory stays bounded however long a program runs. Thread-safe.
 */
public final class Samples {
    /** About an hour at 30 fps: 2^17 samples, 1 MiB. */
    public static final int CAPACITY = 1 << 17;

    private final long[] samples = new long[CAPACITY];
    private long recorded;

    /** Adds one sample, in microseconds. */
    public synchronized void record(long micros) {
        samples[(int) (recorded % CAPACITY)] = micros;
        recorded++;
    }

    /** Forgets every sample. */
    public synchronized void clear() {
        recorded = 0;
    }

    /**
     * Nearest-rank percentiles in milliseconds, one per fraction (0.5 for the median, 0.99 for p99), or null
     * without samples.
     */
    public synchronized double[] millis(double... fractions) {
        int count = (int) Math.min(recorded, CAPACITY);
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        double[] result = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            int rank = (int) Math.ceil(fractions[i] * sorted.length);
            result[i] = sorted[Math.max(0, rank - 1)] / 1000.0;
        }
        return result;
    }
}
