package udpvideo.codec.png;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.BgrConverter;

/**
 * Encodes frames as 8-bit RGB PNG with ImageIO's writer, reusing one writer and one output buffer.
 *
 * <p>Lossless, so there is no quality to choose; the writer compresses at its default zlib level (4 since JDK 9).
 * It uses the calling thread only. Images that are not {@code TYPE_3BYTE_BGR} or {@code TYPE_INT_RGB} (an
 * alpha channel, grey, a palette) are first drawn into a {@code TYPE_3BYTE_BGR} image, so that every frame is
 * the same kind of PNG. Not thread-safe: one sending thread owns an encoder and closes it.
 */
final class PngEncoder implements FrameEncoder {
    private final ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    /** Where the writer puts a frame's bytes; emptied, not replaced, for each frame. */
    private final ByteArrayOutputStream output = new ByteArrayOutputStream(256 * 1024);
    /** Where images of other types are converted; reused while frames keep their size. */
    private final BgrConverter converter = new BgrConverter();

    @Override
    public byte[] encode(BufferedImage image) throws IOException {
        BufferedImage source = isRgb(image) ? image : converter.convert(image);
        output.reset();
        // MemoryCache, not ImageIO.createImageOutputStream: that may cache in a temporary file
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(output)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(source, null, null), null);
        } finally {
            writer.setOutput(null);
        }
        return output.toByteArray();
    }

    /** Whether ImageIO writes {@code image} as 8-bit RGB without converting it. */
    private static boolean isRgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB;
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
