package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Which sender is shown, with the clock passed in so that no test waits. */
class ShownSenderTest {
    static final InetSocketAddress FIRST = new InetSocketAddress("127.0.0.1", 40_001);
    static final InetSocketAddress SECOND = new InetSocketAddress("127.0.0.1", 40_002);
    static final long SECOND_NANOS = 1_000_000_000L;

    private final ShownSender shown = new ShownSender();

    @Test
    void noSenderIsShownBeforeTheFirstAcceptedFrame() {
        assertNull(shown.current());
    }

    @Test
    void firstSenderWithAnAcceptedFrameIsShown() {
        assertTrue(shown.admits(FIRST, 0));
        assertEquals(FIRST, shown.current());
    }

    @Test
    void anotherSenderIsRefusedWhileTheShownOneIsActive() {
        shown.admits(FIRST, 0);
        assertFalse(shown.admits(SECOND, SECOND_NANOS / 2));
        assertTrue(shown.admits(FIRST, SECOND_NANOS));
        assertFalse(shown.admits(SECOND, SECOND_NANOS + SECOND_NANOS / 2), "the first sender's frame renewed it");
    }

    @Test
    void anotherSenderTakesOverAfterASecondOfSilence() {
        shown.admits(FIRST, 0);
        assertTrue(shown.admits(SECOND, SECOND_NANOS + 1));
        assertEquals(SECOND, shown.current());
        assertFalse(shown.admits(FIRST, SECOND_NANOS + 2), "the old sender is now the other one");
    }

    @Test
    void refusedFramesDoNotKeepTheOtherSenderWaiting() {
        shown.admits(FIRST, 0);
        for (long t = 0; t <= SECOND_NANOS; t += SECOND_NANOS / 10) {
            shown.admits(SECOND, t); // refused, and must not count as the shown sender's activity
        }
        assertTrue(shown.admits(SECOND, SECOND_NANOS + 1));
    }
}
