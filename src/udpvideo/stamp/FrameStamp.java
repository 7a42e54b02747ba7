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
 * <p>The text has one spelling per stamp, and {@link #parse} accepts only that: the word {@code udpvideo}, then
 * {@code frame=}, {@code time_us=} and {@code crc32=} in that order, one space between words, decimals without
 * leading zeros, and the check value as 8 lowercase hex digits, last. A later version that adds a word (a
 * signature) puts it before {@code crc32=}, so the check value stays the last 8 bytes of the text; until then a
 * word this version does not know makes the stamp invalid, which is the safe side for a word that would vouch for
 * the frame.
 *
 * @param frameNumber       the sender's frame counter, from 0
 * @param captureTimeMicros when the frame was captured, in microseconds since the Unix epoch (sender's clock)
 * @param crc32             the frame's {@link FrameCheck}: CRC-32 of every byte of it but these digits
 */
public record FrameStamp(long frameNumber, long captureTimeMicros, int crc32) {
    /** Every stamp comment starts with this word and a space. */
    static final String PREFIX = "udpvideo ";
    /** How many hex digits the check value has; they are the last bytes of the text. */
    public static final int CRC_DIGITS = 8;

    private static final String FRAME = "frame=";
    private static final String TIME = " time_us=";
    private static final String CRC = " crc32=";

    /** Checks that both numbers are ones {@link #parse} reads back. */
    public FrameStamp {
        checkNumbers(frameNumber, captureTimeMicros);
    }

    private static void checkNumbers(long frameNumber, long captureTimeMicros) {
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
        return text(frameNumber, captureTimeMicros, String.format("%08x", crc32));
    }

    private static String text(long frameNumber, long captureTimeMicros, String digits) {
        return PREFIX + FRAME + frameNumber + TIME + captureTimeMicros + CRC + digits;
    }

    /**
     * The text a stamper writes before the check value is known: {@link #text()} with
     * {@link FrameCheck#PLACEHOLDER_DIGITS} where the digits go (the last {@link #CRC_DIGITS} bytes).
     */
    public static byte[] placeholderText(long frameNumber, long captureTimeMicros) {
        checkNumbers(frameNumber, captureTimeMicros);
        return text(frameNumber, captureTimeMicros, FrameCheck.PLACEHOLDER_DIGITS).getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether a COM segment's payload is meant to be a stamp (and so must parse). */
    public static boolean looksLikeStamp(byte[] bytes, int offset, int length) {
        return startsWith(bytes, offset, offset + length, PREFIX);
    }

    /**
     * Parses a stamp's text, strictly (see the class comment): whatever is not exactly the one spelling is
     * refused. Reads the bytes where they lie, allocating nothing but the stamp: the receive thread parses every
     * frame.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FrameStamp parse(byte[] bytes, int offset, int length) {
        int end = offset + length;
        if (!looksLikeStamp(bytes, offset, length)) {
            throw new IllegalArgumentException("stamp must start with '" + PREFIX + "', was '"
                    + ascii(bytes, offset, end) + "'");
        }
        int pos = expect(bytes, offset + PREFIX.length(), end, FRAME, offset);
        int frameEnd = valueEnd(bytes, pos, end);
        long frame = parseDecimal("frame", bytes, pos, frameEnd);
        pos = expect(bytes, frameEnd, end, TIME, offset);
        int timeEnd = valueEnd(bytes, pos, end);
        long time = parseDecimal("time_us", bytes, pos, timeEnd);
        pos = expect(bytes, timeEnd, end, CRC, offset);
        if (end - pos != CRC_DIGITS) {
            throw new IllegalArgumentException("stamp must end with crc32= and " + CRC_DIGITS
                    + " lowercase hex digits, was '" + ascii(bytes, offset, end) + "'");
        }
        long crc = 0;
        for (int i = pos; i < end; i++) {
            int digit = lowercaseHexDigit(bytes[i]);
            if (digit < 0) {
                throw new IllegalArgumentException("stamp field crc32 must be " + CRC_DIGITS
                        + " lowercase hex digits, was '" + ascii(bytes, pos, end) + "'");
            }
            crc = crc << 4 | digit;
        }
        return new FrameStamp(frame, time, (int) crc);
    }

    /** Where {@code word} ends when {@code bytes[pos, end)} starts with it; otherwise throws, quoting the stamp. */
    private static int expect(byte[] bytes, int pos, int end, String word, int stampStart) {
        if (!startsWith(bytes, pos, end, word)) {
            throw new IllegalArgumentException("stamp must read 'udpvideo frame=N time_us=N crc32=xxxxxxxx',"
                    + " expected '" + word.strip() + "' at character " + (pos - stampStart) + " of '"
                    + ascii(bytes, stampStart, end) + "'");
        }
        return pos + word.length();
    }

    private static boolean startsWith(byte[] bytes, int pos, int end, String word) {
        if (end - pos < word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the value starting at {@code pos} ends: at the next space, or the end. */
    private static int valueEnd(byte[] bytes, int pos, int end) {
        while (pos < end && bytes[pos] != ' ') {
            pos++;
        }
        return pos;
    }

    private static int lowercaseHexDigit(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        return b >= 'a' && b <= 'f' ? b - 'a' + 10 : -1;
    }

    private static long parseDecimal(String key, byte[] bytes, int from, int to) {
        if (to == from || to - from > 19) {
            throw new IllegalArgumentException("stamp field " + key + " must be a decimal number, was '"
                    + ascii(bytes, from, to) + "'");
        }
        if (to - from > 1 && bytes[from] == '0') {
            throw new IllegalArgumentException("stamp field " + key + " must have no leading zeros, was '"
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

    /** The bytes as text, for messages only. */
    private static String ascii(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.US_ASCII);
    }
}
