package udpvideo.codec;

import udpvideo.stamp.Stamper;

/**
 * One way of turning a picture into a frame's bytes and back: JPEG today. Everything the pipeline needs to know
 * of a format is here, so a new format is one new class and one line in {@link Codecs}.
 *
 * <p>A receiver needs no option to know the format: each codec recognises its own frames by their first bytes
 * ({@link #startsFrame}), which is also how a depacketizer finds where a frame begins. Implementations are
 * stateless and shared; the encoders and decoders they make are not.
 */
public interface Codec {
    /** The name {@code --codec} takes, such as {@code jpeg}. */
    String name();

    /** Whether {@code data[offset, offset + length)} begins with this codec's first bytes (JPEG: FF D8). */
    boolean startsFrame(byte[] data, int offset, int length);

    /** A new encoder at quality 1..100 that may use up to {@code threads} threads for one frame. */
    FrameEncoder newEncoder(int quality, int threads);

    /** A new decoder that may use up to {@code threads} threads for one frame. */
    FrameDecoder newDecoder(int threads);

    /** How this codec carries the stamp inside its frames. */
    Stamper stamper();

    /**
     * Reads a whole frame's structure, size and stamp, without decoding it. Pure; called on the receive thread
     * for every frame, so it reads the bytes where they lie.
     *
     * @throws MalformedFrameException when the bytes are not a well-formed frame of this codec
     */
    FrameHeader readHeader(byte[] frame, int length) throws MalformedFrameException;
}
