package udpvideo.stamp;

import udpvideo.codec.MalformedFrameException;

/**
 * Writes a {@link FrameStamp} into an encoded frame, inside its codec's own container, where decoders that do not
 * know it skip it. Each codec has one ({@link udpvideo.codec.Codec#stamper()}); pure, so one may be shared.
 */
public interface Stamper {
    /**
     * Returns a new frame: {@code frame[0, length)} with a stamp carrying {@code frameNumber} and
     * {@code captureTimeMicros}, and the check value over the frame's bytes.
     *
     * @throws MalformedFrameException when the input is not a frame of this codec (the encoder misbehaved)
     */
    byte[] stamp(byte[] frame, int length, long frameNumber, long captureTimeMicros) throws MalformedFrameException;
}
