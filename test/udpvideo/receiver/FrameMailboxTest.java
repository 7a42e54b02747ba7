package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-over to the display: one slot where the newest frame wins, a few taken oldest first when every frame is
 * decoded; frames copied into slots it reuses.
 */
@Timeout(10)
class FrameMailboxTest {
    private final FrameMailbox mailbox = new FrameMailbox(1);

    @Test
    void takeReturnsACopyOfTheFramePut() throws InterruptedException {
        byte[] buffer = {1, 2, 3, 99};
        assertFalse(mailbox.put(frame(buffer, 3)));
        Arrays.fill(buffer, (byte) 0); // the receive thread reuses its buffer at once
        FrameMailbox.Slot slot = mailbox.take(null, 100);
        assertEquals(3, slot.length);
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(slot.jpeg, slot.length));
    }

    @Test
    void newerFrameReplacesOneNotYetTaken() throws InterruptedException {
        mailbox.put(frame(new byte[] {1}, 1));
        assertTrue(mailbox.put(frame(new byte[] {2}, 1)), "the replaced frame counts as skipped");
        assertEquals(2, mailbox.take(null, 100).jpeg[0]);
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
        assertEquals(7, mailbox.take(null, 5_000).jpeg[0]);
        putter.join();
    }

    @Test
    void aMailboxOfSeveralHandsFramesOutOldestFirst() throws InterruptedException {
        FrameMailbox several = new FrameMailbox(3);
        for (byte b = 1; b <= 3; b++) {
            assertFalse(several.put(frame(new byte[] {b}, 1)), "frame " + b + " fits without a skip");
        }
        FrameMailbox.Slot slot = null;
        for (byte b = 1; b <= 3; b++) {
            slot = several.take(slot, 100);
            assertEquals(b, slot.jpeg[0]);
        }
        assertNull(several.take(slot, 10));
    }

    @Test
    void aFullMailboxOfSeveralReplacesItsOldestFrame() throws InterruptedException {
        FrameMailbox several = new FrameMailbox(2);
        several.put(frame(new byte[] {1}, 1));
        several.put(frame(new byte[] {2}, 1));
        assertTrue(several.put(frame(new byte[] {3}, 1)), "the replaced frame counts as skipped");
        FrameMailbox.Slot second = several.take(null, 100);
        assertEquals(2, second.jpeg[0]);
        assertEquals(3, several.take(null, 100).jpeg[0]);
        assertEquals(1, second.sequence, "the second frame put, whatever was replaced");
    }

    @Test
    void aMailboxHoldsAtLeastOneFrame() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FrameMailbox(0));
        assertEquals("a mailbox holds 1 frame or more, was 0", e.getMessage());
    }

    @Test
    void takeGivesUpAfterItsTimeout() throws InterruptedException {
        assertNull(mailbox.take(null, 20));
    }

    private static ReceivedFrame frame(byte[] bytes, int length) {
        return new ReceivedFrame(new InetSocketAddress("127.0.0.1", 9), bytes, length, null, null, 1, 16, 16);
    }
}
