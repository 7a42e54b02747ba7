package udpvideo.bench;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import udpvideo.codec.DecodeException;
import udpvideo.codec.jpeg.fast.JpegDecoder;
import udpvideo.codec.jpeg.fast.JpegEncoder;
import udpvideo.metrics.Samples;
import udpvideo.source.TestPatternSource;

/**
 * This pipeline's codec floor: how long ImageIO takes to encode and decode the benchmark's frames as
 * {@code JpegEncoder} and {@code JpegDecoder} call it, one thread, nothing else running. No frame can be painted
 * sooner than its encode + decode, so latency is judged against it. It is faster than the floor issue 3 names
 * ({@link ImageIoAsIs}), so the stricter of the two.
 *
 * @param size      the frame size
 * @param encodeMs  median encode time
 * @param decodeMs  median decode time
 * @param jpegBytes mean size of the encoded frames
 * @param afterIdleMs median encode + decode of a frame coded after 33 ms idle, as at 30 fps: on a shared virtual
 *                  machine the cores run slower for a while after resting, which no pipeline can avoid
 */
record CodecFloor(Dimension size, double encodeMs, double decodeMs, long jpegBytes, double afterIdleMs) {
    /** Frames coded after a rest, each. */
    private static final int IDLE_ROUNDS = 20;
    private static final long IDLE_MS = 33;

    /** Encode plus decode: one frame's unavoidable codec work. */
    double totalMs() {
        return encodeMs + decodeMs;
    }

    /** Measures {@code rounds} encodes and decodes at {@code size}, after as many again to warm up. */
    static CodecFloor measure(Dimension size, int quality, int rounds) throws Exception {
        TestPatternSource pattern = new TestPatternSource(size);
        Samples encodes = new Samples();
        Samples decodes = new Samples();
        long bytes = 0;
        BufferedImage decoded = null;
        try (JpegEncoder encoder = new JpegEncoder(quality); JpegDecoder decoder = new JpegDecoder()) {
            for (int round = -rounds; round < rounds; round++) {
                BufferedImage frame = pattern.render(round + rounds); // a new frame each round, drawn untimed
                long start = System.nanoTime();
                byte[] jpeg = encoder.encode(frame);
                long encoded = System.nanoTime();
                decoded = decode(decoder, jpeg, decoded);
                long decodedAt = System.nanoTime();
                if (round >= 0) { // the first half only warms the JIT and ImageIO up
                    encodes.record((encoded - start) / 1000);
                    decodes.record((decodedAt - encoded) / 1000);
                    bytes += jpeg.length;
                }
            }
        }
        return new CodecFloor(size, encodes.millis(0.5)[0], decodes.millis(0.5)[0], bytes / rounds,
                afterIdleMs(pattern, quality));
    }

    /** Encode + decode of frames each coded after a 33 ms rest, like a paced stream's; the median. */
    private static double afterIdleMs(TestPatternSource pattern, int quality) throws Exception {
        Samples totals = new Samples();
        BufferedImage decoded = null;
        try (JpegEncoder encoder = new JpegEncoder(quality); JpegDecoder decoder = new JpegDecoder()) {
            for (int round = 0; round < IDLE_ROUNDS; round++) {
                Thread.sleep(IDLE_MS); // the rest being measured, not a wait for anything
                BufferedImage frame = pattern.render(round); // drawn after the rest, as the sender does
                long start = System.nanoTime();
                byte[] jpeg = encoder.encode(frame);
                decoded = decode(decoder, jpeg, decoded);
                totals.record((System.nanoTime() - start) / 1000);
            }
        }
        return totals.millis(0.5)[0];
    }

    /**
     * Decodes into the same image every time, as the receiver does: a new 1080p image a frame (8 MB to allocate
     * and clear in a 128 MB heap) would add the collector's work to the codec's.
     */
    private static BufferedImage decode(JpegDecoder decoder, byte[] jpeg, BufferedImage reuse)
            throws DecodeException {
        BufferedImage image = decoder.decode(jpeg, jpeg.length, reuse);
        if (image.getWidth() <= 0) {
            throw new IllegalStateException("decoded an empty image");
        }
        return image;
    }
}
