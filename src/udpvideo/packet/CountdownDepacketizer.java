package udpvideo.packet;

import java.util.Arrays;

/**
 * Rebuilds one sender's frames from its countdown datagrams, trusting nothing.
 *
 * <p>A frame is complete only when its countdown ran n, n-1, ..., 1 without a gap. A datagram that breaks the
 * run (a lost, duplicated or reordered segment) drops the partial frame, which is counted as incomplete. The
 * next frame starts at the next datagram whose payload begins as a frame does ({@link FrameStart}: for JPEG,
 * SOI, FF D8), which every frame's first segment does; datagrams before it are the rest of a lost frame and are
 * dropped with it. So a receiver started mid-stream or hit by loss recovers at the next frame. The countdown
 * alone cannot see every splice (the last segment of one frame and the first of the next both lost), so a
 * complete frame still has to pass the receiver's inspection.
 *
 * <p>Not thread-safe: the receive thread owns one per sender address.
 */
public final class CountdownDepacketizer implements Depacketizer {
    private static final int INITIAL_CAPACITY = 64 * 1024;

    /** Where a frame may start. */
    private final FrameStart frameStart;
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
    /** Datagrams dropped as parts of those frames. */
    private long droppedPackets;

    /** A depacketizer that starts frames where {@code frameStart} says one begins. */
    public CountdownDepacketizer(FrameStart frameStart) {
        this.frameStart = frameStart;
    }

    @Override
    public Step accept(byte[] datagram, int offset, int datagramLength) {
        if (datagramLength <= CountdownPacketizer.HEADER_BYTES || datagram[offset] == 0) {
            // Not a segment at all. Leave any frame in progress alone: if this was noise, the frame can still
            // complete, and the inspector's checks decide whether it is whole.
            return Step.GARBAGE;
        }
        int countdown = datagram[offset] & 0xFF;
        int payload = offset + CountdownPacketizer.HEADER_BYTES;
        int payloadLength = datagramLength - CountdownPacketizer.HEADER_BYTES;
        if (expectedCountdown != 0 && countdown != expectedCountdown) {
            incompleteFrames++; // the run broke: this frame can never be whole
            droppedPackets += segments;
            expectedCountdown = 0;
            isDiscarding = true;
        }
        if (expectedCountdown == 0) {
            if (!frameStart.startsFrame(datagram, payload, payloadLength)) {
                if (!isDiscarding) {
                    incompleteFrames++; // the tail of a frame whose first segment we never saw
                    isDiscarding = true;
                }
                droppedPackets++;
                return Step.DROPPED;
            }
            isDiscarding = false;
            length = 0; // this datagram starts a frame of `countdown` segments
            segments = 0;
        }
        append(datagram, payload, payloadLength);
        expectedCountdown = countdown - 1;
        if (expectedCountdown == 0) {
            completedSegments = segments;
            return Step.COMPLETE;
        }
        return Step.PARTIAL;
    }

    @Override
    public byte[] completedBuffer() {
        if (expectedCountdown != 0 || length == 0) {
            throw new IllegalStateException("no complete frame: accept() must return COMPLETE first");
        }
        return buffer;
    }

    @Override
    public int completedLength() {
        return length;
    }

    @Override
    public int completedPackets() {
        return completedSegments;
    }

    @Override
    public long incompleteFrames() {
        return incompleteFrames;
    }

    @Override
    public long droppedPackets() {
        return droppedPackets;
    }

    @Override
    public void abandon() {
        if (expectedCountdown != 0) {
            incompleteFrames++;
            droppedPackets += segments;
        }
        expectedCountdown = 0;
        isDiscarding = false; // a tail arriving next is a new loss, counted as one
        length = 0;
        segments = 0;
        if (buffer.length > INITIAL_CAPACITY) {
            buffer = new byte[INITIAL_CAPACITY];
        }
    }

    @Override
    public long retainedBytes() {
        return buffer.length;
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
