package udpvideo.codec.jpeg.fast;

import java.awt.image.BufferedImage;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;

/**
 * Decodes each frame on several threads at once when it was sent in strips ({@link JpegStrips}, as
 * {@link StripEncoder} sends them): each thread decodes its strips straight into their rows of the same image.
 * Other frames (the tutorial's) decode whole on the calling thread. Same results, and same refusals, as
 * {@link JpegDecoder}.
 *
 * <p>Owns its decoders and its helper threads ({@code udpvideo-decode-2} onward; the calling thread decodes the
 * first strip) until {@link #close()}. One thread calls {@link #decode} at a time.
 */
public final class StripDecoder implements FrameDecoder {
    /** One per worker, used for whichever of the frame's N runs of rows that worker claims. */
    private final JpegDecoder[] decoders;
    /** Each worker's buffer for a strip written out as a JPEG of its own; grows to the largest strip. */
    private final byte[][] stripBuffers;
    private final StripWorkers workers;

    /** A decoder that decodes a frame's strips on up to {@code threads} threads. */
    public StripDecoder(int threads) {
        decoders = new JpegDecoder[threads];
        stripBuffers = new byte[threads][0];
        for (int i = 0; i < threads; i++) {
            decoders[i] = new JpegDecoder();
        }
        workers = new StripWorkers(threads, "udpvideo-decode");
    }

    /** Loads ImageIO's codec into every decoder, so the first frame decodes at full speed. */
    @Override
    public void warmUp() {
        for (JpegDecoder decoder : decoders) {
            decoder.warmUp();
        }
    }

    /**
     * Decodes the JPEG in {@code jpeg[0, length)} as {@link JpegDecoder#decode(byte[], int, BufferedImage)} does:
     * into {@code reuse} when it is a {@code TYPE_INT_RGB} image of the frame's size, else into a new image.
     *
     * @throws DecodeException when the image is too large, or a decoder failed or warned
     */
    @Override
    public BufferedImage decode(byte[] jpeg, int length, BufferedImage reuse) throws DecodeException {
        JpegStrips strips = decoders.length == 1 ? null : JpegStrips.find(jpeg, length);
        if (strips == null) {
            return decoders[0].decode(jpeg, length, reuse);
        }
        int width = strips.width();
        int height = strips.height();
        JpegDecoder.refuseBomb(width, height);
        BufferedImage image = JpegDecoder.isIntRgb(reuse, width, height) ? reuse
                : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        workers.runAll(decoders.length, (worker, share) -> decodeShare(worker, share, strips, image));
        return image;
    }

    /**
     * Decodes share {@code share} of N of the frame's rows into {@code image}, with worker {@code worker}'s decoder:
     * a run of restart intervals, decoded together with the interval above and the one below it. Those two are
     * thrown away; they are there because a decoder smooths colour (4:2:0 chroma) across the rows on either side
     * of each row, and the kept rows must come out exactly as a decoder of the whole frame makes them.
     */
    private void decodeShare(int worker, int share, JpegStrips strips, BufferedImage image)
            throws DecodeException {
        int intervals = strips.intervals();
        int first = intervals * share / decoders.length;
        int last = intervals * (share + 1) / decoders.length;
        if (first == last) {
            return; // a frame with fewer intervals than shares
        }
        int from = Math.max(0, first - 1);
        int to = Math.min(intervals, last + 1);
        int length = strips.length(from, to);
        byte[] strip = stripBuffer(worker, length);
        strips.write(from, to, strip);
        int rowsKept = (last == intervals ? strips.height() : strips.firstRow(last)) - strips.firstRow(first);
        decoders[worker].decodeRows(strip, length, strips.firstRow(first) - strips.firstRow(from), rowsKept, image,
                strips.firstRow(first));
    }

    private byte[] stripBuffer(int worker, int length) {
        if (stripBuffers[worker].length < length) {
            stripBuffers[worker] = new byte[length + length / 4]; // headroom: the next strip may be larger
        }
        return stripBuffers[worker];
    }

    /** Stops the helper threads and releases the decoders. */
    @Override
    public void close() {
        workers.close();
        for (JpegDecoder decoder : decoders) {
            decoder.close();
        }
    }
}
