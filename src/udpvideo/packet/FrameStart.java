package udpvideo.packet;

/**
 * Recognises the first bytes of a frame, so that a depacketizer that lost its place can find where the next frame
 * begins without knowing any codec itself. Supplied by the codecs ({@code Codecs::startsAnyFrame}).
 */
@FunctionalInterface
public interface FrameStart {
    /** Whether {@code data[offset, offset + length)} begins a frame. */
    boolean startsFrame(byte[] data, int offset, int length);
}
