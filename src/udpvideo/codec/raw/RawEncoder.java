package udpvideo.codec.raw;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameLimits;
import udpvideo.codec.BgrConverter;

/**
 * Makes a raw frame of a picture: the header, then the pixels' B, G, R bytes copied as they are. A
 * {@code TYPE_3BYTE_BGR} image (what sources deliver) already holds exactly those bytes; any other image is
 * first drawn into one. Uses the calling thread only. Not thread-safe: one sending thread owns an encoder.
 */
final class RawEncoder implements FrameEncoder {
    /** Where images of other types are converted; reused while frames keep their size. */
    private final BgrConverter converter = new BgrConverter();

    @Override
    public byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (!FrameLimits.isDecodable(width, height)) {
            throw new IllegalArgumentException("a raw frame must be 1x1.." + FrameLimits.MAX_DIMENSION + "x"
                    + FrameLimits.MAX_DIMENSION + ", was " + width + "x" + height);
        }
        byte[] pixels = ((DataBufferByte) (isPackedBgr(image) ? image : converter.convert(image)).getRaster()
                .getDataBuffer()).getData();
        byte[] frame = new byte[RawHeader.FIXED_BYTES + pixels.length];
        RawHeader.write(frame, width, height);
        System.arraycopy(pixels, 0, frame, RawHeader.FIXED_BYTES, pixels.length);
        return frame;
    }

    /** Whether {@code image}'s pixel array is exactly its B, G, R bytes (not a sub-image of a larger one). */
    private static boolean isPackedBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer().getOffset() == 0
                && image.getRaster().getDataBuffer().getSize() == image.getWidth() * image.getHeight() * 3;
    }

    /** Nothing to release: the encoder holds only memory. */
    @Override
    public void close() {
    }
}
