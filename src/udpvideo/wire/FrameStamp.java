package udpvideo.wire;

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
    static boolean looksLikeStamp(byte[] bytes, int offset, int length) {
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
     *
     * @throws IllegalArgumentException naming what is wrong, when a required field is missing or malformed
     */
    static FrameStamp parse(byte[] bytes, int offset, int length) {
        String text = new String(bytes, offset, length, StandardCharsets.US_ASCII);
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("stamp must start with '" + PREFIX + "', was '" + text + "'");
        }
        Long frame = null;
        Long time = null;
        Integer crc = null;
        for (String word : text.substring(PREFIX.length()).split(" ")) {
            int equals = word.indexOf('=');
            String key = equals < 0 ? word : word.substring(0, equals);
            String value = equals < 0 ? "" : word.substring(equals + 1);
            switch (key) {
                case "frame" -> frame = parseDecimal(key, value);
                case "time_us" -> time = parseDecimal(key, value);
                case "crc32" -> crc = parseCrc(value);
                default -> { } // a field from a later version: not ours to judge
            }
        }
        if (frame == null || time == null || crc == null) {
            throw new IllegalArgumentException("stamp needs frame, time_us and crc32, was '" + text + "'");
        }
        return new FrameStamp(frame, time, crc);
    }

    private static long parseDecimal(String key, String value) {
        if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("stamp field " + key + " must be a decimal number, was '" + value + "'");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stamp field " + key + " is out of range, was '" + value + "'");
        }
    }

    private static int parseCrc(String value) {
        if (value.length() != 8 || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("stamp field crc32 must be 8 hex digits, was '" + value + "'");
        }
        return (int) Long.parseLong(value, 16);
    }
}
