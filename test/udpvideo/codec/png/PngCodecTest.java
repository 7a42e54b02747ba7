package udpvideo.codec.png;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.jpeg.TestJpegs;

class PngCodecTest {
    private final PngCodec codec = new PngCodec();

    /** Every pixel as 0xRRGGBB, whatever the image's type. */
    private static int[] rgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFF_FFFF;
        }
        return pixels;
    }

    private BufferedImage decode(byte[] png, BufferedImage reuse) throws DecodeException {
        try (FrameDecoder decoder = codec.newDecoder(1)) {
            return decoder.decode(png, png.length, reuse);
        }
    }

    @Test
    void roundTripKeepsEveryPixelOfABgrImage() throws Exception {
        BufferedImage image = TestJpegs.image(64, 48, 1);
        BufferedImage decoded = decode(TestPngs.stampedPng(64, 48, 1, 5, 6), null);
        assertEquals(BufferedImage.TYPE_INT_RGB, decoded.getType());
        assertArrayEquals(rgb(image), rgb(decoded));
    }

    @Test
    void roundTripKeepsEveryPixelOfAnIntRgbImage() throws Exception {
        BufferedImage image = new BufferedImage(65, 49, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 65, 49, rgb(TestJpegs.image(65, 49, 2)), 0, 65);
        assertArrayEquals(rgb(image), rgb(decode(TestPngs.encode(image), null)));
    }

    @Test
    void imageWithAlphaIsSentOpaque() throws Exception {
        BufferedImage argb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(new Color(10, 200, 30));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        byte[] png = TestPngs.encode(argb);
        assertEquals(2, png[PngChunks.SIGNATURE.length + 8 + 9], "colour type 2: RGB, no alpha");
        int[] expected = new int[64 * 48];
        Arrays.fill(expected, 10 << 16 | 200 << 8 | 30);
        assertArrayEquals(expected, rgb(decode(png, null)));
    }

    @Test
    void pngFromElsewhereIsDecodedToo() throws Exception {
        BufferedImage indexed = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_INDEXED);
        indexed.createGraphics().drawImage(TestJpegs.image(64, 48, 8), 0, 0, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(indexed, "png", png);
        assertEquals(3, png.toByteArray()[PngChunks.SIGNATURE.length + 8 + 9], "colour type 3: a palette");
        assertArrayEquals(rgb(indexed), rgb(decode(png.toByteArray(), null)));
    }

    @Test
    void decodesIntoTheImageGivenWhenItFits() throws Exception {
        BufferedImage reuse = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        BufferedImage decoded = decode(TestPngs.png(64, 48, 3), reuse);
        assertSame(reuse, decoded);
        assertArrayEquals(rgb(TestJpegs.image(64, 48, 3)), rgb(decoded));
    }

    @Test
    void decodesIntoANewImageWhenTheGivenOneDoesNotFit() throws Exception {
        BufferedImage wrongSize = new BufferedImage(64, 47, BufferedImage.TYPE_INT_RGB);
        BufferedImage wrongType = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        byte[] png = TestPngs.png(64, 48, 3);
        assertNotSame(wrongSize, decode(png, wrongSize));
        assertNotSame(wrongType, decode(png, wrongType));
        assertEquals(BufferedImage.TYPE_INT_RGB, decode(png, wrongType).getType());
    }

    @Test
    void decoderRefusesABombBeforeAllocating() {
        // 20000 x 20000 is 1.6 GB of ints: ImageIO itself would try to allocate it
        for (int side : new int[] {20_000, 100_000}) {
            byte[] bomb = TestPngs.withDeclaredSize(TestPngs.png(64, 48, 4), side, side);
            DecodeException e = assertThrows(DecodeException.class, () -> decode(bomb, null));
            assertEquals("image size " + side + "x" + side + " is outside 1x1..8192x8192", e.getMessage());
        }
    }

    @Test
    void decoderRefusesATruncatedFrame() {
        byte[] png = TestPngs.png(64, 48, 5);
        DecodeException e = assertThrows(DecodeException.class,
                () -> decode(Arrays.copyOf(png, png.length / 2), null));
        assertTrue(e.getMessage().startsWith("cannot decode PNG"), e.getMessage());
    }

    @Test
    void recogniseNamesPngFromTheSignatureAlone() {
        byte[] png = TestPngs.png(64, 48, 6);
        assertSame(codec.getClass(), Codecs.recognise(png, 0, 8).getClass());
        assertSame(codec.getClass(), Codecs.named("png").getClass());
        assertFalse(codec.startsFrame(png, 0, 7), "7 bytes are not the whole signature");
    }

    @Test
    void jpegIsNotTakenForPng() {
        byte[] jpeg = TestJpegs.jpeg(64, 48, 7);
        assertFalse(codec.startsFrame(jpeg, 0, jpeg.length));
        assertEquals("jpeg", Codecs.recognise(jpeg, 0, jpeg.length).name());
    }
}
