package udpvideo.codec.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import udpvideo.codec.BigEndian;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.Verdict;
import udpvideo.stamp.FrameStamp;

class RawStamperTest {
    private static final long TIME_US = 1_763_700_000_123_456L;
    private static final byte[] RAW = TestRaws.raw(64, 48, 11);
    private static final byte[] STAMPED = TestRaws.stampedRaw(64, 48, 11, 42, TIME_US);
    /** Where the pixels start in {@link #STAMPED}: the stamp's CRC covers the bytes from here. */
    private static final int PIXELS_AT = RawHeader.FIXED_BYTES + BigEndian.readInt(STAMPED, RawHeader.STAMP_LENGTH_AT);

    private final RawStamper stamper = new RawStamper();
    private final FrameInspector inspector = new FrameInspector();

    private Verdict inspect(byte[] frame) {
        return inspector.inspect(frame, frame.length);
    }

    @Test
    void stampedFrameIsVerifiedWithItsNumberTimeAndSize() {
        Verdict verdict = inspect(STAMPED);
        assertEquals(Verdict.Kind.VERIFIED, verdict.kind(), verdict.reason());
        assertEquals(42, verdict.stamp().frameNumber());
        assertEquals(TIME_US, verdict.stamp().captureTimeMicros());
        assertEquals("raw", verdict.codec().name());
        assertEquals(64, verdict.width());
        assertEquals(48, verdict.height());
    }

    @Test
    void unstampedFrameNeedsDecode() {
        assertEquals(Verdict.Kind.NEEDS_DECODE, inspect(RAW).kind());
    }

    @Test
    void stampFieldHoldsTheDocumentedTextWithItsLength() {
        int digitsAt = PIXELS_AT - 8;
        CRC32 crc = new CRC32(); // every byte of the frame but the 8 digits
        crc.update(STAMPED, 0, digitsAt);
        crc.update(STAMPED, PIXELS_AT, STAMPED.length - PIXELS_AT);
        String text = String.format("udpvideo frame=42 time_us=%d crc32=%08x", TIME_US, crc.getValue());
        assertEquals(text.length(), BigEndian.readInt(STAMPED, 20));
        assertEquals(text, new String(STAMPED, 24, text.length(), StandardCharsets.US_ASCII));
        assertEquals(24 + text.length(), PIXELS_AT);
    }

    @Test
    void stampChangesOnlyTheStampField() {
        assertArrayEquals(Arrays.copyOf(RAW, 20), Arrays.copyOf(STAMPED, 20), "magic, height, width, channels");
        assertArrayEquals(Arrays.copyOfRange(RAW, 24, RAW.length),
                Arrays.copyOfRange(STAMPED, PIXELS_AT, STAMPED.length), "the pixels");
    }

    @Test
    void everySingleByteChangeAnywhereIsRejected() {
        // the header and the stamp's text are covered as the pixels are; a changed digit disagrees with the rest
        for (int i = 0; i < STAMPED.length; i++) {
            byte[] corrupt = STAMPED.clone();
            corrupt[i] ^= (byte) (1 + i % 255);
            assertEquals(Verdict.Kind.REJECTED, inspect(corrupt).kind(), "byte " + i + " changed");
        }
    }

    @Test
    void flippedPixelIsRejectedByTheCrcNamingTheFrame() {
        byte[] corrupt = STAMPED.clone();
        corrupt[corrupt.length - 100] ^= 0x10;
        String reason = inspect(corrupt).reason();
        assertTrue(reason.startsWith("CRC mismatch in frame 42"), reason);
    }

    @Test
    void extremeNumbersRoundTrip() throws Exception {
        byte[] stamped = stamper.stamp(RAW, RAW.length, Long.MAX_VALUE, Long.MAX_VALUE);
        FrameStamp stamp = inspect(stamped).stamp();
        assertEquals(Long.MAX_VALUE, stamp.frameNumber());
        assertEquals(Long.MAX_VALUE, stamp.captureTimeMicros());
    }

    @Test
    void stampReadsOnlyTheGivenLength() throws Exception {
        byte[] buffer = Arrays.copyOf(RAW, RAW.length + 5);
        assertArrayEquals(STAMPED, stamper.stamp(buffer, RAW.length, 42, TIME_US));
    }

    @Test
    void stampRefusesAFrameAlreadyStamped() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> stamper.stamp(STAMPED, STAMPED.length, 1, 2));
        assertEquals("the raw frame already carries a stamp", e.getMessage());
    }

    @Test
    void stampRefusesBytesThatAreNotARawFrame() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> stamper.stamp(png, png.length, 1, 2));
        assertEquals("no magic UDPVRAW1 at the start", e.getMessage());
    }
}
