package udpvideo.codec.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import udpvideo.codec.BigEndian;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.Verdict;
import udpvideo.stamp.FrameStamp;

class PngStamperTest {
    private static final long TIME_US = 1_763_700_000_123_456L;
    private static final byte[] PNG = TestPngs.png(64, 48, 11);
    private static final byte[] STAMPED = TestPngs.stampedPng(64, 48, 11, 42, TIME_US);
    /** Where the stamp chunk ends in {@link #STAMPED}: the stamp's CRC covers the bytes from here. */
    private static final int AFTER_STAMP = TestPngs.nextChunk(STAMPED, PngChunks.IHDR_END);

    private final PngStamper stamper = new PngStamper();
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
        assertEquals("png", verdict.codec().name());
        assertEquals(64, verdict.width());
        assertEquals(48, verdict.height());
    }

    @Test
    void unstampedFrameNeedsDecode() {
        assertEquals(Verdict.Kind.NEEDS_DECODE, inspect(PNG).kind());
    }

    @Test
    void stampIsATextChunkRightAfterIhdrWithTheDocumentedBytes() {
        int length = BigEndian.readInt(STAMPED, 33);
        int digitsAt = 41 + length - 8;
        CRC32 crc = new CRC32(); // every byte of the frame but the 8 digits and the chunk's CRC after them
        crc.update(STAMPED, 0, digitsAt);
        crc.update(STAMPED, digitsAt + 12, STAMPED.length - digitsAt - 12);
        String text = String.format("udpvideo frame=42 time_us=%d crc32=%08x", TIME_US, crc.getValue());
        assertEquals("udpvideo".length() + 1 + text.length(), length);
        assertEquals("tEXt", new String(STAMPED, 37, 4, StandardCharsets.US_ASCII));
        assertEquals("udpvideo\0" + text, new String(STAMPED, 41, length, StandardCharsets.US_ASCII));
        assertEquals(PngChunks.crc(STAMPED, 37, length), BigEndian.readInt(STAMPED, 41 + length), "PNG's CRC");
    }

    @Test
    void stampInsertsOnlyTheChunk() {
        byte[] rest = Arrays.copyOfRange(STAMPED, AFTER_STAMP, STAMPED.length);
        byte[] unstamped = Arrays.copyOf(STAMPED, 33 + rest.length);
        System.arraycopy(rest, 0, unstamped, 33, rest.length);
        assertArrayEquals(PNG, unstamped);
    }

    @Test
    void everySingleByteChangeAfterTheStampIsRejected() {
        for (int i = AFTER_STAMP; i < STAMPED.length; i++) {
            byte[] corrupt = STAMPED.clone();
            corrupt[i] ^= (byte) (1 + i % 255);
            assertEquals(Verdict.Kind.REJECTED, inspect(corrupt).kind(), "byte " + i + " changed");
        }
    }

    @Test
    void everySingleByteChangeBeforeTheStampsEndIsRejectedToo() {
        // the stamp's CRC covers them, and PNG's chunk CRCs besides
        for (int i = 0; i < AFTER_STAMP; i++) {
            byte[] corrupt = STAMPED.clone();
            corrupt[i] ^= (byte) (1 + i % 255);
            assertEquals(Verdict.Kind.REJECTED, inspect(corrupt).kind(), "byte " + i + " changed");
        }
    }

    @Test
    void flippedImageDataIsRejectedNamingTheChunkOrTheCrc() {
        byte[] corrupt = STAMPED.clone();
        corrupt[corrupt.length - 100] ^= 0x10;
        String reason = inspect(corrupt).reason();
        assertTrue(reason.startsWith("malformed PNG: chunk IDAT at byte "), reason);
        assertTrue(reason.endsWith(" fails its CRC"), reason);
    }

    @Test
    void decodersSkipTheStamp() throws Exception {
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(PNG));
        BufferedImage stamped = ImageIO.read(new ByteArrayInputStream(STAMPED));
        assertArrayEquals(plain.getRGB(0, 0, 64, 48, null, 0, 64), stamped.getRGB(0, 0, 64, 48, null, 0, 64));
    }

    @Test
    void extremeNumbersRoundTrip() throws Exception {
        byte[] stamped = stamper.stamp(PNG, PNG.length, Long.MAX_VALUE, Long.MAX_VALUE);
        FrameStamp stamp = inspect(stamped).stamp();
        assertEquals(Long.MAX_VALUE, stamp.frameNumber());
        assertEquals(Long.MAX_VALUE, stamp.captureTimeMicros());
    }

    @Test
    void stampReadsOnlyTheGivenLength() throws Exception {
        byte[] buffer = Arrays.copyOf(PNG, PNG.length + 5);
        assertArrayEquals(STAMPED, stamper.stamp(buffer, PNG.length, 42, TIME_US));
    }

    @Test
    void stampRefusesAFrameAlreadyStamped() {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> stamper.stamp(STAMPED, STAMPED.length, 1, 2));
        assertEquals("the PNG already carries a udpvideo stamp", e.getMessage());
    }

    @Test
    void stampRefusesBytesThatAreNotAPng() {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9, 0, 0, 0, 0, 0, 0};
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> stamper.stamp(jpeg, jpeg.length, 1, 2));
        assertTrue(e.getMessage().contains("no PNG signature"), e.getMessage());
    }
}
