package udpvideo.wire;

import java.util.Arrays;

/**
 * Rebuilds frames from one sender's datagrams by following the countdown, trusting nothing.
 *
 * <p>A frame is complete only when its countdown ran n, n-1, ..., 1 without a gap. A datagram that breaks the
 * run (a lost, duplicated or reordered segment) drops the partial frame, which is counted as incomplete. The
 * next frame starts at the next datagram whose payload begins with a JPEG's SOI marker (FF D8), which every
 * frame's first segment does; datagrams before it are the rest of a lost frame and are dropped with it. So a
 * receiver started mid-stream or hit by loss recovers at the next frame. The countdown alone cannot see every
 * splice (the last segment of one frame and the first of the next both lost), so a complete frame still has to
 * pass {@link FrameInspector}.
 *
 * <p>Not thread-safe: the receive thread owns one assembler per sender address.
 */
public final class FrameAssembler {
    /** What one datagram did to the assembler. */
    public enum Step {
        /** A segment was added; the frame is not complete yet. */
        PARTIAL,
        /** The last segment arrived: {@link #takeFrame()} returns the frame. */
        COMPLETE,
        /** The datagram belongs to a frame already lost (its start was never seen) and was dropped. */
        DROPPED,
        /** The datagram cannot be a segment (empty, countdown 0, no payload) and was ignored. */
        GARBAGE
    }

    private static final int INITIAL_CAPACITY = 64 * 1024;

    /** The frame being built; grows to the largest frame seen. */
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    /** Bytes of the current frame in {@link #buffer}. */
    private int length;
    /** The countdown the next datagram must carry; 0 when no frame is in progress. */
    private int expectedCountdown;
    /** Datagrams in the current frame so far. */
    private int segments;
    /** Datagrams of the frame last completed. */
    private int completedSegments;
    /** Whether the datagrams arriving now belong to a frame already counted as incomplete. */
    private boolean isDiscarding;
    /** Frames lost so far: partial frames whose countdown broke, and tails whose start never came. */
    private long incompleteFrames;

    /**
     * Offers one datagram as received from the socket.
     *
     * @return what it did; after {@link Step#COMPLETE} call {@link #takeFrame()}
     */
    public Step accept(byte[] datagram, int offset, int datagramLength) {
        if (datagramLength <= Segmenter.HEADER_BYTES || datagram[offset] == 0) {
            // Not a segment at all. Leave any frame in progress alone: if this was noise, the frame can still
            // complete, and the inspector's checks decide whether it is whole.
            return Step.GARBAGE;
        }
        int countdown = datagram[offset] & 0xFF;
        if (expectedCountdown != 0 && countdown != expectedCountdown) {
            incompleteFrames++; // the run broke: this frame can never be whole
            expectedCountdown = 0;
            isDiscarding = true;
        }
        if (expectedCountdown == 0) {
            if (!startsWithSoi(datagram, offset + Segmenter.HEADER_BYTES, datagramLength - Segmenter.HEADER_BYTES)) {
                if (!isDiscarding) {
                    incompleteFrames++; // the tail of a frame whose first segment we never saw
                    isDiscarding = true;
                }
                return Step.DROPPED;
            }
            isDiscarding = false;
            length = 0; // this datagram starts a frame of `countdown` segments
            segments = 0;
        }
        append(datagram, offset + Segmenter.HEADER_BYTES, datagramLength - Segmenter.HEADER_BYTES);
        expectedCountdown = countdown - 1;
        if (expectedCountdown == 0) {
            completedSegments = segments;
            return Step.COMPLETE;
        }
        return Step.PARTIAL;
    }

    /** The frame just completed, as a new array of exactly its length. */
    public byte[] takeFrame() {
        byte[] frame = Arrays.copyOf(completedBuffer(), completedLength());
        length = 0;
        return frame;
    }

    /**
     * The buffer holding the frame just completed, from index 0, {@link #completedLength()} bytes long; no copy.
     * Valid until the next {@link #accept}, which may overwrite it.
     */
    public byte[] completedBuffer() {
        if (expectedCountdown != 0 || length == 0) {
            throw new IllegalStateException("no complete frame: accept() must return COMPLETE first");
        }
        return buffer;
    }

    /** The length of the frame just completed. */
    public int completedLength() {
        return length;
    }

    /** How many datagrams the frame last completed was made of. */
    public int completedSegments() {
        return completedSegments;
    }

    /** Whether a frame is in progress, waiting for more segments. */
    public boolean isPartial() {
        return expectedCountdown != 0;
    }

    /** Partial frames dropped so far because a segment was missing, duplicated or out of order. */
    public long incompleteFrames() {
        return incompleteFrames;
    }

    private static boolean startsWithSoi(byte[] data, int offset, int length) {
        return length >= 2 && (data[offset] & 0xFF) == 0xFF && (data[offset + 1] & 0xFF) == 0xD8;
    }

    private void append(byte[] source, int from, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(source, from, buffer, length, count);
        length += count;
        segments++;
    }
}
