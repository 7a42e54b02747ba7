package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The one-slot hand-over where the newest frame wins. */
@Timeout(10)
class FrameMailboxTest {
    private final FrameMailbox mailbox = new FrameMailbox();

    @Test
    void takeReturnsTheFramePut() throws InterruptedException {
        ReceivedFrame frame = frame(1);
        assertFalse(mailbox.put(frame));
        assertSame(frame, mailbox.take(100));
    }

    @Test
    void newerFrameReplacesOneNotYetTaken() throws InterruptedException {
        mailbox.put(frame(1));
        ReceivedFrame newer = frame(2);
        assertTrue(mailbox.put(newer), "the replaced frame counts as skipped");
        assertSame(newer, mailbox.take(100));
        assertNull(mailbox.take(10), "nothing is queued behind the newest");
    }

    @Test
    void takeWaitsForAFrameFromAnotherThread() throws InterruptedException {
        ReceivedFrame frame = frame(3);
        Thread putter = new Thread(() -> mailbox.put(frame), "test-putter");
        putter.start();
        assertSame(frame, mailbox.take(5_000));
        putter.join();
    }

    @Test
    void takeGivesUpAfterItsTimeout() throws InterruptedException {
        assertNull(mailbox.take(20));
    }

    private static ReceivedFrame frame(int number) {
        return new ReceivedFrame(new InetSocketAddress("127.0.0.1", 9), new byte[] {(byte) number}, null, null, 1);
    }
}
