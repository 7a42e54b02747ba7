package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Addresses as people write them, and the summary's words. */
class StatusLineTest {
    @Test
    void writesIpv4AsIs() throws Exception {
        assertEquals("192.168.1.20:5000",
                StatusLine.address(new InetSocketAddress(InetAddress.getByName("192.168.1.20"), 5000)));
    }

    @Test
    void writesIpv6CompressedInBrackets() throws Exception {
        assertEquals("[::1]:5000", StatusLine.address(new InetSocketAddress(InetAddress.getByName("::1"), 5000)));
        assertEquals("[::]:12345", StatusLine.address(new InetSocketAddress(InetAddress.getByName("::"), 12345)));
        assertEquals("[fe80::1:0:0:2]:7", StatusLine.address(
                new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:1:0:0:2"), 7)));
    }

    @Test
    void summaryNamesEveryCount() {
        ReceiverStats stats = new ReceiverStats();
        stats.accept(0);
        stats.accept(1_000_000_000L);
        stats.reject("test");
        stats.incomplete.incrementAndGet();
        String summary = new StatusLine(stats).summary(System.nanoTime());
        assertTrue(summary.startsWith("received 2 frames accepted, 0 shown, 0 skipped, 1 incomplete, 1 rejected,"),
                summary);
        assertTrue(summary.contains("1.0 fps accepted"), summary);
        assertTrue(summary.endsWith("latency unknown (no stamped frames)"), summary);
    }
}
