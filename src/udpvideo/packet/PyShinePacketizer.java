package udpvideo.packet;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Puts one encoded frame into one datagram as PyShine's server does: the frame's bytes in base64 (RFC 4648's
 * standard alphabet, padded with {@code =}, no line breaks), nothing else. PyShine's client decodes each datagram
 * on its own, so a frame that does not fit one datagram cannot be sent at all. Pure and immutable: safe to share
 * between threads.
 *
 * <p>Base64 writes 4 bytes for every 3, so the 65,507 bytes a datagram carries hold a frame of at most 49,128.
 */
public final class PyShinePacketizer implements Packetizer {
    /** 65,507 = 65,535 - 20 (IPv4 header) - 8 (UDP header): the largest payload of one UDP datagram over IPv4. */
    public static final int MAX_DATAGRAM_BYTES = 65_507;
    /** 49,128 = 65,507 / 4 * 3: the largest frame whose base64 ({@link #base64Bytes}) fits one datagram. */
    public static final int MAX_FRAME_BYTES = MAX_DATAGRAM_BYTES / 4 * 3;

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    @Override
    public int maxPacketBytes() {
        return MAX_DATAGRAM_BYTES;
    }

    /** {@link #MAX_FRAME_BYTES}: 49,128. */
    @Override
    public int maxFrameBytes() {
        return MAX_FRAME_BYTES;
    }

    /**
     * One datagram for any frame that fits.
     *
     * @throws FrameTooLargeException when its base64 is over {@link #MAX_DATAGRAM_BYTES}
     */
    @Override
    public int packetCount(int frameBytes) throws FrameTooLargeException {
        if (frameBytes < 1) {
            throw new IllegalArgumentException("a frame must have at least 1 byte, was " + frameBytes);
        }
        if (frameBytes > MAX_FRAME_BYTES) {
            throw new FrameTooLargeException(String.format(Locale.ROOT, "a frame of %,d bytes is %,d bytes of"
                    + " base64, but one datagram holds %,d", frameBytes, base64Bytes(frameBytes), MAX_DATAGRAM_BYTES),
                    "the quality goes down for the next frames; lower --width if frames keep being skipped");
        }
        return 1;
    }

    /** Writes the base64 of {@code frame[0, frameLength)} into {@code out}; {@code index} must be 0. */
    @Override
    public int writePacket(byte[] frame, int frameLength, int index, byte[] out) throws FrameTooLargeException {
        packetCount(frameLength);
        if (index != 0) {
            throw new IllegalArgumentException("a frame is one datagram, index 0, was " + index);
        }
        byte[] whole = frameLength == frame.length ? frame : Arrays.copyOf(frame, frameLength);
        return BASE64.encode(whole, out);
    }

    /** The length of the base64 of {@code frameBytes} bytes: 4 for every 3, the last group padded to 4. */
    static long base64Bytes(int frameBytes) {
        return 4L * ((frameBytes + 2L) / 3);
    }
}
