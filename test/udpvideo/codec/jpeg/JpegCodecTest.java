package udpvideo.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameHeader;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.jpeg.fast.JpegDecoder;

/**
 * What {@link JpegCodec#readHeader} lets through to a decoder: single-scan baseline and extended sequential
 * JPEGs, and nothing else, however it is dressed. The scan bombs here are real (see {@link HostileJpegs}).
 */
class JpegCodecTest {
    private final JpegCodec codec = new JpegCodec();

    private String refusal(byte[] frame) {
        MalformedFrameException e = assertThrows(MalformedFrameException.class,
                () -> codec.readHeader(frame, frame.length));
        return e.getMessage();
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), "expected '" + expected + "' in '" + actual + "'");
    }

    @Test
    void progressiveScanBombThatFitsOneDatagramIsRefused() {
        byte[] bomb = HostileJpegs.progressive(4096, 4096, 1_000);
        assertTrue(bomb.length <= 65_472, "the bomb fits one datagram: " + bomb.length + " bytes");
        assertEquals("progressive JPEG (SOF2 at byte 71): only baseline and extended sequential Huffman JPEGs"
                + " (SOF0, SOF1) are decoded", refusal(bomb));
    }

    @Test
    void largerProgressiveScanBombIsRefused() {
        assertContains("progressive JPEG (SOF2", refusal(HostileJpegs.progressive(8192, 8192, 200)));
    }

    @Test
    void scanBombIsARealJpegThatDecodes() throws Exception {
        // so that the refusals above stop a real attack, not a malformed file a decoder would refuse anyway
        byte[] bomb = HostileJpegs.progressive(64, 48, 5);
        try (JpegDecoder decoder = new JpegDecoder()) {
            BufferedImage image = decoder.decode(bomb, bomb.length);
            assertEquals(64, image.getWidth());
            assertEquals(48, image.getHeight());
        }
    }

    @Test
    void progressiveJpegFromImageIoIsRefused() throws IOException {
        assertContains("progressive JPEG (SOF2", refusal(imageIoJpeg(ImageWriteParam.MODE_DEFAULT)));
    }

    @Test
    void losslessHierarchicalAndArithmeticJpegsAreRefused() {
        assertContains("lossless JPEG (SOF3", refusal(HostileJpegs.withFrameMarker(0xC3, 64, 48, 1)));
        assertContains("hierarchical sequential JPEG (SOF5", refusal(HostileJpegs.withFrameMarker(0xC5, 64, 48, 1)));
        assertContains("hierarchical progressive JPEG (SOF6",
                refusal(HostileJpegs.withFrameMarker(0xC6, 64, 48, 1)));
        assertContains("arithmetic-coded extended sequential JPEG (SOF9",
                refusal(HostileJpegs.withFrameMarker(0xC9, 64, 48, 1)));
        assertContains("arithmetic-coded progressive JPEG (SOF10",
                refusal(HostileJpegs.withFrameMarker(0xCA, 64, 48, 1)));
        assertContains("hierarchical arithmetic-coded lossless JPEG (SOF15",
                refusal(HostileJpegs.withFrameMarker(0xCF, 64, 48, 1)));
    }

    @Test
    void arithmeticConditioningAndHierarchyMarkersAreRefused() {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 1);
        assertContains("arithmetic coding segment CC at byte 20",
                refusal(TestJpegs.withSegment(jpeg, 20, 0xCC, new byte[] {0x00, 0x10})));
        assertContains("hierarchical segment DE at byte 20",
                refusal(TestJpegs.withSegment(jpeg, 20, 0xDE, new byte[] {8, 0, 48, 0, 64, 1, 1, 0x11, 0})));
    }

    @Test
    void baselineJpegOfSeveralScansIsRefused() {
        assertEquals("200 scans (SOS segments): only single-scan JPEGs are decoded, as video senders write them",
                refusal(HostileJpegs.withFrameMarker(JpegHeader.SOF0, 8192, 8192, 200)));
    }

    @Test
    void segmentAfterTheImageDataIsRefused() {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 1);
        int eoi = jpeg.length - 2;
        byte[] trailing = TestJpegs.withSegment(jpeg, eoi, JpegHeader.COM, new byte[] {'h', 'i'});
        assertEquals("segment FE at byte " + eoi + " after the image data", refusal(trailing));
    }

    @Test
    void endOfImageInsideTheDataIsRefused() {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 1);
        byte[] early = TestJpegs.concat(Arrays.copyOf(jpeg, jpeg.length - 2),
                new byte[] {(byte) 0xFF, (byte) 0xD9, 0x12, 0x34, (byte) 0xFF, (byte) 0xD9});
        assertContains("marker D9 at byte " + (jpeg.length - 2) + " inside the image data", refusal(early));
    }

    @Test
    void ourFramesPass() throws MalformedFrameException {
        byte[] stamped = TestJpegs.stampedJpeg(1280, 720, 3, 1, 2);
        FrameHeader header = codec.readHeader(stamped, stamped.length);
        assertEquals(1280, header.width());
        assertEquals(720, header.height());
    }

    @Test
    void framesWithRestartMarkersPass() throws MalformedFrameException, IOException {
        // the sender's strip encoder restarts at every row of MCUs: RST0..RST7 inside the data are no scans
        BufferedImage image = TestJpegs.image(640, 480, 5);
        byte[] jpeg;
        try (FrameEncoder encoder = codec.newEncoder(TestJpegs.QUALITY, 4)) {
            jpeg = encoder.encode(image);
        }
        assertTrue(JpegHeader.parse(jpeg, jpeg.length).restartInterval > 0, "the encoder wrote restart markers");
        assertEquals(640, codec.readHeader(jpeg, jpeg.length).width());
    }

    @Test
    void imageIoBaselineJpegPasses() throws IOException, MalformedFrameException {
        byte[] jpeg = imageIoJpeg(ImageWriteParam.MODE_DISABLED);
        assertEquals(64, codec.readHeader(jpeg, jpeg.length).width());
    }

    /** A 64x48 JPEG from ImageIO's own writer, progressive or not. */
    private static byte[] imageIoJpeg(int progressiveMode) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(progressiveMode);
            writer.write(null, new IIOImage(TestJpegs.image(64, 48, 2), null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
