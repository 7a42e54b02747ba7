package udpvideo.receiver;

import java.util.concurrent.atomic.AtomicLong;
import udpvideo.metrics.Samples;
import udpvideo.transport.ReceiveCounts;

/**
 * What happened to every datagram and frame, counted. Written by the receive, verify and display threads, read
 * once a second for the status line and at exit for the summary; the counting methods are public so that a
 * receiver assembled from the public pieces (the benchmark's, which decodes every frame) counts the same way.
 * Thread-safe.
 */
public final class ReceiverStats implements ReceiveCounts {
    final AtomicLong datagrams = new AtomicLong();
    /** Datagrams that cannot be segments: empty, countdown 0. */
    final AtomicLong garbage = new AtomicLong();
    /** Partial frames dropped because a segment was missing, duplicated or out of order. */
    final AtomicLong incomplete = new AtomicLong();
    /** Complete frames that failed a check: structure, size, CRC, or a clean decode. */
    final AtomicLong rejected = new AtomicLong();
    /** Frames from the shown sender that passed every check: recorded and counted toward --frames. */
    final AtomicLong accepted = new AtomicLong();
    /** Accepted frames decoded (by the display, or by the verifier for unstamped frames). */
    final AtomicLong decoded = new AtomicLong();
    /** Accepted frames that were painted. */
    final AtomicLong shown = new AtomicLong();
    /** Accepted frames replaced by a newer one before the display took them. */
    final AtomicLong skipped = new AtomicLong();
    /** Unstamped frames dropped unverified because the verifier was still busy with the ones before. */
    final AtomicLong unverified = new AtomicLong();
    /** Datagrams from senders not shown: another sender, or not the --from address. */
    final AtomicLong otherSenderDatagrams = new AtomicLong();
    /** Latency of every painted stamped frame, since the start (or the last {@link #clearSamples()}). */
    final Samples latency = new Samples();
    /** Latency of the frames painted since the last status line. */
    final Samples recentLatency = new Samples();
    /** How long each decode took, on the display or verify thread. */
    final Samples decodeTimes = new Samples();
    /** When the first and the latest frame were accepted (System.nanoTime); written under the acceptor's lock. */
    private volatile long firstAcceptedNanos;
    private volatile long lastAcceptedNanos;
    /** Why the last frame was rejected, for the status line; null when none was. */
    private volatile String lastRejection;

    @Override
    public void countDatagram() {
        datagrams.incrementAndGet();
    }

    @Override
    public void countGarbage() {
        garbage.incrementAndGet();
    }

    @Override
    public void countIncomplete(long frames) {
        incomplete.addAndGet(frames);
    }

    @Override
    public void countNotAdmitted() {
        otherSenderDatagrams.incrementAndGet();
    }

    /** Counts a rejected frame and remembers why. */
    public void reject(String reason) {
        rejected.incrementAndGet();
        lastRejection = reason;
    }

    /** Counts an accepted frame; callers that accept on several threads hold one lock. Returns the new count. */
    public long accept(long nowNanos) {
        if (accepted.get() == 0) {
            firstAcceptedNanos = nowNanos;
        }
        lastAcceptedNanos = nowNanos;
        return accepted.incrementAndGet();
    }

    /** Accepted frames per second from the first accepted frame to the latest; 0 before the second. */
    public double acceptedPerSecond() {
        long span = lastAcceptedNanos - firstAcceptedNanos;
        long frames = accepted.get();
        return frames < 2 || span <= 0 ? 0 : (frames - 1) * 1e9 / span;
    }

    /** Records the latency of a painted frame. */
    public void painted(long latencyMicros) {
        latency.record(latencyMicros);
        recentLatency.record(latencyMicros);
    }

    /** Counts an accepted frame that was replaced by a newer one before it could be shown. */
    public void countSkipped() {
        skipped.incrementAndGet();
    }

    /** Why the last frame was rejected, or null. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Frames accepted so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Frames shown so far. */
    public long shown() {
        return shown.get();
    }

    /** Unstamped frames dropped unverified so far, the verifier being behind. */
    public long unverified() {
        return unverified.get();
    }

    /** Frames skipped so far. */
    public long skipped() {
        return skipped.get();
    }

    /** Partial frames dropped so far. */
    public long incomplete() {
        return incomplete.get();
    }

    /** Frames rejected so far. */
    public long rejected() {
        return rejected.get();
    }

    /** Datagrams that could not be segments. */
    public long garbage() {
        return garbage.get();
    }

    /** Datagrams from senders that are not shown. */
    public long otherSenderDatagrams() {
        return otherSenderDatagrams.get();
    }

    /** Frames decoded so far. */
    public long decoded() {
        return decoded.get();
    }

    /** Datagrams received so far, of any kind. */
    public long datagrams() {
        return datagrams.get();
    }

    /** Records how long a decode took. */
    public void decodedIn(long micros) {
        decoded.incrementAndGet();
        decodeTimes.record(micros);
    }

    /**
     * Latency percentiles in ms (0.5 for the median) since the start, or null when no painted frame carried a
     * capture time. Latency runs from the sender's capture to the paint, so it needs the two clocks to agree.
     */
    public double[] latencyMillis(double... fractions) {
        return latency.millis(fractions);
    }

    /** Decode time percentiles in ms, or null before the first decode. */
    public double[] decodeMillis(double... fractions) {
        return decodeTimes.millis(fractions);
    }

    /** Forgets the latency and decode-time samples so far, so a benchmark measures only after its warm-up. */
    public void clearSamples() {
        latency.clear();
        decodeTimes.clear();
    }
}
