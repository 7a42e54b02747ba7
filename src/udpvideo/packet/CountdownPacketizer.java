package udpvideo.packet;

/**
 * Cuts one encoded frame, of any codec, into datagrams of the tutorial's format:
 * {@code [countdown byte][segment bytes]}.
 *
 * <p>The first datagram of a frame carries the number of segments n, the next n-1, and so on down to 1 on the
 * last one. The countdown is one unsigned byte, so a frame can have at most 255 segments. Pure and immutable:
 * safe to share between threads.
 */
public final class CountdownPacketizer implements Packetizer {
    /** 65,472 = 2^16 - 64: the tutorial's margin under the 65,507-byte UDP payload limit. */
    public static final int MAX_SEGMENT_BYTES = 65_472;
    /** Smallest segment size we allow: below it a 1080p frame would need more than 255 segments. */
    public static final int MIN_SEGMENT_BYTES = 512;
    /** The countdown is one unsigned byte. */
    public static final int MAX_SEGMENTS = 255;
    /** Bytes before the segment in every datagram: just the countdown. */
    public static final int HEADER_BYTES = 1;

    private final int segmentBytes;

    /** A packetizer that puts at most {@code segmentBytes} frame bytes into each datagram. */
    public CountdownPacketizer(int segmentBytes) {
        if (segmentBytes < MIN_SEGMENT_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
            throw new IllegalArgumentException(
                    "segment size must be " + MIN_SEGMENT_BYTES + ".." + MAX_SEGMENT_BYTES + ", was " + segmentBytes);
        }
        this.segmentBytes = segmentBytes;
    }

    /** The size of the largest datagram this packetizer writes: a full segment plus the countdown. */
    @Override
    public int maxPacketBytes() {
        return HEADER_BYTES + segmentBytes;
    }

    /** The most segments the countdown numbers, full: 255 x 65,472 = 16,695,360 bytes at full-size segments. */
    @Override
    public int maxFrameBytes() {
        return MAX_SEGMENTS * segmentBytes;
    }

    /**
     * How many datagrams a frame of {@code frameBytes} needs.
     *
     * @throws FrameTooLargeException when it would need more than 255, which the countdown byte cannot express
     */
    @Override
    public int packetCount(int frameBytes) throws FrameTooLargeException {
        if (frameBytes < 1) {
            throw new IllegalArgumentException("a frame must have at least 1 byte, was " + frameBytes);
        }
        int segments = (frameBytes - 1) / segmentBytes + 1; // ceiling division that cannot overflow
        if (segments > MAX_SEGMENTS) {
            throw new FrameTooLargeException(frameBytes, segments, segmentBytes);
        }
        return segments;
    }

    /**
     * Writes datagram {@code index} (0 = first) of a frame into {@code out} and returns its length.
     *
     * @param frame the encoded frame; only its first {@code frameLength} bytes are sent
     * @param out   a buffer of at least {@link #maxPacketBytes()} bytes, reused by the caller
     */
    @Override
    public int writePacket(byte[] frame, int frameLength, int index, byte[] out) throws FrameTooLargeException {
        int segments = packetCount(frameLength);
        if (index < 0 || index >= segments) {
            throw new IllegalArgumentException("datagram index must be 0.." + (segments - 1) + ", was " + index);
        }
        int start = index * segmentBytes;
        int length = Math.min(segmentBytes, frameLength - start);
        out[0] = (byte) (segments - index); // countdown: segments left including this one
        System.arraycopy(frame, start, out, HEADER_BYTES, length);
        return HEADER_BYTES + length;
    }
}
