package udpvideo.codec.jpeg.fast;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The one pixel layout ImageIO's JPEG codec copies quickly, and the conversions to and from the layouts the rest
 * of the program uses.
 *
 * <p>ImageIO's JPEG writer and reader hand scanlines to and from the native codec as bytes in R, G, B order.
 * Java's usual byte image, {@code TYPE_3BYTE_BGR} (also OpenCV's order), stores B, G, R, so every scanline goes
 * through a generic per-pixel copy that allocates a new array per row: at 720p that is a third of the encode
 * time and 3 MB of garbage a frame. An image whose bytes are already R, G, B is copied with one arraycopy per row.
 * Java2D, on the other hand, paints such an image very slowly (it is {@code TYPE_CUSTOM}), so decoded frames
 * leave as {@code TYPE_INT_RGB}, which a display blits without conversion.
 */
final class PixelLayout {
    /** Reads 4 bytes as one int: the fastest way to pick up a pixel's 3 bytes (and one byte too many). */
    private static final VarHandle INT_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private PixelLayout() {
    }

    /** A new image of 3 bytes a pixel in R, G, B order, rows packed, in the sRGB colour space. */
    static BufferedImage newRgbImage(int width, int height) {
        ComponentColorModel colours = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false,
                false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(colours, raster, false, null);
    }

    /** Whether {@code image} is a {@code TYPE_3BYTE_BGR} image that owns its whole pixel array (not a sub-image). */
    static boolean isPackedBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer().getOffset() == 0;
    }

    /** The pixel bytes of a byte image made by this class or a packed {@code TYPE_3BYTE_BGR} image. */
    static byte[] bytes(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    /** The pixels of a {@code TYPE_INT_RGB} image, one int (0xRRGGBB) each. */
    static int[] ints(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** Copies {@code pixels} pixels from B, G, R bytes at pixel {@code from} to R, G, B bytes from pixel 0. */
    static void bgrToRgb(byte[] bgr, int from, byte[] rgb, int pixels) {
        int in = from * 3;
        int end = pixels * 3;
        for (int out = 0; out < end; out += 3, in += 3) {
            rgb[out] = bgr[in + 2];
            rgb[out + 1] = bgr[in + 1];
            rgb[out + 2] = bgr[in];
        }
    }

    /** Converts {@code pixels} pixels of R, G, B bytes from pixel {@code from} into ints 0xRRGGBB from {@code to}. */
    static void rgbToInt(byte[] rgb, int from, int[] out, int to, int pixels) {
        if (pixels == 0) {
            return;
        }
        int in = from * 3;
        int last = to + pixels - 1;
        for (int i = to; i < last; i++, in += 3) {
            out[i] = (int) INT_BIG_ENDIAN.get(rgb, in) >>> 8; // R, G, B and the next pixel's R: drop that one
        }
        out[last] = (rgb[in] & 0xFF) << 16 | (rgb[in + 1] & 0xFF) << 8 | (rgb[in + 2] & 0xFF); // no byte after it
    }
}
