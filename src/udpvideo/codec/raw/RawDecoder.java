package udpvideo.codec.raw;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.MalformedFrameException;

/**
 * Turns a raw frame's B, G, R bytes into a {@code TYPE_INT_RGB} image. The header is checked, the frame's length
 * against it included, before any pixel memory is allocated, so a frame declaring a huge size costs nothing.
 * Uses the calling thread only. Not thread-safe: one thread owns a decoder.
 */
final class RawDecoder implements FrameDecoder {
    /**
     * Decodes {@code frame[0, length)} into {@code reuse} when it is a {@code TYPE_INT_RGB} image of exactly the
     * frame's size, else into a new one.
     *
     * @throws DecodeException when the header is malformed or the frame's length does not match it
     */
    @Override
    public BufferedImage decode(byte[] frame, int length, BufferedImage reuse) throws DecodeException {
        RawHeader header;
        try {
            header = RawHeader.parse(frame, length);
        } catch (MalformedFrameException e) {
            throw new DecodeException("cannot decode raw frame: " + e.getMessage(), e);
        }
        BufferedImage image = isPackedIntRgb(reuse, header.width, header.height) ? reuse
                : new BufferedImage(header.width, header.height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0, at = header.pixelsAt; i < pixels.length; i++, at += 3) {
            pixels[i] = (frame[at + 2] & 0xFF) << 16 | (frame[at + 1] & 0xFF) << 8 | (frame[at] & 0xFF);
        }
        return image;
    }

    /** Whether {@code image} is a whole {@code TYPE_INT_RGB} image (not a sub-image) of exactly that size. */
    private static boolean isPackedIntRgb(BufferedImage image, int width, int height) {
        return image != null && image.getType() == BufferedImage.TYPE_INT_RGB && image.getWidth() == width
                && image.getHeight() == height && image.getRaster().getParent() == null;
    }

    /** Nothing to release: the decoder holds nothing. */
    @Override
    public void close() {
    }
}
