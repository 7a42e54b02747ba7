package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import udpvideo.codec.jpeg.TestJpegs;

class JpegEncoderTest {
    private static final BufferedImage IMAGE = TestJpegs.image(64, 48, 1);

    private static byte[] encode(int quality, BufferedImage image) throws Exception {
        try (JpegEncoder encoder = new JpegEncoder(quality)) {
            return encoder.encode(image);
        }
    }

    @Test
    void writesSoiThenJfifApp0AndEndsWithEoi() throws Exception {
        byte[] jpeg = encode(80, IMAGE);
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        assertEquals(0xFF, jpeg[2] & 0xFF);
        assertEquals(0xE0, jpeg[3] & 0xFF);
        assertEquals("JFIF\0", new String(jpeg, 6, 5, StandardCharsets.US_ASCII));
        assertEquals(0xFF, jpeg[jpeg.length - 2] & 0xFF);
        assertEquals(0xD9, jpeg[jpeg.length - 1] & 0xFF);
    }

    @Test
    void encodedImageDecodesToNearlyTheSamePixels() throws Exception {
        BufferedImage smooth = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                smooth.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
            }
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encode(95, smooth)));
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        long difference = 0;
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int a = smooth.getRGB(x, y);
                int b = decoded.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    difference += Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF));
                }
            }
        }
        double mean = difference / (64.0 * 48 * 3);
        assertTrue(mean < 3, "mean difference per channel " + mean);
    }

    @Test
    void higherQualityGivesALargerFile() throws Exception {
        assertTrue(encode(95, IMAGE).length > encode(30, IMAGE).length);
    }

    @Test
    void encodingAgainDoesNotChangeTheBytesReturnedBefore() throws Exception {
        try (JpegEncoder encoder = new JpegEncoder(80)) {
            byte[] first = encoder.encode(IMAGE);
            byte[] copy = Arrays.copyOf(first, first.length);
            byte[] second = encoder.encode(TestJpegs.image(64, 48, 2));
            assertArrayEquals(copy, first);
            assertTrue(!Arrays.equals(first, second), "different images give different files");
            assertArrayEquals(first, encoder.encode(IMAGE), "the same image gives the same file");
        }
    }

    @Test
    void qualityZeroIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JpegEncoder(0));
        assertEquals("JPEG quality must be 1..100, was 0", e.getMessage());
    }

    @Test
    void qualityAbove100IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JpegEncoder(101));
        assertEquals("JPEG quality must be 1..100, was 101", e.getMessage());
    }

    @Test
    void qualityLimitsAreAllowed() throws Exception {
        assertEquals(0xD8, encode(1, IMAGE)[1] & 0xFF);
        assertEquals(0xD8, encode(100, IMAGE)[1] & 0xFF);
    }
}
