package udpvideo.codec;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes images as baseline JPEG with ImageIO, reusing one writer for every frame.
 *
 * <p>ImageIO writes a JFIF APP0 segment after SOI, which is what the tutorial's OpenCV decoder expects. Not
 * thread-safe: one encoding thread owns an encoder and closes it.
 */
public final class JpegEncoder implements AutoCloseable {
    private final ImageWriter writer;
    private final ImageWriteParam param;
    /** Collects one frame's bytes; reset, never reallocated, between frames. */
    private final ByteArrayOutputStream output = new ByteArrayOutputStream(256 * 1024);

    /** An encoder at JPEG quality 1..100 (as in OpenCV's IMWRITE_JPEG_QUALITY). */
    public JpegEncoder(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + quality);
        }
        writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
    }

    /** Encodes one image and returns the JPEG file's bytes. */
    public byte[] encode(BufferedImage image) throws IOException {
        output.reset();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(output)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return output.toByteArray();
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
