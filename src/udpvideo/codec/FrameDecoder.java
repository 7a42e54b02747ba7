package udpvideo.codec;

import java.awt.image.BufferedImage;

/**
 * Turns one frame's bytes back into a picture, refusing anything it cannot decode cleanly. Made by
 * {@link Codec#newDecoder}, used by one thread at a time, closed by its owner.
 */
public interface FrameDecoder extends AutoCloseable {
    /**
     * Decodes {@code frame[0, length)}. A colour frame comes back as a {@code TYPE_INT_RGB} image, the layout a
     * screen paints as it is: {@code reuse} when it is one of exactly the frame's size, else a new one.
     *
     * @return the image decoded into
     * @throws DecodeException when the frame is too large, or does not decode without a warning
     */
    BufferedImage decode(byte[] frame, int length, BufferedImage reuse) throws DecodeException;

    /** Does whatever makes the first real frame decode at full speed (loading a codec). Nothing by default. */
    default void warmUp() {
    }

    /** Releases the decoder and stops its helpers. Never throws. */
    @Override
    void close();
}
