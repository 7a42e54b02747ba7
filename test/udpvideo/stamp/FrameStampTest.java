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

    @Test
    void parseSkipsFieldsItDoesNotKnow() {
        assertEquals(new FrameStamp(1, 2, 3), parse("udpvideo fps=30 frame=1 codec time_us=2 crc32=00000003"));
    }

    @Test
    void parseRefusesAStampWithoutCrc() {
        assertEquals("stamp needs frame, time_us and crc32, was 'udpvideo frame=1 time_us=2'",
                parseFailure("udpvideo frame=1 time_us=2"));
    }

    @Test
    void parseRefusesANonDecimalFrameNumber() {
        assertEquals("stamp field frame must be a decimal number, was '-1'",
                parseFailure("udpvideo frame=-1 time_us=2 crc32=00000003"));
    }

    @Test
    void parseRefusesAnEmptyTime() {
        assertEquals("stamp field time_us must be a decimal number, was ''",
                parseFailure("udpvideo frame=1 time_us= crc32=00000003"));
    }

    @Test
    void parseRefusesAFrameNumberBeyondALongWithItsOwnMessage() {
        // 19 digits pass the length check but overflow Long.parseLong
        assertEquals("stamp field frame is out of range, was '9999999999999999999'",
                parseFailure("udpvideo frame=9999999999999999999 time_us=2 crc32=00000003"));
    }

    @Test
    void parseRefusesAShortCrc() {
        assertEquals("stamp field crc32 must be 8 hex digits, was '1a2b'",
                parseFailure("udpvideo frame=1 time_us=2 crc32=1a2b"));
    }

    @Test
    void parseRefusesACrcThatIsNotHex() {
        assertEquals("stamp field crc32 must be 8 hex digits, was '1a2b3c4g'",
                parseFailure("udpvideo frame=1 time_us=2 crc32=1a2b3c4g"));
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
