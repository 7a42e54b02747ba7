package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import udpvideo.stamp.FrameStamp;

/** The status line's and the summary's words. */
class StatusLineTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 5000);

    private static FrameStamp stamp(long number) {
        return new FrameStamp(number, 0, 0);
    }

    @Test
    void summaryNamesEveryCount() {
        ReceiverStats stats = new ReceiverStats();
        for (int i = 0; i < 6; i++) {
            stats.countDatagram();
        }
        stats.accept(SENDER, stamp(0), 1, 0);
        stats.reject(SENDER, "test", 1);
        stats.countIncomplete(SENDER, 1, 2);
        stats.accept(SENDER, stamp(4), 1, 1_000_000_000L);
        stats.countGarbage();
        String[] summary = new StatusLine(stats).summary(System.nanoTime()).split(System.lineSeparator());
        assertEquals(2, summary.length);
        assertEquals("datagrams: 6 received = 2 in accepted frames + 2 in incomplete frames + 1 in rejected frames"
                + " + 0 in unverified frames + 0 ignored (other senders, --from) + 1 garbage", summary[0]);
        assertTrue(summary[1].startsWith("received 2 frames accepted, 0 shown, 0 skipped, 1 incomplete, 1 rejected,"
                + " 0 unverified in "), summary[1]);
        assertTrue(summary[1].contains("; 1.0 fps accepted; 3 lost (60.0%) of 5 sent: 1 never arrived, 1 arrived"
                + " incomplete, 1 rejected; latency unknown (no stamped frames)"), summary[1]);
    }

    @Test
    void statusLineLabelsBothRatesAndTheLossOfTheSecond() {
        ReceiverStats stats = new ReceiverStats();
        StatusLine status = new StatusLine(stats);
        long start = System.nanoTime();
        status.next(start, null);
        stats.accept(SENDER, stamp(0), 1, start);
        stats.accept(SENDER, stamp(2), 1, start);
        stats.shown.incrementAndGet();
        String line = status.next(start + 1_000_000_000L, SENDER);
        assertEquals("udpvideo from 127.0.0.1:4000 | accepted 2.0 fps, shown 1.0 fps | 1 lost (33.3%)", line);
    }

    @Test
    void statusLineSaysWhomItIgnoresWithinTheSecond() {
        ReceiverStats stats = new ReceiverStats();
        StatusLine status = new StatusLine(stats);
        long start = System.nanoTime();
        stats.countNotShown(STRANGER, 3);
        String line = status.next(start + 1_000_000_000L, SENDER);
        assertTrue(line.endsWith(" | ignoring datagrams from 127.0.0.1:5000: showing 127.0.0.1:4000"), line);
        assertTrue(!status.next(start + 2_000_000_000L, SENDER).contains("ignoring"), "said once per second");
    }

    @Test
    void unstampedStreamsCountOnlyWhatWasSeen() {
        ReceiverStats stats = new ReceiverStats();
        stats.accept(SENDER, null, 1, 0);
        stats.countIncomplete(SENDER, 1, 1);
        stats.accept(SENDER, null, 1, 1);
        String summary = new StatusLine(stats).summary(System.nanoTime());
        assertTrue(summary.contains("; at least 1 lost (33.3%): 1 arrived incomplete, 0 rejected (frames without a"
                + " stamp carry no number, so what never arrived is not known)"), summary);
    }
}
