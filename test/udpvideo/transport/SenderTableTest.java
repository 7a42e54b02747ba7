package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import udpvideo.codec.Codecs;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.packet.CountdownDepacketizer;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.packet.Depacketizer;

/** The per-sender state stays bounded, and strangers cannot break the frames of the sender listened to. */
class SenderTableTest {
    private static final InetSocketAddress SHOWN = new InetSocketAddress("127.0.0.1", 4000);

        private final CountsSeen counts = new CountsSeen();
    private final AtomicInteger made = new AtomicInteger();
    private final SenderTable table = new SenderTable(() -> {
        made.incrementAndGet();
        return new CountdownDepacketizer(Codecs::startsAnyFrame);
    }, counts);

    /** The {@code i}th of up to 2^24 loopback addresses, made from its bytes: no name is ever looked up. */
    private static InetSocketAddress stranger(int i) {
        byte[] address = {127, (byte) (i >> 16), (byte) (i >> 8), (byte) i};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), 5000);
        } catch (UnknownHostException e) {
            throw new AssertionError("4 bytes are an IPv4 address", e);
        }
    }

    /** The first datagram of a frame of {@code segments}: it opens a frame and holds buffer. */
    private static byte[] frameOpening(int segments) {
        byte[] datagram = new byte[1 + 60_000];
        datagram[0] = (byte) segments;
        datagram[1] = (byte) 0xFF;
        datagram[2] = (byte) 0xD8;
        return datagram;
    }

    @Test
    void aFloodOfNewAddressesNeverBreaksAFrameOfTheSenderListenedTo() {
        byte[] frame = TestJpegs.stampedJpeg(1280, 720, 5, 0, 1_763_700_000_000_000L);
        List<byte[]> segments = TestJpegs.datagrams(new CountdownPacketizer(8_000), frame);
        assertTrue(segments.size() > 10, "a frame of many datagrams");
        table.listenedTo(SHOWN); // a newcomer first, until its first frame is taken
        Depacketizer shown = table.depacketizerFor(SHOWN);
        table.listenedTo(SHOWN);
        byte[] opening = frameOpening(200);
        int completed = 0;
        int stranger = 0;
        for (int round = 0; round < 20; round++) {
            for (byte[] segment : segments) {
                assertSame(shown, table.depacketizerFor(SHOWN), "the shown sender keeps its depacketizer");
                if (shown.accept(segment, 0, segment.length) == Depacketizer.Step.COMPLETE) {
                    completed++;
                }
                for (int i = 0; i < 50; i++) { // 50 new addresses between every two of its datagrams
                    InetSocketAddress from = stranger(stranger++);
                    Depacketizer theirs = table.depacketizerFor(from);
                    theirs.accept(opening, 0, opening.length);
                    table.grew(from);
                }
            }
        }
        assertEquals(20, completed, "every frame of the shown sender completed");
        assertEquals(0, shown.incompleteFrames());
        assertTrue(made.get() <= SenderTable.MAX_NEWCOMERS + 1, made.get() + " depacketizers were made: a new"
                + " address reuses a forgotten one's");
        assertEquals(stranger - SenderTable.MAX_NEWCOMERS, counts.forgotten.get(), "each forgotten counted");
        assertEquals(counts.forgotten.get(), counts.incompleteFrames.get(), "each stranger's open frame counted");
        assertEquals(counts.forgotten.get(), counts.incompletePackets.get(), "with its one datagram");
    }

    @Test
    void newcomersHoldNoMoreThanTheirBoundOfMemory() {
        byte[] opening = frameOpening(255);
        byte[] next = opening.clone();
        for (int i = 0; i < SenderTable.MAX_NEWCOMERS; i++) {
            InetSocketAddress from = stranger(i);
            Depacketizer depacketizer = table.depacketizerFor(from);
            depacketizer.accept(opening, 0, opening.length);
            for (int countdown = 254; countdown > 200; countdown--) { // grow each to 55 datagrams' worth
                next[0] = (byte) countdown;
                next[1] = 0; // not a frame's start: the rest of it
                depacketizer.accept(next, 0, next.length);
                table.grew(from);
            }
        }
        long held = table.newcomerBytes();
        assertTrue(held <= SenderTable.MAX_NEWCOMER_BYTES, "newcomers hold " + held + " bytes");
        assertTrue(counts.forgotten.get() > 0, "some were forgotten to stay within the bound");
    }

    @Test
    void abandonAllCountsEveryFrameInProgress() {
        byte[] opening = frameOpening(3);
        for (int i = 0; i < 5; i++) {
            table.depacketizerFor(stranger(i)).accept(opening, 0, opening.length);
        }
        table.abandonAll();
        assertEquals(5, counts.incompleteFrames.get());
        assertEquals(5, counts.incompletePackets.get());
        assertEquals(0, counts.forgotten.get(), "stopping forgets nobody: it ends");
    }
}
