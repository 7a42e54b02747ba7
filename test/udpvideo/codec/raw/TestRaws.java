package udpvideo.codec.raw;

import udpvideo.codec.BigEndian;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.jpeg.TestJpegs;

/** Raw frames for tests, made by the codec's own encoder from {@link TestJpegs#image}'s seeded noise. */
final class TestRaws {
    private TestRaws() {
    }

    /** {@link TestJpegs#image} encoded by {@link RawEncoder}: the header with an empty stamp field, the pixels. */
    static byte[] raw(int width, int height, long seed) {
        try (RawEncoder encoder = new RawEncoder()) {
            return encoder.encode(TestJpegs.image(width, height, seed));
        }
    }

    /** {@link #raw} stamped as the sender stamps it. */
    static byte[] stampedRaw(int width, int height, long seed, long frameNumber, long captureTimeMicros) {
        byte[] raw = raw(width, height, seed);
        try {
            return new RawStamper().stamp(raw, raw.length, frameNumber, captureTimeMicros);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("the encoder wrote something that is not a raw frame", e);
        }
    }

    /** A copy of {@code frame} with the 32-bit big-endian field at {@code at} set to {@code value}. */
    static byte[] withField(byte[] frame, int at, int value) {
        byte[] copy = frame.clone();
        BigEndian.writeInt(copy, at, value);
        return copy;
    }
}
