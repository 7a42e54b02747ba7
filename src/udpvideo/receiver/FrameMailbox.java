package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import udpvideo.codec.Codec;
import udpvideo.stamp.FrameStamp;

/**
 * The hand-over between the threads that accept frames and the one that shows them: it holds one frame, and the
 * newest frame wins. Putting a frame replaces one not yet taken, so a slow display skips frames instead of
 * queueing them, and latency never builds up. Thread-safe.
 *
 * <p>Frames are copied into reusable {@link Slot}s, so the receive thread can reuse its own buffer at once and
 * nothing is allocated per frame once the slots have grown to the frames' size: the taker hands its previous slot
 * back with the next {@link #take}. There are never more than three slots: one waiting, one taken, one being
 * filled.
 */
final class FrameMailbox {
    /** A frame's copy, owned by the mailbox while waiting and by its taker until handed back. */
    static final class Slot {
        /** Holds the frame from index 0; grows to the largest frame seen, never shrinks. */
        byte[] bytes = new byte[0];
        int length;
        InetSocketAddress sender;
        Codec codec;
        /** Null for an unstamped frame. */
        FrameStamp stamp;
        /** The image from verifying it, or null. */
        BufferedImage decoded;
        int width;
        int height;

        private void fill(ReceivedFrame frame) {
            if (bytes.length < frame.length()) {
                bytes = new byte[frame.length() + frame.length() / 4]; // headroom: the next frame may be larger
            }
            System.arraycopy(frame.bytes(), 0, bytes, 0, frame.length());
            length = frame.length();
            sender = frame.sender();
            codec = frame.codec();
            stamp = frame.stamp();
            decoded = frame.decoded();
            width = frame.width();
            height = frame.height();
        }
    }

    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    /** The frame not yet taken, or null. */
    private Slot waiting;

    /**
     * Leaves a copy of {@code frame} for the display; returns true when it replaced a frame never taken (a
     * skip).
     */
    boolean put(ReceivedFrame frame) {
        Slot slot;
        synchronized (this) {
            slot = free.isEmpty() ? new Slot() : free.pop();
        }
        slot.fill(frame); // outside the lock: the slot is the putter's alone until it is published below
        synchronized (this) {
            boolean replaced = waiting != null;
            if (replaced) {
                release(waiting);
            }
            waiting = slot;
            notifyAll();
            return replaced;
        }
    }

    /**
     * Hands back {@code done} (the slot taken last time, or null) and takes the newest frame, waiting up to
     * {@code timeoutMs}; null when none came in that time.
     */
    synchronized Slot take(Slot done, long timeoutMs) throws InterruptedException {
        if (done != null) {
            release(done);
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (waiting == null) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        Slot taken = waiting;
        waiting = null;
        return taken;
    }

    private void release(Slot slot) {
        slot.decoded = null; // do not keep an image alive in a free slot
        free.push(slot);
    }
}
