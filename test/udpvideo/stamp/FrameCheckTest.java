package udpvideo.stamp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class FrameCheckTest {
    @Test
    void crcIsTheCrcOfTheBytesAroundTheSkippedOnes() {
        byte[] frame = "head12345678tail".getBytes(StandardCharsets.US_ASCII);
        CRC32 expected = new CRC32();
        expected.update("headtail".getBytes(StandardCharsets.US_ASCII));
        assertEquals((int) expected.getValue(), FrameCheck.crc(frame, frame.length, 4, 12));
    }

    @Test
    void onlyTheSkippedBytesMayChange() {
        byte[] frame = "head12345678tail".getBytes(StandardCharsets.US_ASCII);
        int crc = FrameCheck.crc(frame, frame.length, 4, 12);
        for (int i = 0; i < frame.length; i++) {
            byte[] edited = frame.clone();
            edited[i] ^= 0x20;
            if (i >= 4 && i < 12) {
                assertEquals(crc, FrameCheck.crc(edited, edited.length, 4, 12), "byte " + i + " is skipped");
            } else {
                assertNotEquals(crc, FrameCheck.crc(edited, edited.length, 4, 12), "byte " + i + " is covered");
            }
        }
    }

    @Test
    void writeDigitsWritesEightLowerCaseHexDigits() {
        byte[] frame = new byte[10];
        FrameCheck.writeDigits(frame, 1, 0xDEAD_BEEF);
        assertEquals("deadbeef", new String(frame, 1, 8, StandardCharsets.US_ASCII));
        FrameCheck.writeDigits(frame, 1, 0xAB);
        assertEquals("000000ab", new String(frame, 1, 8, StandardCharsets.US_ASCII));
    }

    @Test
    void aRangeOutsideTheFrameIsRefused() {
        byte[] frame = new byte[8];
        assertThrows(IllegalArgumentException.class, () -> FrameCheck.crc(frame, 8, 6, 10));
        assertThrows(IllegalArgumentException.class, () -> FrameCheck.crc(frame, 8, 5, 4));
    }
}
