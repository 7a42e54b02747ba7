package udpvideo.codec.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.jpeg.TestJpegs;

class RawCodecTest {
    private final RawCodec codec = new RawCodec();

    /** Every pixel as 0xRRGGBB, whatever the image's type. */
    private static int[] rgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFF_FFFF;
        }
        return pixels;
    }

    private byte[] encode(BufferedImage image) throws Exception {
        try (FrameEncoder encoder = codec.newEncoder(80, 4)) {
            return encoder.encode(image);
        }
    }

    private BufferedImage decode(byte[] frame, BufferedImage reuse) throws DecodeException {
        try (FrameDecoder decoder = codec.newDecoder(1)) {
            return decoder.decode(frame, frame.length, reuse);
        }
    }

    @Test
    void encoderWritesTheDocumentedBytes() throws Exception {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(0, 0, 0x112233);
        image.setRGB(1, 0, 0xAABBCC);
        byte[] expected = {'U', 'D', 'P', 'V', 'R', 'A', 'W', '1',
            0, 0, 0, 1, // height
            0, 0, 0, 2, // width
            0, 0, 0, 3, // channels
            0, 0, 0, 0, // stamp length: none yet
            0x33, 0x22, 0x11, (byte) 0xCC, (byte) 0xBB, (byte) 0xAA}; // B, G, R of each pixel
        assertArrayEquals(expected, encode(image));
    }

    @Test
    void roundTripKeepsEveryPixel() throws Exception {
        BufferedImage image = TestJpegs.image(64, 48, 1);
        BufferedImage decoded = decode(TestRaws.stampedRaw(64, 48, 1, 5, 6), null);
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.getType());
        assertArrayEquals(rgb(image), rgb(decoded));
    }

    @Test
    void otherImageTypesAndSubImagesAreConvertedExactly() throws Exception {
        BufferedImage bgr = TestJpegs.image(80, 60, 2);
        BufferedImage intRgb = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        intRgb.setRGB(0, 0, 80, 60, rgb(bgr), 0, 80);
        assertArrayEquals(rgb(bgr), rgb(decode(encode(intRgb), null)));
        BufferedImage part = bgr.getSubimage(10, 5, 64, 48);
        assertArrayEquals(rgb(part), rgb(decode(encode(part), null)));
    }

    @Test
    void decodesIntoTheImageGivenWhenItFits() throws Exception {
        BufferedImage reuse = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        BufferedImage decoded = decode(TestRaws.raw(64, 48, 3), reuse);
        assertSame(reuse, decoded);
        assertArrayEquals(rgb(TestJpegs.image(64, 48, 3)), rgb(decoded));
    }

    @Test
    void decodesIntoANewImageWhenTheGivenOneDoesNotFit() throws Exception {
        byte[] raw = TestRaws.raw(64, 48, 3);
        BufferedImage wrongSize = new BufferedImage(48, 64, BufferedImage.TYPE_INT_RGB);
        BufferedImage wrongType = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        assertNotSame(wrongSize, decode(raw, wrongSize));
        assertEquals(BufferedImage.TYPE_INT_RGB, decode(raw, wrongType).getType());
    }

    @Test
    void decoderRefusesABombBeforeAllocating() {
        byte[] bomb = TestRaws.withField(TestRaws.withField(TestRaws.raw(64, 48, 4), RawHeader.HEIGHT_AT, 100_000),
                RawHeader.WIDTH_AT, 100_000);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(bomb, null));
        assertEquals("cannot decode raw frame: image size 100000x100000 is outside 1x1..8192x8192", e.getMessage());
    }

    @Test
    void decoderRefusesATruncatedFrame() {
        byte[] raw = TestRaws.raw(64, 48, 5);
        DecodeException e = assertThrows(DecodeException.class, () -> decode(Arrays.copyOf(raw, 1000), null));
        assertEquals("cannot decode raw frame: a 64x48 frame with a 0-byte stamp is 9240 bytes, this one 1000",
                e.getMessage());
    }

    @Test
    void encoderRefusesAnImageNoReceiverDecodes() {
        BufferedImage tooWide = new BufferedImage(8193, 1, BufferedImage.TYPE_3BYTE_BGR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encode(tooWide));
        assertEquals("a raw frame must be 1x1..8192x8192, was 8193x1", e.getMessage());
    }

    @Test
    void recogniseNamesRawFromTheMagicAlone() {
        byte[] raw = TestRaws.raw(64, 48, 6);
        assertSame(RawCodec.class, Codecs.recognise(raw, 0, 8).getClass());
        assertSame(RawCodec.class, Codecs.named("raw").getClass());
        assertFalse(codec.startsFrame(raw, 0, 7), "7 bytes are not the whole magic");
    }

    @Test
    void jpegAndPngAreNotTakenForRaw() throws Exception {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 7);
        byte[] png;
        try (FrameEncoder encoder = Codecs.named("png").newEncoder(80, 1)) {
            png = encoder.encode(TestJpegs.image(64, 48, 7));
        }
        assertFalse(codec.startsFrame(jpeg, 0, jpeg.length));
        assertFalse(codec.startsFrame(png, 0, png.length));
        assertEquals("jpeg", Codecs.recognise(jpeg, 0, jpeg.length).name());
        assertEquals("png", Codecs.recognise(png, 0, png.length).name());
    }
}
