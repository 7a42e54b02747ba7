package udpvideo.codec;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Turns a picture into one frame's bytes in its codec's format. Made by {@link Codec#newEncoder}, used by one
 * sending thread at a time, and closed by that thread's owner (closing stops any helper threads it started).
 */
public interface FrameEncoder extends AutoCloseable {
    /** Encodes {@code image} (usually {@code TYPE_3BYTE_BGR}, as sources deliver) and returns the frame's bytes. */
    byte[] encode(BufferedImage image) throws IOException;

    /**
     * Sets the quality, 1..100, for the frames encoded from now on, so that a sender can make frames smaller
     * when they must fit a datagram. Lossless codecs have no quality and ignore it, as they do {@code --quality}.
     */
    default void setQuality(int quality) {
    }

    /**
     * A hint before {@link #encode} when a paced stream knows when the frame after this one is due
     * ({@link System#nanoTime}); an encoder that keeps helper threads may wake them for it. Ignored by default.
     */
    default void expectNextFrameAt(long nanoTime) {
    }

    /** Releases the encoder and stops its helpers. Never throws. */
    @Override
    void close();
}
