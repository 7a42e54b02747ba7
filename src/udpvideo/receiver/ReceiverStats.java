package udpvideo.receiver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import udpvideo.metrics.Samples;
import udpvideo.stamp.FrameStamp;
import udpvideo.transport.Addresses;
import udpvideo.transport.ReceiveCounts;

/**
 * What happened to every datagram and frame, counted. Written by the receive, verify and display threads, read
 * once a second for the status line and at exit for the summary; the counting methods are public so that a
 * receiver assembled from the public pieces (the benchmark's, which decodes every frame) counts the same way.
 *
 * <p>Every datagram received ends in exactly one datagram counter: garbage, part of an incomplete frame, part of a
 * rejected frame, part of an unverified one, ignored (another sender, or not {@code --from}), part of an accepted
 * frame, or after the last frame wanted. Until then it is in a frame still being put together or verified, so
 * {@link #datagramsAccountedFor()} equals {@link #datagrams()} whenever the receiver is idle. Thread-safe.
 */
public final class ReceiverStats implements ReceiveCounts {
    final AtomicLong datagrams = new AtomicLong();
    /** Datagrams that cannot be segments: empty, countdown 0. */
    final AtomicLong garbage = new AtomicLong();
    /** Reads that failed, bringing no datagram. */
    final AtomicLong receiveErrors = new AtomicLong();
    /** Partial frames dropped because a segment was missing, duplicated or out of order. */
    final AtomicLong incomplete = new AtomicLong();
    final AtomicLong incompleteDatagrams = new AtomicLong();
    /** Complete frames that failed a check: structure, size, CRC, the stamp missing, or a clean decode. */
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong rejectedDatagrams = new AtomicLong();
    /** Of the rejected: unstamped frames from a sender whose frames were stamped. */
    final AtomicLong stampMissing = new AtomicLong();
    /** Frames from the shown sender that passed every check: recorded and counted toward --frames. */
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acceptedDatagrams = new AtomicLong();
    /** Accepted frames decoded (by the display, or by the verifier for unstamped frames). */
    final AtomicLong decoded = new AtomicLong();
    /** Accepted frames that were painted. */
    final AtomicLong shown = new AtomicLong();
    /** Accepted frames replaced by a newer one before the display took them. */
    final AtomicLong skipped = new AtomicLong();
    /** Accepted (stamped, CRC matched) frames that the display's decoder could not read. */
    final AtomicLong undecodable = new AtomicLong();
    /** Unstamped frames dropped unverified because the verifier was still busy with the ones before. */
    final AtomicLong unverified = new AtomicLong();
    final AtomicLong unverifiedDatagrams = new AtomicLong();
    /** Datagrams from senders not shown: another sender, or not the --from address. */
    final AtomicLong otherSenderDatagrams = new AtomicLong();
    /** Datagrams of frames that passed every check after --frames was reached. */
    final AtomicLong afterEndDatagrams = new AtomicLong();
    /** Senders forgotten to keep the memory held for strangers bounded. */
    final AtomicLong sendersForgotten = new AtomicLong();
    /** Latency of every painted stamped frame, since the start (or the last {@link #clearSamples()}). */
    final Samples latency = new Samples();
    /** Latency of the frames painted since the last status line. */
    final Samples recentLatency = new Samples();
    /** How long each decode took, on the display or verify thread. */
    final Samples decodeTimes = new Samples();
    /** Frames sent and not accepted, from the frame numbers. */
    final LossLedger loss = new LossLedger();
    /** Whom the receiver ignored since the last status line. */
    final IgnoredSenders ignored;
    /** When the first and the latest frame were accepted (System.nanoTime); written under the acceptor's lock. */
    private volatile long firstAcceptedNanos;
    private volatile long lastAcceptedNanos;
    /** Why the last frame was rejected, for the status line; null when none was. */
    private volatile String lastRejection;

    /** Stats for a receiver that admits any sender. */
    public ReceiverStats() {
        this(null);
    }

    /** Stats for a receiver whose {@code --from} is {@code onlyFrom} (null for any), which it names when ignoring. */
    public ReceiverStats(InetAddress onlyFrom) {
        ignored = new IgnoredSenders(onlyFrom);
    }

    @Override
    public void countDatagram() {
        datagrams.incrementAndGet();
    }

    @Override
    public void countGarbage() {
        garbage.incrementAndGet();
    }

    @Override
    public void countReceiveError() {
        receiveErrors.incrementAndGet();
    }

    @Override
    public void countIncomplete(InetSocketAddress sender, long frames, long packets) {
        incomplete.addAndGet(frames);
        incompleteDatagrams.addAndGet(packets);
        loss.incomplete(sender, frames);
    }

    @Override
    public void countNotAdmitted(InetSocketAddress sender) {
        otherSenderDatagrams.incrementAndGet();
        ignored.notFrom(sender);
    }

    @Override
    public void countSenderForgotten() {
        sendersForgotten.incrementAndGet();
    }

    /** Counts a frame of {@code packets} datagrams from {@code sender} that failed a check, and remembers why. */
    public void reject(InetSocketAddress sender, String reason, int packets) {
        rejected.incrementAndGet();
        rejectedDatagrams.addAndGet(packets);
        lastRejection = reason;
        loss.rejected(sender);
    }

    /** Counts an unstamped frame from a sender whose frames were stamped: rejected, "stamp missing". */
    public void rejectStampMissing(InetSocketAddress sender, int packets) {
        stampMissing.incrementAndGet();
        reject(sender, "stamp missing: " + Addresses.format(sender)
                + " sent stamped frames before", packets);
    }

    /** Counts a frame that passed its checks from a sender that is not the one shown. */
    public void countNotShown(InetSocketAddress sender, int packets) {
        otherSenderDatagrams.addAndGet(packets);
        ignored.notShown(sender);
    }

    /** Counts a frame that passed its checks after the frames wanted were all accepted. */
    public void countAfterEnd(int packets) {
        afterEndDatagrams.addAndGet(packets);
    }

    /** Counts an unstamped frame dropped because the verifier was busy. */
    public void countUnverified(int packets) {
        unverified.incrementAndGet();
        unverifiedDatagrams.addAndGet(packets);
    }

    /**
     * Counts an accepted frame of {@code packets} datagrams from {@code sender}, stamped with {@code stamp} (null
     * when it carried none). Callers that accept on several threads hold one lock. Returns the new count.
     */
    public long accept(InetSocketAddress sender, FrameStamp stamp, int packets, long nowNanos) {
        if (accepted.get() == 0) {
            firstAcceptedNanos = nowNanos;
        }
        lastAcceptedNanos = nowNanos;
        acceptedDatagrams.addAndGet(packets);
        loss.accepted(sender, stamp);
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

    /** Counts an accepted frame the display could not decode, and remembers why. */
    public void countUndecodable(String reason) {
        undecodable.incrementAndGet();
        lastRejection = reason;
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

    /** Frames rejected so far, for any reason. */
    public long rejected() {
        return rejected.get();
    }

    /** Of the rejected frames, those refused because their stamp was missing. */
    public long stampMissing() {
        return stampMissing.get();
    }

    /** Datagrams that could not be segments. */
    public long garbage() {
        return garbage.get();
    }

    /** Datagrams from senders that are not shown. */
    public long otherSenderDatagrams() {
        return otherSenderDatagrams.get();
    }

    /** Senders forgotten so far to keep memory bounded. */
    public long sendersForgotten() {
        return sendersForgotten.get();
    }

    /** Accepted frames the display could not decode (its decoder failed, or the heap ran out). */
    public long undecodable() {
        return undecodable.get();
    }

    /** Frames decoded so far. */
    public long decoded() {
        return decoded.get();
    }

    /** Datagrams received so far, of any kind. */
    public long datagrams() {
        return datagrams.get();
    }

    /** The datagrams in some counter of their fate: {@link #datagrams()} less those in frames still in progress. */
    public long datagramsAccountedFor() {
        return garbage.get() + incompleteDatagrams.get() + rejectedDatagrams.get() + unverifiedDatagrams.get()
                + otherSenderDatagrams.get() + acceptedDatagrams.get() + afterEndDatagrams.get();
    }

    /** Frames sent and lost, from the frame numbers: {@link LossLedger}. */
    public long lost() {
        return loss.loss().lost();
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
