package udpvideo.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The test pattern is a pure function of the frame number, and it moves. */
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

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
