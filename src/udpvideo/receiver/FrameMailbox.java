package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import udpvideo.stamp.FrameStamp;

/**
 * The hand-over between the thread that accepts frames and the ones that show them. As users run it, it holds
 * one frame and the newest frame wins: putting a frame replaces one not yet taken, so a slow display skips frames
 * instead of queueing them, and latency never builds up. Decoding every frame (the tutorial's way, for the
 * benchmark), it holds a few, taken oldest first, so a frame that arrives while every decoder is busy waits for
 * one instead of being replaced; only when all are taken up is the oldest replaced. Thread-safe.
 *
 * <p>Frames are copied into reusable {@link Slot}s, so the receive thread can reuse its own buffer at once and
 * nothing is allocated per frame: a taker hands its previous slot back with the next {@link #take}. There are
 * never more slots than the capacity, one per taker and one being filled. {@link Slot#sequence} tells several
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

    /**
     * Frames that may wait for the decoding-every-frame display loops: about as many 1080p frames as the 4 MB
     * receive buffer holds (16 x 0.3 MB), so a burst that arrives while the decoders are off the cores waits, as it
     * would in the socket. With 4, at 640x480 one frame in 15 was replaced before a decoder was free.
     */
    static final int DECODE_ALL_CAPACITY = 16;

    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    /** The frames not yet taken, oldest first. */
    private final ArrayDeque<Slot> waiting = new ArrayDeque<>();
    /** The most frames waiting at once; 1 for newest wins. */
    private final int capacity;
    private long nextSequence;

    /** A mailbox holding at most {@code capacity} frames: 1 where the newest must win. */
    FrameMailbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a mailbox holds 1 frame or more, was " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Leaves a copy of {@code frame} for the display; returns true when it replaced the oldest frame waiting, one
     * never taken (a skip).
     */
    synchronized boolean put(ReceivedFrame frame) {
        Slot slot = free.isEmpty() ? new Slot() : free.pop();
        slot.fill(frame);
        slot.sequence = nextSequence++;
        boolean replaced = waiting.size() == capacity;
        if (replaced) {
            free.push(waiting.removeFirst());
        }
        waiting.addLast(slot);
        notify(); // one frame, one taker
        return replaced;
    }

    /**
     * Hands back {@code done} (the slot taken last time, or null) and takes the oldest frame waiting (with one
     * frame held, the newest), waiting up to {@code timeoutMs}; null when none came in that time.
     */
    synchronized Slot take(Slot done, long timeoutMs) throws InterruptedException {
        if (done != null) {
            done.decoded = null; // do not keep an image alive in a free slot
            free.push(done);
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (waiting.isEmpty()) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        return waiting.removeFirst();
    }
}
