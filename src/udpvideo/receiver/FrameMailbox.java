package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import udpvideo.wire.FrameStamp;

/**
 * A one-slot hand-over between the thread that accepts frames and the ones that show them, where the newest
 * frame wins: putting a frame replaces one not yet taken, so a slow display skips frames instead of queueing
 * them, and latency never builds up. Thread-safe.
 *
 * <p>Frames are copied into reusable {@link Slot}s, so the receive thread can reuse its own buffer at once and
 * nothing is allocated per frame: a taker hands its previous slot back with the next {@link #take}. Slots in
 * use: the one waiting, one per taker, and the free ones, no more than a few. {@link Slot#sequence} tells several
 * takers which of their frames is newer.
 */
final class FrameMailbox {
    /** A frame's copy, owned by the mailbox while waiting and by its taker until handed back. */
    static final class Slot {
        /** Holds the frame from index 0; grows to the largest frame seen, never shrinks. */
        byte[] jpeg = new byte[0];
        int length;
        InetSocketAddress sender;
        /** Null for an unstamped frame. */
        FrameStamp stamp;
        /** The image from verifying it, or null. */
        BufferedImage decoded;
        int width;
        int height;
        /** 0, 1, 2, ... in the order frames were put: which of two frames is newer. */
        long sequence;

        private void fill(ReceivedFrame frame) {
            if (jpeg.length < frame.length()) {
                jpeg = new byte[frame.length() + frame.length() / 4]; // headroom: the next frame may be larger
            }
            System.arraycopy(frame.jpeg(), 0, jpeg, 0, frame.length());
            length = frame.length();
            sender = frame.sender();
            stamp = frame.stamp();
            decoded = frame.decoded();
            width = frame.width();
            height = frame.height();
        }
    }

    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    /** The newest frame not yet taken, or null. */
    private Slot waiting;
    private long nextSequence;

    /** Leaves a copy of {@code frame} for the display; returns true when it replaced one never taken (a skip). */
    synchronized boolean put(ReceivedFrame frame) {
        Slot slot = free.isEmpty() ? new Slot() : free.pop();
        slot.fill(frame);
        slot.sequence = nextSequence++;
        boolean replaced = waiting != null;
        if (replaced) {
            free.push(waiting);
        }
        waiting = slot;
        notify(); // one frame, one taker
        return replaced;
    }

    /**
     * Hands back {@code done} (the slot taken last time, or null) and takes the newest frame, waiting up to
     * {@code timeoutMs}; null when none came in that time.
     */
    synchronized Slot take(Slot done, long timeoutMs) throws InterruptedException {
        if (done != null) {
            done.decoded = null; // do not keep an image alive in a free slot
            free.push(done);
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (waiting == null) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        Slot slot = waiting;
        waiting = null;
        return slot;
    }
}
