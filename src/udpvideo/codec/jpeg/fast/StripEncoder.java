package udpvideo.codec.jpeg.fast;

import java.awt.image.BufferedImage;
import java.io.IOException;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.jpeg.MalformedJpegException;

/**
 * Encodes each frame on several threads at once: the frame is cut into horizontal strips, each encoded as a JPEG
 * of its own, and the strips are joined into one JPEG ({@link JpegStrips}), which any decoder reads as one image.
 * With a core free for each thread, a frame is ready in about 1/N of the time one thread takes; with the cores
 * busy, the calling thread encodes the strips itself ({@link StripWorkers}), at about the cost of one whole frame.
 *
 * <p>Owns its encoders and its helper threads ({@code udpvideo-encode-2} onward; the calling thread encodes the
 * first strip) until {@link #close()}. One thread calls {@link #encode} at a time.
 */
public final class StripEncoder implements FrameEncoder {
    /**
     * Strips cut per thread: some strips of a picture take longer than others (detail costs bits), and with more
     * strips than threads, whichever thread is done first takes the next, so all finish about together.
     */
    private static final int STRIPS_PER_THREAD = 2;

    /** One per worker, used for whichever strips that worker claims. */
    private final JpegEncoder[] encoders;
    private final StripWorkers workers;

    /** An encoder at JPEG quality 1..100 that cuts frames into {@code threads} strips. */
    public StripEncoder(int quality, int threads) {
        encoders = new JpegEncoder[threads];
        for (int i = 0; i < threads; i++) {
            encoders[i] = new JpegEncoder(quality);
        }
        workers = new StripWorkers(threads, "udpvideo-encode");
    }

    /** Encodes one image and returns the JPEG file's bytes. */
    @Override
    public byte[] encode(BufferedImage image) throws IOException {
        int height = image.getHeight();
        int rows = JpegStrips.stripRows(height, encoders.length == 1 ? 1 : STRIPS_PER_THREAD * encoders.length);
        int count = (height + rows - 1) / rows;
        if (count == 1) {
            return encoders[0].encode(image);
        }
        byte[][] strips = new byte[count][];
        workers.runAll(count, (worker, i) ->
                strips[i] = encoders[worker].encodeRows(image, i * rows, Math.min(rows, height - i * rows)));
        try {
            return JpegStrips.join(strips, rows);
        } catch (MalformedJpegException e) {
            throw new IOException("ImageIO's strips of a " + image.getWidth() + "x" + height
                    + " frame do not join: " + e.getMessage(), e);
        }
    }

    /** Sets the JPEG quality, 1..100, of every strip encoded from now on. */
    @Override
    public void setQuality(int quality) {
        for (JpegEncoder encoder : encoders) {
            encoder.setQuality(quality);
        }
    }

    /**
     * Called before an {@link #encode} when a paced stream knows when the frame after it is due
     * ({@link System#nanoTime}): the helper threads then wake by themselves just before that, each on its own
     * core, instead of being woken by this thread (see {@link StripWorkers}).
     */
    @Override
    public void expectNextFrameAt(long nanoTime) {
        workers.expectNextCallAt(nanoTime);
    }

    /** Stops the helper threads and releases the encoders. */
    @Override
    public void close() {
        workers.close();
        for (JpegEncoder encoder : encoders) {
            encoder.close();
        }
    }
}
