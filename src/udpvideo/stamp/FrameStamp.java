package udpvideo.stamp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What our sender writes into every frame, as the text of a JPEG comment (COM) segment:
 * {@code udpvideo frame=42 time_us=1763700000123456 crc32=1a2b3c4d}.
 *
 * <p>Plain ASCII, so the comment never contains a 0xFF byte and a student can read it with {@code strings}.
 * Every JPEG decoder skips COM segments, so the tutorial's receiver shows stamped frames unchanged.
 *
 * @param frameNumber       the sender's frame counter, from 0
 * @param captureTimeMicros when the frame was captured, in microseconds since the Unix epoch (sender's clock)
 * @param crc32             CRC-32 of every JPEG byte after the comment segment, up to and including EOI
 */
public record FrameStamp(long frameNumber, long captureTimeMicros, int crc32) {
    /** Every stamp comment starts with this word and a space. */
    static final String PREFIX = "udpvideo ";

    /** Checks that both numbers are ones {@link #parse} reads back. */
    public FrameStamp {
        if (frameNumber < 0 || captureTimeMicros < 0) {
            throw new IllegalArgumentException("frame number and capture time must not be negative, were "
                    + frameNumber + " and " + captureTimeMicros);
        }
    }

    /** Now, on the clock stamps are written in: microseconds since the Unix epoch. */
    public static long currentTimeMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** The comment text, ASCII. */
    public String text() {
        return PREFIX + "frame=" + frameNumber + " time_us=" + captureTimeMicros
                + " crc32=" + String.format("%08x", crc32);
    }

    /** Whether a COM segment's payload is meant to be a stamp (and so must parse). */
    public static boolean looksLikeStamp(byte[] bytes, int offset, int length) {
        if (length < PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            if (bytes[offset + i] != PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a stamp comment's text. Unknown {@code key=value} words are skipped so a later version may add some.
     * Reads the bytes where they lie, allocating nothing but the stamp: the receive thread parses every frame.
     *
     * @throws IllegalArgumentException naming what is wrong, when a required field is missing or malformed
     */
    public static FrameStamp parse(byte[] bytes, int offset, int length) {
        if (!looksLikeStamp(bytes, offset, length)) {
            throw new IllegalArgumentException("stamp must start with '" + PREFIX + "', was '"
                    + ascii(bytes, offset, offset + length) + "'");
        }
        long frame = -1; // -1: not seen yet; the values themselves are never negative
        long time = -1;
        long crc = -1;
        int end = offset + length;
        for (int word = offset + PREFIX.length(); word <= end; ) {
            int wordEnd = indexOf(bytes, (byte) ' ', word, end);
            int equals = indexOf(bytes, (byte) '=', word, wordEnd);
            int value = Math.min(equals + 1, wordEnd);
            if (isKey(bytes, word, equals, "frame")) {
                frame = parseDecimal("frame", bytes, value, wordEnd);
            } else if (isKey(bytes, word, equals, "time_us")) {
                time = parseDecimal("time_us", bytes, value, wordEnd);
            } else if (isKey(bytes, word, equals, "crc32")) {
                crc = parseCrc(bytes, value, wordEnd);
            } // else a field from a later version: not ours to judge
            word = wordEnd + 1;
        }
        if (frame < 0 || time < 0 || crc < 0) {
            throw new IllegalArgumentException("stamp needs frame, time_us and crc32, was '"
                    + ascii(bytes, offset, end) + "'");
        }
        return new FrameStamp(frame, time, (int) crc);
    }

    /** The index of the first {@code wanted} in {@code bytes[from, to)}, or {@code to}. */
    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static boolean isKey(byte[] bytes, int from, int to, String key) {
        if (to - from != key.length()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (bytes[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static long parseDecimal(String key, byte[] bytes, int from, int to) {
        if (to == from || to - from > 19) {
            throw new IllegalArgumentException("stamp field " + key + " must be a decimal number, was '"
                    + ascii(bytes, from, to) + "'");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("stamp field " + key + " must be a decimal number, was '"
                        + ascii(bytes, from, to) + "'");
            }
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw new IllegalArgumentException("stamp field " + key + " is out of range, was '"
                        + ascii(bytes, from, to) + "'");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static long parseCrc(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to && to - from == 8; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0) {
                break;
            }
            value = value << 4 | digit;
            if (i == to - 1) {
                return value;
            }
        }
        throw new IllegalArgumentException("stamp field crc32 must be 8 hex digits, was '" + ascii(bytes, from, to)
                + "'");
    }

    /** The bytes as text, for messages only. */
    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }
}
