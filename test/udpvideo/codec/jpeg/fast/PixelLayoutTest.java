package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PixelLayoutTest {
    /** A byte no conversion writes: where it survives, nothing was written. */
    private static final byte UNTOUCHED = 0x55;
    private static final int UNTOUCHED_INT = 0x5A5A5A5A;

    /** {@code pixels} pixels of 3 bytes each, every byte different: 0x80 + pixel * 3 + byte in the pixel. */
    private static byte[] distinctPixels(int pixels) {
        byte[] bytes = new byte[pixels * 3];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 + i); // from 0x80: bytes with the sign bit set must not become negative ints
        }
        return bytes;
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, UNTOUCHED);
        return bytes;
    }

    @Test
    void bgrToRgbSwapsBlueAndRedOfEveryPixel() {
        byte[] bgr = distinctPixels(5);
        byte[] rgb = filled(5 * 3 + 3);
        PixelLayout.bgrToRgb(bgr, 0, rgb, 5);
        for (int p = 0; p < 5; p++) {
            assertEquals(bgr[3 * p + 2], rgb[3 * p], "red of pixel " + p);
            assertEquals(bgr[3 * p + 1], rgb[3 * p + 1], "green of pixel " + p);
            assertEquals(bgr[3 * p], rgb[3 * p + 2], "blue of pixel " + p);
        }
        assertArrayEquals(new byte[] {UNTOUCHED, UNTOUCHED, UNTOUCHED}, Arrays.copyOfRange(rgb, 15, 18),
                "nothing written past the 5 pixels");
    }

    @Test
    void bgrToRgbStartsAtTheGivenPixel() {
        byte[] bgr = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        byte[] rgb = filled(12);
        PixelLayout.bgrToRgb(bgr, 2, rgb, 3); // pixels 2, 3 and 4 of the source, to pixels 0, 1 and 2
        assertArrayEquals(new byte[] {9, 8, 7, 12, 11, 10, 15, 14, 13, UNTOUCHED, UNTOUCHED, UNTOUCHED}, rgb);
    }

    @Test
    void rgbToIntPacksRedGreenBlueAsRrggbb() {
        byte[] rgb = {(byte) 0xFF, (byte) 0x80, 0x01, 0x12, 0x34, 0x56, 0x00, 0x00, (byte) 0xFE, 0x7F, 0x00, 0x00};
        int[] out = new int[4];
        PixelLayout.rgbToInt(rgb, 0, out, 0, 4);
        assertArrayEquals(new int[] {0xFF8001, 0x123456, 0x0000FE, 0x7F0000}, out);
    }

    @Test
    void rgbToIntReadsTheLastPixelOfAnExactlySizedArray() {
        // the conversion reads 4 bytes a pixel: for the last pixel there is no 4th byte
        byte[] rgb = distinctPixels(7);
        int[] out = new int[7];
        PixelLayout.rgbToInt(rgb, 0, out, 0, 7);
        for (int p = 0; p < 7; p++) {
            int expected = (rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF);
            assertEquals(expected, out[p], "pixel " + p);
        }
        assertEquals(0x929394, out[6]);
    }

    @Test
    void rgbToIntConvertsASinglePixelArray() {
        int[] out = new int[1];
        PixelLayout.rgbToInt(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF}, 0, out, 0, 1);
        assertEquals(0xABCDEF, out[0]);
    }

    @Test
    void rgbToIntWritesOnlyItsPixelsFromTheGivenOffsets() {
        byte[] rgb = distinctPixels(6);
        int[] out = new int[6];
        Arrays.fill(out, UNTOUCHED_INT);
        PixelLayout.rgbToInt(rgb, 3, out, 1, 3); // source pixels 3, 4, 5 (the last) to ints 1, 2, 3
        assertArrayEquals(new int[] {UNTOUCHED_INT, 0x898A8B, 0x8C8D8E, 0x8F9091, UNTOUCHED_INT, UNTOUCHED_INT},
                out);
    }

    @Test
    void rgbToIntOfNoPixelsWritesNothing() {
        int[] out = {UNTOUCHED_INT};
        PixelLayout.rgbToInt(new byte[0], 0, out, 0, 0);
        assertEquals(UNTOUCHED_INT, out[0]);
    }

    @Test
    void newRgbImageReadsTheColoursWrittenToItsBytes() {
        BufferedImage image = PixelLayout.newRgbImage(3, 2);
        byte[] bytes = PixelLayout.bytes(image);
        assertEquals(3 * 2 * 3, bytes.length);
        byte[] colours = distinctPixels(6);
        System.arraycopy(colours, 0, bytes, 0, colours.length);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                int at = (y * 3 + x) * 3;
                int expected = 0xFF000000 | (colours[at] & 0xFF) << 16 | (colours[at + 1] & 0xFF) << 8
                        | (colours[at + 2] & 0xFF);
                assertEquals(expected, image.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void newRgbImageStoresPureRedInItsFirstByte() {
        BufferedImage image = PixelLayout.newRgbImage(2, 1);
        image.setRGB(1, 0, 0xFF0000);
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 0xFF, 0, 0}, PixelLayout.bytes(image));
    }

    @Test
    void newThreeByteBgrImageIsPackedBgr() {
        assertTrue(PixelLayout.isPackedBgr(new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR)));
    }

    @Test
    void subimageIsNotPackedBgr() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        assertFalse(PixelLayout.isPackedBgr(image.getSubimage(0, 16, 64, 16)), "rows of it");
        assertFalse(PixelLayout.isPackedBgr(image.getSubimage(0, 0, 64, 48)), "all of it, through a child raster");
    }

    @Test
    void intRgbImageIsNotPackedBgr() {
        assertFalse(PixelLayout.isPackedBgr(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB)));
    }

    @Test
    void newRgbImageIsNotPackedBgr() {
        assertFalse(PixelLayout.isPackedBgr(PixelLayout.newRgbImage(64, 48)));
    }
}
