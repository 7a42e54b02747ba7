package udpvideo.stamp;

import java.util.zip.CRC32;

/**
 * The check value a stamp carries: CRC-32 of every byte of the frame, from its first byte to its last, except the
 * bytes that cannot be known until the check value is: its own 8 hex digits (and, for PNG, the stamp chunk's own
 * CRC, which covers those digits). A stamper writes the stamp with {@link #PLACEHOLDER_DIGITS} first, computes the
 * check over the finished frame and writes the digits in place; the receiver computes the same over the frame it
 * got. So an edit to any other byte, the stamp's own text included, fails the check. Pure.
 */
public final class FrameCheck {
    /** What a stamper writes where the digits go before it knows them; they are skipped either way. */
    public static final String PLACEHOLDER_DIGITS = "00000000";

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private FrameCheck() {
    }

    /** CRC-32 of {@code frame[0, length)} without {@code frame[skipFrom, skipTo)}. */
    public static int crc(byte[] frame, int length, int skipFrom, int skipTo) {
        if (skipFrom < 0 || skipFrom > skipTo || skipTo > length) {
            throw new IllegalArgumentException("skipped range [" + skipFrom + ", " + skipTo + ") is not inside [0, "
                    + length + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(frame, 0, skipFrom);
        crc.update(frame, skipTo, length - skipTo);
        return (int) crc.getValue();
    }

    /** Writes {@code crc} as {@link FrameStamp#CRC_DIGITS} lowercase hex digits at {@code frame[at...]}. */
    public static void writeDigits(byte[] frame, int at, int crc) {
        for (int i = FrameStamp.CRC_DIGITS - 1; i >= 0; i--) {
            frame[at + i] = HEX[crc & 0xF];
            crc >>>= 4;
        }
    }
}
