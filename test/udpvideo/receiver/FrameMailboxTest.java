package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.codec.Codecs;

/**
 * The hand-over to the display: one slot where the newest frame wins, a few taken oldest first when every frame is
 * decoded; frames copied into slots it reuses.
 */
@Timeout(10)
class FrameMailboxTest {
    private final FrameMailbox mailbox = new FrameMailbox();

    @Test
    void takeReturnsACopyOfTheFramePut() throws InterruptedException {
        byte[] buffer = {1, 2, 3, 99};
        assertFalse(mailbox.put(frame(buffer, 3)));
        Arrays.fill(buffer, (byte) 0); // the receive thread reuses its buffer at once
        FrameMailbox.Slot slot = mailbox.take(null, 100);
        assertEquals(3, slot.length);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(slot.bytes, slot.length));
    }

    @Test
    void newerFrameReplacesOneNotYetTaken() throws InterruptedException {
        mailbox.put(frame(new byte[] {1}, 1));
        assertTrue(mailbox.put(frame(new byte[] {2}, 1)), "the replaced frame counts as skipped");
        assertEquals(2, mailbox.take(null, 100).bytes[0]);
        assertNull(mailbox.take(null, 10), "nothing is queued behind the newest");
    }

    @Test
    void slotsHandedBackAreReusedSoNothingIsAllocatedPerFrame() throws InterruptedException {
        mailbox.put(frame(new byte[] {1}, 1));
        FrameMailbox.Slot first = mailbox.take(null, 100);
        mailbox.put(frame(new byte[] {2}, 1));
        FrameMailbox.Slot second = mailbox.take(first, 100);
        assertNotSame(first, second, "the taker still owned the first slot while the second was filled");
        mailbox.put(frame(new byte[] {3}, 1));
        assertSame(first, mailbox.take(second, 100), "the slot handed back is filled again");
    }

    @Test
    void takeWaitsForAFrameFromAnotherThread() throws InterruptedException {
        Thread putter = new Thread(() -> mailbox.put(frame(new byte[] {7}, 1)), "test-putter");
        putter.start();
        assertEquals(7, mailbox.take(null, 5_000).bytes[0]);
        putter.join();
    }

    @Test
    void takeGivesUpAfterItsTimeout() throws InterruptedException {
        assertNull(mailbox.take(null, 20));
    }

    private static ReceivedFrame frame(byte[] bytes, int length) {
        return new ReceivedFrame(new InetSocketAddress("127.0.0.1", 9), bytes, length, Codecs.defaultCodec(), null, null,
                1, 16, 16);
    }
}
