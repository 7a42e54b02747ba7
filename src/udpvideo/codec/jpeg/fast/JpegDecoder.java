package udpvideo.codec.jpeg.fast;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameLimits;

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
    /** Where colour frames are decoded in R, G, B order before conversion; reused, grown when too small. */
    private BufferedImage rgb;

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
     * Decodes the JPEG in {@code jpeg[0, length)}. A colour frame comes back as a {@code TYPE_INT_RGB} image, the
     * layout a display paints without converting: {@code reuse} when it is one of exactly the frame's size, else a
     * new one. Reusing saves allocating, and clearing, megabytes a frame. After a failure {@code reuse} holds
     * garbage. Other frames (grey ones) come back in the type ImageIO chooses.
     *
     * @return the image decoded into: {@code reuse} or a new one
     * @throws DecodeException when the image is too large, or the decoder failed or warned
     */
    public BufferedImage decode(byte[] jpeg, int length, BufferedImage reuse) throws DecodeException {
        try (ImageInputStream stream = new ByteArrayImageInputStream(jpeg, length)) {
            open(stream);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            BufferedImage image;
            if (isColour()) {
                image = isIntRgb(reuse, width, height) ? reuse
                        : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                readColour(width, height);
                PixelLayout.rgbToInt(PixelLayout.bytes(rgb), 0, PixelLayout.ints(image), 0, width * height);
            } else {
                image = reader.read(0);
            }
            throwIfWarned();
            return image;
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            reader.setInput(null);
        }
    }

    /**
     * Decodes the colour JPEG in {@code jpeg[0, length)}, a strip of a larger frame, and copies its rows
     * {@code [skip, skip + rows)} into rows {@code y} onward of {@code target}, a {@code TYPE_INT_RGB} image as wide
     * as the strip. The rows skipped were decoded only so that the rows kept have their true neighbours (see
     * {@link StripDecoder}).
     *
     * @throws DecodeException when the strip does not have those rows or they do not fit there, or the decoder
     *                         failed or warned
     */
    public void decodeRows(byte[] jpeg, int length, int skip, int rows, BufferedImage target, int y)
            throws DecodeException {
        try (ImageInputStream stream = new ByteArrayImageInputStream(jpeg, length)) {
            open(stream);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (!isColour() || target.getType() != BufferedImage.TYPE_INT_RGB || width != target.getWidth()
                    || skip < 0 || rows < 0 || skip + rows > height || y < 0 || y + rows > target.getHeight()) {
                throw new DecodeException("rows " + skip + ".." + (skip + rows) + " of a " + width + "x" + height
                        + " strip do not fit at row " + y + " of a " + target.getWidth() + "x"
                        + target.getHeight() + " frame");
            }
            readColour(width, height);
            PixelLayout.rgbToInt(PixelLayout.bytes(rgb), skip * width, PixelLayout.ints(target), y * width,
                    rows * width);
            throwIfWarned();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        } finally {
            reader.setInput(null);
        }
    }

    /** Points the reader at the JPEG and refuses a decompression bomb before any pixel memory is allocated. */
    private void open(ImageInputStream stream) throws IOException, DecodeException {
        warnings.clear();
        reader.setInput(stream, true, true);
        refuseBomb(reader.getWidth(0), reader.getHeight(0));
    }

    /** Refuses a size no frame may have: decoding it would allocate gigabytes (a decompression bomb). */
    static void refuseBomb(int width, int height) throws DecodeException {
        if (width > FrameLimits.MAX_DIMENSION || height > FrameLimits.MAX_DIMENSION) {
            throw new DecodeException("image size " + width + "x" + height + " is over "
                    + FrameLimits.MAX_DIMENSION + "x" + FrameLimits.MAX_DIMENSION);
        }
    }

    /** Decodes a colour frame into {@link #rgb}, R, G, B bytes: the layout ImageIO copies fastest. */
    private void readColour(int width, int height) throws IOException {
        // a buffer much taller than the frame is let go: one huge frame must not pin its memory for the run
        if (rgb == null || rgb.getWidth() != width || rgb.getHeight() < height || rgb.getHeight() > 2 * height) {
            rgb = PixelLayout.newRgbImage(width, height);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(rgb); // when taller than the frame, only its top rows are written
        reader.read(0, param);
    }

    /** Whether the frame decodes to 3 colour channels (grey and other frames do not). */
    private boolean isColour() throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && raw.getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    /** Whether {@code image} is a {@code TYPE_INT_RGB} image of exactly that size: one a frame may be decoded into. */
    static boolean isIntRgb(BufferedImage image, int width, int height) {
        return image != null && image.getType() == BufferedImage.TYPE_INT_RGB && image.getWidth() == width
                && image.getHeight() == height;
    }

    /** ImageIO reports corrupt data as warnings and returns a half-grey image: here a warning is an error. */
    private void throwIfWarned() throws DecodeException {
        if (!warnings.isEmpty()) {
            throw new DecodeException("decoder warned: " + String.join("; ", warnings));
        }
    }

    private static DecodeException failure(Exception e) {
        // ImageIO throws IIOException for bad data and, on some garbage, runtime exceptions from deep inside
        return new DecodeException("cannot decode: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
