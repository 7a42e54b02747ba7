package udpvideo.codec.png;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameLimits;

/**
 * Decodes PNG frames with ImageIO's reader into {@code TYPE_INT_RGB} images, refusing anything too large or that
 * the reader complains about.
 *
 * <p>The size is read from IHDR before any pixel memory is allocated, so a decompression bomb costs nothing.
 * Every warning the reader reports is an error, as for JPEG. The 8-bit RGB frames our encoder writes are decoded
 * straight into the target image; any other PNG is decoded as ImageIO chooses and then copied, its alpha
 * dropped. Uses the calling thread only. Not thread-safe: one thread owns a decoder and closes it.
 */
final class PngDecoder implements FrameDecoder {
    private final ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    /** Warnings the reader reported during the current decode; only touched by the owning thread. */
    private final List<String> warnings = new ArrayList<>();

    PngDecoder() {
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    /** Decodes a tiny PNG, so that the first real frame does not pay for loading ImageIO's PNG classes. */
    @Override
    public void warmUp() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "png", png);
            decode(png.toByteArray(), png.size(), null);
        } catch (IOException | DecodeException e) {
            throw new IllegalStateException("ImageIO cannot decode its own PNG", e);
        }
    }

    /**
     * Decodes {@code png[0, length)} into {@code reuse} when it is a {@code TYPE_INT_RGB} image of exactly the
     * frame's size, else into a new one. After a failure {@code reuse} holds garbage.
     *
     * @throws DecodeException when the image is too large, or the reader failed or warned
     */
    @Override
    public BufferedImage decode(byte[] png, int length, BufferedImage reuse) throws DecodeException {
        warnings.clear();
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(png, 0, length))) {
            reader.setInput(stream, true, true); // ignoring metadata skips text chunks, our stamp among them
            int width = reader.getWidth(0); // reads only the signature and IHDR
            int height = reader.getHeight(0);
            if (!FrameLimits.isDecodable(width, height)) {
                throw new DecodeException("image size " + width + "x" + height + " is outside 1x1.."
                        + FrameLimits.MAX_DIMENSION + "x" + FrameLimits.MAX_DIMENSION);
            }
            BufferedImage image = isPackedIntRgb(reuse, width, height) ? reuse
                    : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            if (offersIntRgb()) {
                ImageReadParam param = reader.getDefaultReadParam();
                param.setDestination(image);
                reader.read(0, param);
            } else {
                copyOpaque(reader.read(0), image);
            }
            if (!warnings.isEmpty()) {
                throw new DecodeException("PNG decoder warned: " + String.join("; ", warnings));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // ImageIO throws IIOException for bad data (a broken zlib stream) and, on some garbage, runtime ones
            throw new DecodeException("cannot decode PNG: " + e.getMessage(), e);
        } finally {
            reader.setInput(null);
        }
    }

    /** Whether the reader can decode this PNG into a {@code TYPE_INT_RGB} image itself (8-bit RGB ones). */
    private boolean offersIntRgb() throws IOException {
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            if (types.next().getBufferedImageType() == BufferedImage.TYPE_INT_RGB) {
                return true;
            }
        }
        return false;
    }

    /** Copies {@code decoded}'s colours into {@code target}, a packed {@code TYPE_INT_RGB} image of its size. */
    private static void copyOpaque(BufferedImage decoded, BufferedImage target) {
        int[] pixels = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        decoded.getRGB(0, 0, decoded.getWidth(), decoded.getHeight(), pixels, 0, decoded.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFF_FFFF; // the alpha getRGB puts in the top byte is not part of an RGB pixel
        }
    }

    /** Whether {@code image} is a whole {@code TYPE_INT_RGB} image (not a sub-image) of exactly that size. */
    private static boolean isPackedIntRgb(BufferedImage image, int width, int height) {
        return image != null && image.getType() == BufferedImage.TYPE_INT_RGB && image.getWidth() == width
                && image.getHeight() == height && image.getRaster().getParent() == null;
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
