package udpvideo.bench;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import udpvideo.metrics.Samples;
import udpvideo.source.TestPatternSource;

/**
 * For comparison with the {@link CodecFloor}: encode + decode the way a program that calls ImageIO as is does it, a
 * JPEG writer at the same quality straight from the {@code TYPE_3BYTE_BGR} frame and {@code ImageIO.read} into a
 * new image, both through memory streams (ImageIO's default would add a cache file on disk). The floor is the same
 * ImageIO with the pixels laid out for it first ({@code PixelLayout}); this shows what that saves.
 *
 * <p>Measured before anything else runs in the JVM, so that it does not depend on what ran before: measured after
 * all of the 640x480 rows, it came out at 16.5 ms at 720p, against 11.1 to 11.4 after only one or two of them.
 */
final class ImageIoAsIs {
    /** Frames measured. */
    private static final int ROUNDS = 20;
    /**
     * Time spent coding frames unmeasured first: ImageIO's generic pixel copying is Java code, which the JIT compiler
     * takes a while to compile. With 20 frames of warm-up instead, 640x480 came out at 15.4 ms, nearly four times its
     * usual figure.
     */
    private static final long WARMUP_NANOS = 1_500_000_000L;

    private ImageIoAsIs() {
    }

    /** The median encode + decode time of a {@code size} test pattern frame at JPEG {@code quality}, in ms. */
    static double medianMs(Dimension size, int quality) throws IOException {
        TestPatternSource pattern = new TestPatternSource(size);
        Samples totals = new Samples();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            long warmUntil = System.nanoTime() + WARMUP_NANOS;
            for (int number = 0; System.nanoTime() < warmUntil; number++) {
                encodeAndDecode(writer, param, pattern.render(number));
            }
            for (int round = 0; round < ROUNDS; round++) {
                BufferedImage frame = pattern.render(round); // a new frame each round, drawn untimed
                long start = System.nanoTime();
                encodeAndDecode(writer, param, frame);
                totals.record((System.nanoTime() - start) / 1000);
            }
        } finally {
            writer.dispose();
        }
        return totals.millis(0.5)[0];
    }

    private static void encodeAndDecode(ImageWriter writer, ImageWriteParam param, BufferedImage frame)
            throws IOException {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(jpeg)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(frame, null, null), param);
        }
        // ImageIO.read closes the stream it is given
        BufferedImage decoded = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(
                jpeg.toByteArray())));
        if (decoded == null || decoded.getWidth() != frame.getWidth()) {
            throw new IllegalStateException("ImageIO did not read back its own " + frame.getWidth() + "x"
                    + frame.getHeight() + " JPEG");
        }
    }
}
