package udpvideo.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;
import udpvideo.stamp.FrameStamp;

class JpegCommentStamperTest {
    private static final long TIME_US = 1_763_700_000_123_456L;
    private static final byte[] JPEG = TestJpegs.jpeg(64, 48, 5);

    private final JpegCommentStamper stamper = new JpegCommentStamper();
    private final FrameInspector inspector = new FrameInspector();

    private byte[] stamp(byte[] jpeg, long frameNumber) throws MalformedJpegException {
        return stamper.stamp(jpeg, jpeg.length, frameNumber, TIME_US);
    }

    private static int segmentLength(byte[] jpeg, int marker) {
        return ((jpeg[marker + 2] & 0xFF) << 8) | (jpeg[marker + 3] & 0xFF);
    }

    /** The payload of the first COM segment. */
    private static byte[] comment(byte[] jpeg) {
        int com = TestJpegs.indexOfMarker(jpeg, JpegHeader.COM);
        return Arrays.copyOfRange(jpeg, com + 4, com + 2 + segmentLength(jpeg, com));
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Test
    void encoderWritesApp0ThenDqt() {
        assertEquals(2, TestJpegs.indexOfMarker(JPEG, JpegHeader.APP0));
        assertEquals(20, TestJpegs.indexOfMarker(JPEG, 0xDB));
    }

    @Test
    void stampedFrameIsVerifiedWithItsFrameNumberAndTime() throws Exception {
        byte[] stamped = stamp(JPEG, 42);
        Verdict verdict = inspector.inspect(stamped, stamped.length);
        assertEquals(Verdict.Kind.VERIFIED, verdict.kind());
        assertEquals(42, verdict.stamp().frameNumber());
        assertEquals(TIME_US, verdict.stamp().captureTimeMicros());
        assertEquals(64, verdict.width());
        assertEquals(48, verdict.height());
    }

    @Test
    void extremeFrameNumberAndTimeRoundTrip() throws Exception {
        byte[] stamped = stamper.stamp(JPEG, JPEG.length, Long.MAX_VALUE, Long.MAX_VALUE);
        Verdict verdict = inspector.inspect(stamped, stamped.length);
        assertEquals(new FrameStamp(Long.MAX_VALUE, Long.MAX_VALUE, verdict.stamp().crc32()), verdict.stamp());
    }

    @Test
    void commentGoesAfterApp0AndBeforeDqt() throws Exception {
        byte[] stamped = stamp(JPEG, 1);
        assertEquals(2, TestJpegs.indexOfMarker(stamped, JpegHeader.APP0));
        int com = TestJpegs.indexOfMarker(stamped, JpegHeader.COM);
        assertEquals(20, com, "right after the 18-byte JFIF APP0");
        int afterComment = com + 2 + segmentLength(stamped, com);
        assertEquals(0xFF, stamped[afterComment] & 0xFF);
        assertEquals(0xDB, stamped[afterComment + 1] & 0xFF, "DQT follows the comment");
    }

    @Test
    void commentGoesAfterEveryLeadingAppSegment() throws Exception {
        byte[] exif = "Exif\0\0not really".getBytes(StandardCharsets.US_ASCII);
        byte[] withApp1 = TestJpegs.withSegment(JPEG, 20, 0xE1, exif);
        byte[] stamped = stamp(withApp1, 1);
        assertEquals(20 + 4 + exif.length, TestJpegs.indexOfMarker(stamped, JpegHeader.COM));
        assertEquals(Verdict.Kind.VERIFIED, inspector.inspect(stamped, stamped.length).kind());
    }

    @Test
    void commentTextIsTheDocumentedPrintableAscii() throws Exception {
        byte[] stamped = stamp(JPEG, 42);
        byte[] text = comment(stamped);
        for (byte b : text) {
            assertTrue(b >= 0x20 && b < 0x7F, "byte " + (b & 0xFF) + " is not printable ASCII");
        }
        int digitsAt = TestJpegs.indexOfMarker(stamped, JpegHeader.COM) + 4 + text.length - 8;
        CRC32 crc = new CRC32(); // every byte of the frame but the 8 digits
        crc.update(stamped, 0, digitsAt);
        crc.update(stamped, digitsAt + 8, stamped.length - digitsAt - 8);
        assertEquals(String.format("udpvideo frame=42 time_us=%d crc32=%08x", TIME_US, crc.getValue()),
                new String(text, StandardCharsets.US_ASCII));
    }

    @Test
    void stampInsertsOnlyTheCommentSegment() throws Exception {
        byte[] stamped = stamp(JPEG, 7);
        int com = TestJpegs.indexOfMarker(stamped, JpegHeader.COM);
        int end = com + 2 + segmentLength(stamped, com);
        assertArrayEquals(JPEG, TestJpegs.concat(Arrays.copyOf(stamped, com),
                Arrays.copyOfRange(stamped, end, stamped.length)));
    }

    @Test
    void stampedJpegDecodesToTheSamePixelsAsTheUnstamped() throws Exception {
        BufferedImage plain = read(JPEG);
        BufferedImage stamped = read(stamp(JPEG, 3));
        assertEquals(plain.getWidth(), stamped.getWidth());
        assertEquals(plain.getHeight(), stamped.getHeight());
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                assertEquals(plain.getRGB(x, y), stamped.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void stampReadsOnlyTheGivenLength() throws Exception {
        byte[] buffer = TestJpegs.concat(JPEG, new byte[] {1, 2, 3, 4, 5});
        assertArrayEquals(stamp(JPEG, 9), stamper.stamp(buffer, JPEG.length, 9, TIME_US));
    }

    @Test
    void stampRefusesBytesThatAreNotAJpeg() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> stamp(png, 0));
        assertTrue(e.getMessage().contains("SOI"), e.getMessage());
    }
}
