package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import udpvideo.codec.DecodeException;
import udpvideo.codec.jpeg.TestJpegs;

class JpegDecoderTest {
    private static final byte[] JPEG = TestJpegs.jpeg(64, 48, 4);

    private final JpegDecoder decoder = new JpegDecoder();

    @AfterEach
    void closeDecoder() {
        decoder.close();
    }

    private String failure(byte[] jpeg) {
        return assertThrows(DecodeException.class, () -> decoder.decode(jpeg, jpeg.length)).getMessage();
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void decodesACleanJpegToTheSamePixelsAsImageIo() throws Exception {
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(JPEG)), decoder.decode(JPEG, JPEG.length));
    }

    @Test
    void decodesAStampedJpegWithoutWarnings() throws Exception {
        byte[] stamped = TestJpegs.stampedJpeg(64, 48, 4, 1, 2);
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(JPEG)), decoder.decode(stamped, stamped.length));
    }

    @Test
    void decodesOnlyTheGivenLength() throws Exception {
        byte[] buffer = TestJpegs.concat(JPEG, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        assertEquals(64, decoder.decode(buffer, JPEG.length).getWidth());
    }

    @Test
    void truncatedJpegIsRefusedBecauseTheDecoderWarns() {
        String message = failure(Arrays.copyOf(JPEG, JPEG.length - 200));
        assertTrue(message.startsWith("decoder warned: "), message);
    }

    @Test
    void markerInsideTheImageDataIsRefusedBecauseTheDecoderWarns() {
        byte[] corrupt = JPEG.clone();
        corrupt[JPEG.length / 2] = (byte) 0xFF;
        corrupt[JPEG.length / 2 + 1] = (byte) 0xD9;
        String message = failure(corrupt);
        assertTrue(message.contains("Corrupt JPEG data"), message);
    }

    @Test
    void headerWithoutImageDataIsRefused() {
        assertTrue(failure(Arrays.copyOf(JPEG, 10)).startsWith("cannot decode: "));
    }

    @Test
    void garbageIsRefused() {
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        assertTrue(failure(garbage).startsWith("cannot decode: "));
    }

    @Test
    void decompressionBombIsRefusedBeforeDecoding() {
        // decoding would need 65000 x 65000 x 3 bytes, about 12 GB: only refusing it first makes this pass
        String message = failure(TestJpegs.withDeclaredSize(JPEG, 65_000, 65_000));
        assertEquals("image size 65000x65000 is over 8192x8192", message);
    }

    @Test
    void wideButShortBombIsRefused() {
        assertEquals("image size 60000x16 is over 8192x8192", failure(TestJpegs.withDeclaredSize(JPEG, 60_000, 16)));
    }

    @Test
    void decoderWorksAgainAfterAFailure() throws Exception {
        failure(Arrays.copyOf(JPEG, JPEG.length - 200));
        failure(TestJpegs.withDeclaredSize(JPEG, 65_000, 65_000));
        assertEquals(48, decoder.decode(JPEG, JPEG.length).getHeight());
    }
}
