package udpvideo.transport;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import udpvideo.packet.Depacketizer;

/**
 * One {@link Depacketizer} per sender address, so datagrams from two senders never mix in one frame, in bounded
 * memory whoever sends.
 *
 * <p>Senders are of two kinds. A <em>listened-to</em> sender has had a frame taken by the receiver (see
 * {@link FrameHandler#frame}); there are at most {@link #MAX_LISTENED_TO}. A <em>newcomer</em> has not, and
 * newcomers are kept apart: at most {@link #MAX_NEWCOMERS} of them, holding at most {@link #MAX_NEWCOMER_BYTES}
 * between them, the one heard from least recently forgotten first. So datagrams from thousands of addresses churn
 * only the newcomers and never break a frame of the sender being shown. A forgotten sender's frame in progress
 * is counted as incomplete, and its depacketizer is reused for the next newcomer: a new address allocates
 * nothing and so costs no more than a known one. Owned by the receive thread; not thread-safe.
 */
final class SenderTable {
    /** A classroom's senders, shown one at a time; each may hold a frame's worth of buffer. */
    static final int MAX_LISTENED_TO = 8;
    /** Enough for a few senders starting at once. */
    static final int MAX_NEWCOMERS = 32;
    /** Two of the largest frames the countdown can carry (255 datagrams of 65,472 bytes). */
    static final long MAX_NEWCOMER_BYTES = 32L << 20;

    private final Supplier<Depacketizer> factory;
    private final ReceiveCounts counts;
    private final Map<InetSocketAddress, Depacketizer> listenedTo = accessOrdered();
    private final Map<InetSocketAddress, Depacketizer> newcomers = accessOrdered();

    SenderTable(Supplier<Depacketizer> factory, ReceiveCounts counts) {
        this.factory = factory;
        this.counts = counts;
    }

    private static Map<InetSocketAddress, Depacketizer> accessOrdered() {
        return new LinkedHashMap<>(16, 0.75f, true); // iteration starts at the least recently used
    }

    /** The depacketizer for {@code sender}: its own if known, otherwise a newcomer's, forgetting the eldest. */
    Depacketizer depacketizerFor(InetSocketAddress sender) {
        Depacketizer known = listenedTo.get(sender);
        if (known == null) {
            known = newcomers.get(sender);
        }
        if (known != null) {
            return known;
        }
        Depacketizer fresh = newcomers.size() < MAX_NEWCOMERS ? factory.get() : forgetEldest(newcomers);
        newcomers.put(sender, fresh);
        return fresh;
    }

    /** Moves {@code sender} among the listened-to, whose frames newcomers cannot break. */
    void listenedTo(InetSocketAddress sender) {
        Depacketizer depacketizer = newcomers.remove(sender);
        if (depacketizer == null) {
            return; // already listened to
        }
        if (listenedTo.size() >= MAX_LISTENED_TO) {
            forgetEldest(listenedTo);
        }
        listenedTo.put(sender, depacketizer);
    }

    /** After {@code sender}'s depacketizer grew: forgets the eldest newcomers until they fit their bound again. */
    void grew(InetSocketAddress sender) {
        if (!newcomers.containsKey(sender)) {
            return; // a listened-to sender's frames are as large as it sends
        }
        long held = newcomerBytes();
        Iterator<Map.Entry<InetSocketAddress, Depacketizer>> eldestFirst = newcomers.entrySet().iterator();
        while (held > MAX_NEWCOMER_BYTES && eldestFirst.hasNext()) {
            Map.Entry<InetSocketAddress, Depacketizer> entry = eldestFirst.next();
            long before = entry.getValue().retainedBytes();
            abandon(entry.getKey(), entry.getValue());
            counts.countSenderForgotten();
            held -= before - entry.getValue().retainedBytes();
            eldestFirst.remove(); // the one that grew, too, when it alone is over the bound
        }
    }

    /** The bytes the newcomers hold between them. */
    long newcomerBytes() {
        long held = 0;
        for (Depacketizer depacketizer : newcomers.values()) {
            held += depacketizer.retainedBytes();
        }
        return held;
    }

    /** Counts every frame in progress as incomplete: the receiver is stopping. */
    void abandonAll() {
        listenedTo.forEach(this::abandon);
        newcomers.forEach(this::abandon);
    }

    /**
     * Counts as {@code sender}'s what {@code depacketizer} dropped since it had dropped {@code framesBefore} frames
     * and {@code packetsBefore} packets, if anything: the one place its drops become counts. Allocates nothing,
     * since the receive thread calls it for every datagram.
     */
    static void countDrops(Depacketizer depacketizer, long framesBefore, long packetsBefore,
            InetSocketAddress sender, ReceiveCounts counts) {
        long frames = depacketizer.incompleteFrames() - framesBefore;
        long packets = depacketizer.droppedPackets() - packetsBefore;
        if (frames != 0 || packets != 0) {
            counts.countIncomplete(sender, frames, packets);
        }
    }

    /** Removes the least recently heard sender of {@code senders} and returns its depacketizer, emptied. */
    private Depacketizer forgetEldest(Map<InetSocketAddress, Depacketizer> senders) {
        Iterator<Map.Entry<InetSocketAddress, Depacketizer>> eldest = senders.entrySet().iterator();
        Map.Entry<InetSocketAddress, Depacketizer> entry = eldest.next();
        eldest.remove();
        abandon(entry.getKey(), entry.getValue());
        counts.countSenderForgotten();
        return entry.getValue();
    }

    private void abandon(InetSocketAddress sender, Depacketizer depacketizer) {
        long frames = depacketizer.incompleteFrames();
        long packets = depacketizer.droppedPackets();
        depacketizer.abandon();
        countDrops(depacketizer, frames, packets, sender, counts);
    }
}
