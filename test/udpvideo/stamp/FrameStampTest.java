package udpvideo.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameStampTest {
    private static FrameStamp parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return FrameStamp.parse(bytes, 0, bytes.length);
    }

    private static String parseFailure(String text) {
        return assertThrows(IllegalArgumentException.class, () -> parse(text)).getMessage();
    }

    @Test
    void textHasTheDocumentedLayout() {
        assertEquals("udpvideo frame=42 time_us=1763700000123456 crc32=1a2b3c4d",
                new FrameStamp(42, 1_763_700_000_123_456L, 0x1a2b3c4d).text());
    }

    @Test
    void crcIsAlwaysEightLowerCaseHexDigits() {
        assertTrue(new FrameStamp(0, 0, 0x0000_00ab).text().endsWith(" crc32=000000ab"));
        assertTrue(new FrameStamp(0, 0, 0xFFFF_FFFF).text().endsWith(" crc32=ffffffff"));
    }

    @Test
    void parseReadsBackWhatTextWrote() {
        FrameStamp stamp = new FrameStamp(42, 1_763_700_000_123_456L, 0x1a2b3c4d);
        assertEquals(stamp, parse(stamp.text()));
    }

    @Test
    void parseReadsBackACrcWithTheHighBitSet() {
        FrameStamp stamp = new FrameStamp(Long.MAX_VALUE, Long.MAX_VALUE, 0xDEAD_BEEF);
        assertEquals(stamp, parse(stamp.text()));
    }

    @Test
    void parseReadsOnlyTheGivenRange() {
        byte[] bytes = "xxudpvideo frame=1 time_us=2 crc32=00000003yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new FrameStamp(1, 2, 3), FrameStamp.parse(bytes, 2, bytes.length - 4));
    }

    /** Every way a stamp's text can differ from the one spelling, each refused: an edit the CRC skips is none. */
    @Test
    void parseRefusesEveryOtherSpelling() {
        String[] others = {
            "udpvideo fps=30 frame=1 time_us=2 crc32=00000003", // a word it does not know
            "udpvideo frame=1 time_us=2 crc32=00000003 fps=30", // a word after the check value
            "udpvideo frame=1 time_us=2 fps=30 crc32=00000003", // a word before it
            "udpvideo time_us=2 frame=1 crc32=00000003", // the fields in another order
            "udpvideo frame=1 frame=1 time_us=2 crc32=00000003", // a field twice
            "udpvideo frame=1 time_us=2 crc32=00000003 crc32=00000003",
            "udpvideo frame=1  time_us=2 crc32=00000003", // two spaces
            "udpvideo frame=1 time_us=2 crc32=00000003 ", // a trailing space
            "udpvideo  frame=1 time_us=2 crc32=00000003",
            "udpvideo frame=01 time_us=2 crc32=00000003", // a leading zero
            "udpvideo frame=1 time_us=02 crc32=00000003",
            "udpvideo frame=1 time_us=2 crc32=1A2B3C4D", // upper-case hex
            "udpvideo frame=1 time_us=2 crc32=1a2b", // too few digits
            "udpvideo frame=1 time_us=2 crc32=1a2b3c4d5", // too many
            "udpvideo frame=1 time_us=2 crc32=1a2b3c4g", // not hex
            "udpvideo frame=-1 time_us=2 crc32=00000003", // a sign
            "udpvideo frame=+1 time_us=2 crc32=00000003",
            "udpvideo frame= time_us=2 crc32=00000003", // empty
            "udpvideo frame=1 time_us=2", // no check value
            "udpvideo frame=1\ttime_us=2 crc32=00000003", // a tab
        };
        for (String other : others) {
            assertThrows(IllegalArgumentException.class, () -> parse(other), other);
        }
    }

    @Test
    void parseSaysWhatItExpectedAndWhere() {
        assertEquals("stamp must read 'udpvideo frame=N time_us=N crc32=xxxxxxxx', expected 'time_us=' at"
                + " character 16 of 'udpvideo frame=1  time_us=2 crc32=00000003'",
                parseFailure("udpvideo frame=1  time_us=2 crc32=00000003"));
    }

    @Test
    void parseNamesALeadingZero() {
        assertEquals("stamp field frame must have no leading zeros, was '01'",
                parseFailure("udpvideo frame=01 time_us=2 crc32=00000003"));
    }

    @Test
    void parseReadsTheNumberZero() {
        assertEquals(new FrameStamp(0, 0, 0), parse("udpvideo frame=0 time_us=0 crc32=00000000"));
    }

    @Test
    void parseRefusesAnEmptyTime() {
        assertEquals("stamp field time_us must be a decimal number, was ''",
                parseFailure("udpvideo frame=1 time_us= crc32=00000003"));
    }

    @Test
    void parseRefusesAFrameNumberBeyondALongWithItsOwnMessage() {
        // 19 digits pass the length check but overflow a long
        assertEquals("stamp field frame is out of range, was '9999999999999999999'",
                parseFailure("udpvideo frame=9999999999999999999 time_us=2 crc32=00000003"));
    }

    @Test
    void parseRefusesUpperCaseHex() {
        assertEquals("stamp field crc32 must be 8 lowercase hex digits, was '1A2B3C4D'",
                parseFailure("udpvideo frame=1 time_us=2 crc32=1A2B3C4D"));
    }

    @Test
    void placeholderTextEndsInTheDigitsItLeavesToTheCheck() {
        String text = new String(FrameStamp.placeholderText(7, 8), StandardCharsets.US_ASCII);
        assertEquals("udpvideo frame=7 time_us=8 crc32=" + FrameCheck.PLACEHOLDER_DIGITS, text);
    }

    @Test
    void parseRefusesTextWithoutThePrefix() {
        assertTrue(parseFailure("frame=1 time_us=2 crc32=00000003").startsWith("stamp must start with 'udpvideo '"));
    }

    @Test
    void onlyACommentStartingWithThePrefixLooksLikeAStamp() {
        byte[] ours = "udpvideo frame=1".getBytes(StandardCharsets.US_ASCII);
        byte[] gimp = "Created with GIMP".getBytes(StandardCharsets.US_ASCII);
        byte[] shortText = "udpvideo".getBytes(StandardCharsets.US_ASCII);
        assertTrue(FrameStamp.looksLikeStamp(ours, 0, ours.length));
        assertFalse(FrameStamp.looksLikeStamp(gimp, 0, gimp.length));
        assertFalse(FrameStamp.looksLikeStamp(shortText, 0, shortText.length));
    }
}
