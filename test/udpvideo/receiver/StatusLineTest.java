package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The summary's words. */
class StatusLineTest {
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
