package udpvideo.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import udpvideo.codec.jpeg.fast.JpegEncoder;

/** The test pattern is a pure function of the frame number, it moves, and it compresses like a camera's picture. */
class TestPatternSourceTest {
    @Test
    void sameFrameNumberGivesTheSameImage() {
        byte[] first = pixels(new TestPatternSource(new Dimension(320, 240)).render(42));
        byte[] again = pixels(new TestPatternSource(new Dimension(320, 240)).render(42));
        assertArrayEquals(first, again);
    }

    @Test
    void consecutiveFramesDiffer() {
        TestPatternSource source = new TestPatternSource(new Dimension(320, 240));
        byte[] first = pixels(source.next()).clone();
        byte[] second = pixels(source.next());
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void nextCountsFramesFromZero() {
        TestPatternSource source = new TestPatternSource(new Dimension(160, 120));
        byte[] zero = pixels(source.next()).clone();
        assertArrayEquals(zero, pixels(new TestPatternSource(new Dimension(160, 120)).render(0)));
    }

    @Test
    void hasTheAskedSizeAndThirtyFramesPerSecond() {
        TestPatternSource source = new TestPatternSource(new Dimension(1280, 720));
        BufferedImage image = source.next();
        assertEquals(1280, image.getWidth());
        assertEquals(720, image.getHeight());
        assertEquals(30, source.naturalFramesPerSecond());
        assertTrue(source.description().contains("1280x720"));
    }

    @Test
    void refusesATinySize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TestPatternSource(new Dimension(10, 10)));
        assertEquals("test pattern size must be 64x48..8192x8192, was 10x10", e.getMessage());
    }

    @Test
    void compressesLikeACameraAt640x480() throws IOException {
        // a camera's frame at quality 80 is about 50 KB; the smooth gradient alone gave 25 KB
        assertJpegBytesBetween(new Dimension(640, 480), 43_000, 58_000);
    }

    @Test
    void compressesLikeACameraAt1280x720() throws IOException {
        // about 140 KB; the smooth gradient alone gave 52 KB
        assertJpegBytesBetween(new Dimension(1280, 720), 119_000, 161_000);
    }

    /** Frame 10 at JPEG quality 80, as a benchmark of the link would send it, within 15% of a camera's size. */
    private static void assertJpegBytesBetween(Dimension size, int min, int max) throws IOException {
        int bytes;
        try (JpegEncoder encoder = new JpegEncoder(80)) {
            bytes = encoder.encode(new TestPatternSource(size).render(10)).length;
        }
        assertTrue(bytes >= min && bytes <= max, "frame 10 at " + size.width + "x" + size.height
                + ", quality 80: expected " + min + ".." + max + " JPEG bytes, was " + bytes);
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
