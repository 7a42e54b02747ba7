package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import udpvideo.codec.DecodeException;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.source.TestPatternSource;

class StripCodecTest {
    /** How long a test waits for a closed codec's helper thread to end: close() itself waits up to 2 s. */
    private static final long THREAD_END_WAIT_MS = 5_000;
    private static final BufferedImage FRAME_720P = pattern(1280, 720);
    /** {@link #FRAME_720P} encoded on 2 threads: 45 restart intervals, one per row of MCUs. */
    private static final byte[] STRIPS_720P = encode(FRAME_720P, 2);

    private static BufferedImage pattern(int width, int height) {
        return new TestPatternSource(new Dimension(width, height)).render(7);
    }

    private static byte[] encode(BufferedImage image, int threads) {
        try (StripEncoder encoder = new StripEncoder(80, threads)) {
            return encoder.encode(image);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the test frame", e);
        }
    }

    private static BufferedImage decodeWhole(byte[] jpeg) throws DecodeException {
        try (JpegDecoder decoder = new JpegDecoder()) {
            return decoder.decode(jpeg, jpeg.length);
        }
    }

    private static int[] pixels(BufferedImage image) {
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType(), "image type");
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Every live thread whose name starts with {@code prefix} and that is not in {@code before}. */
    private static List<Thread> newThreads(String prefix, Set<Thread> before) {
        List<Thread> found = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix) && thread.isAlive() && !before.contains(thread)) {
                found.add(thread);
            }
        }
        return found;
    }

    private static Set<String> names(List<Thread> threads) {
        Set<String> names = new TreeSet<>();
        for (Thread thread : threads) {
            names.add(thread.getName());
        }
        return names;
    }

    /** Waits, boundedly, for each thread to end and returns the names of those still alive. */
    private static Set<String> aliveAfterJoining(List<Thread> threads) throws InterruptedException {
        Set<String> alive = new TreeSet<>();
        for (Thread thread : threads) {
            thread.join(THREAD_END_WAIT_MS);
            if (thread.isAlive()) {
                alive.add(thread.getName());
            }
        }
        return alive;
    }

    /** Where each restart marker of {@code jpeg} is, in order (the data holds FF only as FF 00 or a marker). */
    private static int[] restartMarkerOffsets(byte[] jpeg) {
        int[] found = new int[0];
        int sos = TestJpegs.indexOfMarker(jpeg, 0xDA);
        for (int i = sos + 2; i < jpeg.length - 3; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                found = Arrays.copyOf(found, found.length + 1);
                found[found.length - 1] = i;
            }
        }
        return found;
    }

    @ParameterizedTest
    @CsvSource({"640, 480, 2", "640, 480, 3", "1280, 720, 2", "1280, 720, 3", "1000, 562, 2", "1000, 562, 3"})
    void stripDecoderDecodesToThePixelsJpegDecoderDecodes(int width, int height, int encoderThreads)
            throws Exception {
        byte[] jpeg = encode(pattern(width, height), encoderThreads);
        assertNotNull(JpegStrips.find(jpeg, jpeg.length), "a strip frame, so the decoder works on several threads");
        int[] expected = pixels(decodeWhole(jpeg));
        for (int threads = 2; threads <= 4; threads++) {
            try (StripDecoder decoder = new StripDecoder(threads)) {
                BufferedImage image = decoder.decode(jpeg, jpeg.length, null);
                assertEquals(width, image.getWidth());
                assertEquals(height, image.getHeight());
                assertArrayEquals(expected, pixels(image), "decoded on " + threads + " threads");
            }
        }
    }

    @Test
    void stripDecoderDecodesAFrameWithFewerIntervalsThanThreads() throws Exception {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 5); // 3 restart intervals for 4 workers
        assertEquals(3, JpegStrips.find(jpeg, jpeg.length).intervals());
        try (StripDecoder decoder = new StripDecoder(4)) {
            assertArrayEquals(pixels(decodeWhole(jpeg)), pixels(decoder.decode(jpeg, jpeg.length, null)));
        }
    }

    @Test
    void stripEncoderWritesTheSameBytesOnAnyNumberOfThreads() {
        for (BufferedImage image : new BufferedImage[] {FRAME_720P, pattern(1000, 562)}) {
            byte[] alone = encode(image, 1);
            assertArrayEquals(alone, encode(image, 2), image.getWidth() + " wide on 2 threads");
            assertArrayEquals(alone, encode(image, 4), image.getWidth() + " wide on 4 threads");
        }
    }

    @Test
    void stripEncoderFramesDecodeToTheSamePixelsOnAnyNumberOfThreads() throws Exception {
        int[] alone = pixels(decodeWhole(encode(FRAME_720P, 1)));
        assertArrayEquals(alone, pixels(decodeWhole(encode(FRAME_720P, 2))));
        assertArrayEquals(alone, pixels(decodeWhole(encode(FRAME_720P, 4))));
    }

    @Test
    void stripDecoderDecodesIntoAReusedImageOfTheFramesSize() throws Exception {
        BufferedImage reuse = new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(pixels(reuse), 0x123456); // every pixel must be overwritten
        try (StripDecoder decoder = new StripDecoder(3)) {
            assertSame(reuse, decoder.decode(STRIPS_720P, STRIPS_720P.length, reuse));
        }
        assertArrayEquals(pixels(decodeWhole(STRIPS_720P)), pixels(reuse));
    }

    @Test
    void stripDecoderAllocatesWhenTheReusedImageHasAnotherSize() throws Exception {
        BufferedImage reuse = new BufferedImage(1280, 736, BufferedImage.TYPE_INT_RGB);
        Arrays.fill(pixels(reuse), 0x123456);
        try (StripDecoder decoder = new StripDecoder(3)) {
            BufferedImage image = decoder.decode(STRIPS_720P, STRIPS_720P.length, reuse);
            assertNotSame(reuse, image);
            assertEquals(720, image.getHeight());
            assertArrayEquals(pixels(decodeWhole(STRIPS_720P)), pixels(image));
        }
        int[] untouched = new int[1280 * 736];
        Arrays.fill(untouched, 0x123456);
        assertArrayEquals(untouched, pixels(reuse));
    }

    @Test
    void stripDecoderAllocatesWhenTheReusedImageIsNotIntRgb() throws Exception {
        BufferedImage reuse = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        try (StripDecoder decoder = new StripDecoder(3)) {
            BufferedImage image = decoder.decode(STRIPS_720P, STRIPS_720P.length, reuse);
            assertNotSame(reuse, image);
            assertArrayEquals(pixels(decodeWhole(STRIPS_720P)), pixels(image));
        }
    }

    @Test
    void stripDecoderRefusesABombThatStillCutsIntoStrips() {
        // 80 wide is 5 MCUs, so the 80-MCU restart interval is 16 rows of MCUs (256 pixel rows): the frame's 45
        // intervals then claim 11264..11520 rows, and the header alone cannot tell this from a real frame
        byte[] bomb = TestJpegs.withDeclaredSize(STRIPS_720P, 80, 11_500);
        assertNotNull(JpegStrips.find(bomb, bomb.length), "the bomb takes the strip path");
        try (StripDecoder decoder = new StripDecoder(2)) {
            DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(bomb, bomb.length, null));
            assertEquals("image size 80x11500 is over 8192x8192", e.getMessage());
        }
    }

    @Test
    void stripDecoderRefusesABombWhoseIntervalsDoNotFitItsSize() {
        byte[] bomb = TestJpegs.withDeclaredSize(STRIPS_720P, 65_000, 65_000);
        assertNull(JpegStrips.find(bomb, bomb.length), "decoded whole, by the one-thread decoder");
        try (StripDecoder decoder = new StripDecoder(2)) {
            DecodeException e = assertThrows(DecodeException.class, () -> decoder.decode(bomb, bomb.length, null));
            assertTrue(e.getMessage().contains("is over 8192x8192"), e.getMessage());
        }
    }

    @Test
    void stripDecoderDecodesAFrameWithoutRestartsLikeJpegDecoder() throws Exception {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(TestJpegs.image(320, 240, 6), "jpeg", plain));
        byte[] jpeg = plain.toByteArray();
        assertNull(JpegStrips.find(jpeg, jpeg.length), "ImageIO writes no restart markers by itself");
        try (StripDecoder decoder = new StripDecoder(4)) {
            assertArrayEquals(pixels(decodeWhole(jpeg)), pixels(decoder.decode(jpeg, jpeg.length, null)));
        }
    }

    @Test
    void stripDecoderRefusesAStripFrameWithDataCutOutOfTheSecondHalf() {
        // JPEG has no checksum: a few flipped bytes may decode silently, to wrong colours, in either decoder. Data
        // missing from an interval is what every decoder notices: it meets the next marker too soon.
        int[] markers = restartMarkerOffsets(STRIPS_720P);
        assertEquals(44, markers.length);
        int start = markers[29] + 2; // interval 30: in the second of two runs of rows a 2-thread decoder makes
        int end = markers[30];
        int cutFrom = start + (end - start) / 4;
        int cutTo = start + 3 * (end - start) / 4;
        while (STRIPS_720P[cutFrom - 1] == (byte) 0xFF || STRIPS_720P[cutTo - 1] == (byte) 0xFF) {
            cutFrom++; // keep every FF 00 pair whole
            cutTo++;
        }
        byte[] corrupt = TestJpegs.concat(Arrays.copyOf(STRIPS_720P, cutFrom),
                Arrays.copyOfRange(STRIPS_720P, cutTo, STRIPS_720P.length));
        assertNotNull(JpegStrips.find(corrupt, corrupt.length), "still cut into strips, so a helper decodes it");
        try (StripDecoder decoder = new StripDecoder(2)) {
            DecodeException e =
                    assertThrows(DecodeException.class, () -> decoder.decode(corrupt, corrupt.length, null));
            assertTrue(e.getMessage().startsWith("decoder warned: Corrupt JPEG data"), e.getMessage());
        }
    }

    @Test
    void closingTheEncoderEndsItsHelperThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Thread> helpers;
        try (StripEncoder encoder = new StripEncoder(80, 4)) {
            encoder.encode(FRAME_720P);
            helpers = newThreads("udpvideo-encode-", before);
            assertEquals(Set.of("udpvideo-encode-2", "udpvideo-encode-3", "udpvideo-encode-4"), names(helpers));
        }
        assertEquals(Set.of(), aliveAfterJoining(helpers));
        assertEquals(Set.of(), names(newThreads("udpvideo-encode-", before)));
    }

    @Test
    void closingTheDecoderEndsItsHelperThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        List<Thread> helpers;
        try (StripDecoder decoder = new StripDecoder(4)) {
            decoder.decode(STRIPS_720P, STRIPS_720P.length, null);
            helpers = newThreads("udpvideo-decode-", before);
            assertEquals(Set.of("udpvideo-decode-2", "udpvideo-decode-3", "udpvideo-decode-4"), names(helpers));
        }
        assertEquals(Set.of(), aliveAfterJoining(helpers));
        assertEquals(Set.of(), names(newThreads("udpvideo-decode-", before)));
    }
}
