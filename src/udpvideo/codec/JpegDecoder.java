package udpvideo.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import udpvideo.wire.FrameInspector;

/**
 * Decodes JPEG frames with ImageIO, refusing anything that is too large or that the decoder complains about.
 *
 * <p>The size is read from the header before any pixel memory is allocated, so a decompression bomb costs
 * nothing. ImageIO reports corrupt data (a truncated or spliced frame) as warnings, not exceptions, and still
 * returns a half-grey image: here every warning is an error. Not thread-safe: one thread owns a decoder.
 */
public final class JpegDecoder implements AutoCloseable {
    private final ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
    /** Warnings the reader reported during the current decode; only touched by the owning thread. */
    private final List<String> warnings = new ArrayList<>();

    /** A decoder with its own ImageIO reader. */
    public JpegDecoder() {
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    }

    /**
     * Decodes a tiny image once, so that the first real frame does not pay for loading ImageIO's codec (a tenth
     * of a second or more, long enough to fall behind a stream).
     */
    public void warmUp() {
        try {
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR), "jpeg", jpeg);
            decode(jpeg.toByteArray(), jpeg.size());
        } catch (IOException | DecodeException e) {
            throw new IllegalStateException("ImageIO cannot decode its own JPEG", e);
        }
    }

    /**
     * Decodes the JPEG in {@code jpeg[0, length)} into a new image.
     *
     * @throws DecodeException when the image is too large, or the decoder failed or warned
     */
    public BufferedImage decode(byte[] jpeg, int length) throws DecodeException {
        return decode(jpeg, length, null);
    }

    /**
     * Decodes the JPEG in {@code jpeg[0, length)} into {@code reuse} when it is a {@code TYPE_3BYTE_BGR} image of
     * exactly the frame's size and the frame decodes to that type (colour JPEGs do), else into a new image.
     * Reusing saves allocating, and clearing, megabytes a frame. After a failure {@code reuse} holds garbage.
     *
     * @return the image decoded into: {@code reuse} or a new one
     * @throws DecodeException when the image is too large, or the decoder failed or warned
     */
    public BufferedImage decode(byte[] jpeg, int length, BufferedImage reuse) throws DecodeException {
        warnings.clear();
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg, 0, length))) {
            reader.setInput(stream, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width > FrameInspector.MAX_DIMENSION || height > FrameInspector.MAX_DIMENSION) {
                throw new DecodeException("image size " + width + "x" + height + " is over "
                        + FrameInspector.MAX_DIMENSION + "x" + FrameInspector.MAX_DIMENSION);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (fits(reuse, width, height)) {
                param.setDestination(reuse);
            }
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new DecodeException("decoder warned: " + String.join("; ", warnings));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // ImageIO throws IIOException for bad data and, on some garbage, runtime exceptions from deep inside
            throw new DecodeException("cannot decode: " + e.getMessage(), e);
        } finally {
            reader.setInput(null);
        }
    }

    private boolean fits(BufferedImage image, int width, int height) throws IOException {
        if (image == null || image.getType() != BufferedImage.TYPE_3BYTE_BGR || image.getWidth() != width
                || image.getHeight() != height) {
            return false;
        }
        ImageTypeSpecifier raw = reader.getRawImageType(0); // what the frame decodes to: grey ones differ
        return raw != null && raw.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
