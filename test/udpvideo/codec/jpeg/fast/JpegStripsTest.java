package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.MalformedJpegException;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.source.TestPatternSource;

class JpegStripsTest {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    /** A camera-like 720p frame; its rows are what every strip here is cut from. */
    private static final BufferedImage FRAME = new TestPatternSource(new Dimension(WIDTH, HEIGHT)).render(7);
    /** {@link #FRAME} encoded in one piece: 45 restart intervals of 16 rows, markers D0..D7 repeating. */
    private static final byte[] WHOLE = encode(80, FRAME);
    /** {@link #FRAME} cut into 2 strips of 368 and 352 rows, each encoded on its own, then joined. */
    private static final byte[] JOINED = joinedStrips(FRAME, 2);

    private static byte[] encode(int quality, BufferedImage image) {
        try (JpegEncoder encoder = new JpegEncoder(quality)) {
            return encoder.encode(image);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the test frame", e);
        }
    }

    /** Rows {@code [y, y + rows)} of {@code image} as a JPEG of their own, as the sender's strip encoders make them. */
    private static byte[] encodeRows(int quality, BufferedImage image, int y, int rows) throws IOException {
        try (JpegEncoder encoder = new JpegEncoder(quality)) {
            return encoder.encodeRows(image, y, rows);
        }
    }

    private static byte[] joinedStrips(BufferedImage image, int count) {
        int rows = JpegStrips.stripRows(image.getHeight(), count);
        byte[][] strips = new byte[count][];
        try {
            for (int i = 0; i < count; i++) {
                strips[i] = encodeRows(80, image, i * rows, Math.min(rows, image.getHeight() - i * rows));
            }
            return JpegStrips.join(strips, rows);
        } catch (IOException | MalformedJpegException e) {
            throw new IllegalStateException("cannot make the joined test frame", e);
        }
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertNotNull(image, "ImageIO found no image");
        return image;
    }

    /** The second byte of every restart marker in the image data, in order: 0xD0..0xD7. */
    private static int[] restartMarkers(byte[] jpeg) throws MalformedJpegException {
        JpegHeader header = JpegHeader.parse(jpeg, jpeg.length);
        int[] found = new int[0];
        for (int i = header.scanData; i < jpeg.length - 3; i++) { // the last 2 bytes are EOI
            int next = jpeg[i + 1] & 0xFF;
            if (jpeg[i] == (byte) 0xFF && next >= 0xD0 && next <= 0xD7) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = next;
                i++;
            }
        }
        return found;
    }

    private static JpegStrips find(byte[] jpeg) {
        return JpegStrips.find(jpeg, jpeg.length);
    }

    @Test
    void stripRowsAreMultiplesOf16CoveringTheHeight() {
        assertEquals(368, JpegStrips.stripRows(720, 2));
        assertEquals(240, JpegStrips.stripRows(480, 2));
        assertEquals(16, JpegStrips.stripRows(48, 4));
        assertEquals(288, JpegStrips.stripRows(562, 2));
        assertEquals(720, JpegStrips.stripRows(720, 1));
    }

    @Test
    void everyStripHasRowsAndThereAreNoMoreStripsThanAskedFor() {
        for (int height = 1; height <= 1100; height++) {
            for (int strips = 1; strips <= 8; strips++) {
                int rows = JpegStrips.stripRows(height, strips);
                int count = (height + rows - 1) / rows;
                String what = height + " rows in " + strips + " strips of " + rows;
                assertEquals(0, rows % JpegStrips.ROW_UNIT, what);
                assertTrue(count <= strips, what);
                assertTrue(count * rows >= height, what);
                assertTrue((count - 1) * rows < height, what + ": the last strip is empty");
            }
        }
    }

    @Test
    void stripRowsRefusesNoRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JpegStrips.stripRows(0, 2));
        assertEquals("need rows and strips, was 0 rows in 2", e.getMessage());
    }

    @Test
    void stripRowsRefusesNoStrips() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JpegStrips.stripRows(720, 0));
        assertEquals("need rows and strips, was 720 rows in 0", e.getMessage());
    }

    @Test
    void joinedStripsDeclareTheWholeFrameSize() throws Exception {
        JpegHeader header = JpegHeader.parse(JOINED, JOINED.length);
        assertEquals(WIDTH, header.width);
        assertEquals(HEIGHT, header.height);
    }

    @Test
    void joinedRestartMarkersRunInOrderAcrossTheStripBoundary() throws Exception {
        int[] markers = restartMarkers(JOINED);
        assertEquals(HEIGHT / 16 - 1, markers.length, "one marker between every two rows of MCUs");
        for (int i = 0; i < markers.length; i++) {
            assertEquals(0xD0 + i % 8, markers[i], "marker " + i); // marker 22 (D6) is the strip boundary
        }
    }

    @Test
    void joinedStripsDecodeToThePixelsOfTheFrameEncodedInOnePiece() throws Exception {
        BufferedImage expected = read(WHOLE);
        BufferedImage actual = read(JOINED);
        assertEquals(WIDTH, actual.getWidth());
        assertEquals(HEIGHT, actual.getHeight());
        assertArrayEquals(expected.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH),
                actual.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH));
    }

    @Test
    void joinedStripsAreTheBytesOfTheFrameEncodedInOnePiece() {
        assertArrayEquals(WHOLE, JOINED);
    }

    @Test
    void joinedStripsOfAnOddHeightAreTheBytesOfTheFrameEncodedInOnePiece() {
        BufferedImage odd = new TestPatternSource(new Dimension(1000, 562)).render(3);
        assertArrayEquals(encode(80, odd), joinedStrips(odd, 3)); // strips of 192, 192 and 178 rows
    }

    @Test
    void joiningOneStripReturnsItUnchanged() throws Exception {
        byte[][] strips = {WHOLE};
        assertSame(WHOLE, JpegStrips.join(strips, 720));
    }

    @Test
    void joinRefusesAStripTallerThanStripRows() throws Exception {
        BufferedImage image = TestJpegs.image(64, 48, 1);
        byte[][] strips = {encodeRows(80, image, 0, 32), encodeRows(80, image, 32, 16)};
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> JpegStrips.join(strips, 16));
        assertEquals("strip 0 has 32 rows, not 16", e.getMessage());
    }

    @Test
    void joinRefusesAShortStripBeforeTheLast() throws Exception {
        BufferedImage image = TestJpegs.image(64, 48, 1);
        byte[][] strips = {encodeRows(80, image, 0, 16), encodeRows(80, image, 16, 8),
            encodeRows(80, image, 24, 16)};
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> JpegStrips.join(strips, 16));
        assertEquals("strip 1 has 8 rows, not 16", e.getMessage());
    }

    @Test
    void joinRefusesStripsFromEncodersOfDifferentQuality() throws Exception {
        BufferedImage image = TestJpegs.image(64, 48, 1);
        byte[][] strips = {encodeRows(80, image, 0, 32), encodeRows(50, image, 32, 16)};
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> JpegStrips.join(strips, 32));
        assertEquals("strip 1 was not written like strip 0, with restarts", e.getMessage());
    }

    @Test
    void findRefusesAFrameWithoutRestartInterval() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(FRAME, "jpeg", plain));
        byte[] jpeg = plain.toByteArray();
        assertEquals(0, JpegHeader.parse(jpeg, jpeg.length).restartInterval, "ImageIO writes no DRI by itself");
        assertNull(find(jpeg));
    }

    @Test
    void findRefusesATruncatedFrame() {
        assertNull(find(Arrays.copyOf(WHOLE, WHOLE.length / 2)));
    }

    @Test
    void findRefusesAFrameWithIntervalsMissingBeforeEoi() throws Exception {
        // cut after the 20th interval's data and close the frame: the header still promises 45 intervals
        int cut = 0;
        JpegHeader header = JpegHeader.parse(WHOLE, WHOLE.length);
        int markersSeen = 0;
        for (int i = header.scanData; markersSeen < 20; i++) {
            if (WHOLE[i] == (byte) 0xFF && (WHOLE[i + 1] & 0xF8) == 0xD0) {
                markersSeen++;
                cut = i;
            }
        }
        byte[] shortened = TestJpegs.concat(Arrays.copyOf(WHOLE, cut), new byte[] {(byte) 0xFF, (byte) 0xD9});
        assertNull(find(shortened));
    }

    @Test
    void findRefusesGarbage() {
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        assertNull(find(garbage));
    }

    @Test
    void findRefusesGarbageAfterAValidHeader() throws Exception {
        int scanData = JpegHeader.parse(WHOLE, WHOLE.length).scanData;
        byte[] garbage = new byte[5000];
        new Random(4).nextBytes(garbage);
        byte[] frame = TestJpegs.concat(TestJpegs.concat(Arrays.copyOf(WHOLE, scanData), garbage),
                new byte[] {(byte) 0xFF, (byte) 0xD9});
        assertNull(find(frame));
    }

    @Test
    void findRefusesRestartMarkersOutOfOrder() throws Exception {
        byte[] swapped = WHOLE.clone();
        int scanData = JpegHeader.parse(WHOLE, WHOLE.length).scanData;
        int swaps = 0;
        for (int i = scanData; swaps < 2; i++) {
            if (swapped[i] == (byte) 0xFF && (swapped[i + 1] & 0xFF) == 0xD0 + swaps) {
                swapped[i + 1] = (byte) (0xD1 - swaps); // D0 becomes D1, then D1 becomes D0
                swaps++;
                i++;
            }
        }
        assertNotNull(find(WHOLE), "the frame before the swap is cut");
        assertNull(find(swapped));
    }

    @Test
    void findRefusesAGreyFrame() throws Exception {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        try {
            g.drawImage(TestJpegs.image(64, 48, 2), 0, 0, null);
        } finally {
            g.dispose();
        }
        byte[] jpeg = encode(80, grey);
        assertTrue(JpegHeader.parse(jpeg, jpeg.length).restartInterval > 0, "the encoder writes DRI for grey too");
        assertNull(find(jpeg));
    }

    @Test
    void findCutsA720pFrameIntoRowsOf16() {
        JpegStrips strips = find(WHOLE);
        assertNotNull(strips);
        assertEquals(45, strips.intervals());
        assertEquals(WIDTH, strips.width());
        assertEquals(HEIGHT, strips.height());
        for (int i = 0; i < strips.intervals(); i++) {
            assertEquals(16 * i, strips.firstRow(i), "interval " + i);
        }
    }

    @Test
    void findCountsAShortLastIntervalOfAnOddHeight() {
        byte[] odd = encode(80, new TestPatternSource(new Dimension(1000, 562)).render(3));
        JpegStrips strips = find(odd);
        assertNotNull(strips);
        assertEquals(36, strips.intervals()); // 35 of 16 rows and one of 2
        assertEquals(1000, strips.width());
        assertEquals(562, strips.height());
        assertEquals(560, strips.firstRow(35));
    }

    @Test
    void writtenIntervalsAreAJpegOfTheirRowsHeight() throws Exception {
        JpegStrips strips = find(WHOLE);
        byte[] out = new byte[strips.length(10, 14)];
        strips.write(10, 14, out);
        JpegHeader header = JpegHeader.parse(out, out.length);
        assertEquals(WIDTH, header.width);
        assertEquals(64, header.height);
        assertEquals(0xFF, out[out.length - 2] & 0xFF, "length() is exactly what write() fills");
        assertEquals(JpegHeader.EOI, out[out.length - 1] & 0xFF);
    }

    @Test
    void writtenIntervalsDecodeToTheFramesRowsAwayFromTheCutEdges() throws Exception {
        JpegStrips strips = find(WHOLE);
        BufferedImage whole = read(WHOLE);
        int last = strips.intervals();
        int[][] runs = {{0, 3}, {3, 7}, {10, 13}, {41, last}, {0, last}};
        for (int[] run : runs) {
            byte[] out = new byte[strips.length(run[0], run[1])];
            strips.write(run[0], run[1], out);
            BufferedImage part = read(out);
            int top = strips.firstRow(run[0]);
            assertEquals(Math.min(HEIGHT, strips.firstRow(run[1])) - top, part.getHeight(), "rows of run " + run[0]);
            // a decoder smooths chroma across the rows on either side, so rows next to a cut may differ slightly
            int from = run[0] == 0 ? 0 : JpegStrips.ROW_UNIT;
            int to = run[1] == last ? part.getHeight() : part.getHeight() - JpegStrips.ROW_UNIT;
            for (int y = from; y < to; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    assertEquals(whole.getRGB(x, top + y), part.getRGB(x, y),
                            "pixel " + x + "," + y + " of intervals " + run[0] + ".." + run[1]);
                }
            }
        }
    }

    @Test
    void writingEveryIntervalGivesBackTheFrame() {
        JpegStrips strips = find(WHOLE);
        byte[] out = new byte[strips.length(0, strips.intervals())];
        strips.write(0, strips.intervals(), out);
        assertArrayEquals(WHOLE, out);
    }

    @Test
    void writtenIntervalsRestartTheirMarkersAtD0() throws Exception {
        JpegStrips strips = find(WHOLE);
        byte[] out = new byte[strips.length(10, 20)];
        strips.write(10, 20, out); // in the frame, interval 10 follows marker D1
        assertArrayEquals(new int[] {0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD0}, restartMarkers(out));
    }

    @Test
    void writeRefusesAnEmptyRunOfIntervals() {
        JpegStrips strips = find(WHOLE);
        byte[] out = new byte[WHOLE.length];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strips.write(5, 5, out));
        assertEquals("intervals 5..5 of 45", e.getMessage());
    }

    @Test
    void lengthRefusesARunPastTheLastInterval() {
        JpegStrips strips = find(WHOLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strips.length(40, 46));
        assertEquals("intervals 40..46 of 45", e.getMessage());
    }
}
