package udpvideo.codec.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import udpvideo.codec.BigEndian;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;

/** How a raw frame's header is judged: through the inspector, as the receiver judges every frame. */
class RawHeaderTest {
    private static final byte[] RAW = TestRaws.raw(64, 48, 21);
    private static final byte[] STAMPED = TestRaws.stampedRaw(64, 48, 21, 7, 8);

    private final FrameInspector inspector = new FrameInspector();

    /** Inspects a frame that must be rejected and returns the reason. */
    private String rejection(byte[] frame) {
        Verdict verdict = inspector.inspect(frame, frame.length);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind(), "verdict");
        return verdict.reason();
    }

    /** {@link #RAW} with {@code text} in its stamp field. */
    private static byte[] withStampField(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[RAW.length + bytes.length];
        System.arraycopy(RAW, 0, frame, 0, 24);
        BigEndian.writeInt(frame, 20, bytes.length);
        System.arraycopy(bytes, 0, frame, 24, bytes.length);
        System.arraycopy(RAW, 24, frame, 24 + bytes.length, RAW.length - 24);
        return frame;
    }

    @Test
    void truncatedFrameIsRejectedWithBothLengths() {
        assertEquals("malformed RAW: a 64x48 frame with a 0-byte stamp is 9240 bytes, this one 9239",
                rejection(Arrays.copyOf(RAW, RAW.length - 1)));
    }

    @Test
    void longerFrameIsRejected() {
        assertEquals("malformed RAW: a 64x48 frame with a 0-byte stamp is 9240 bytes, this one 9241",
                rejection(Arrays.copyOf(RAW, RAW.length + 1)));
    }

    @Test
    void bareMagicIsRejected() {
        assertEquals("malformed RAW: 8 bytes cannot hold the 24-byte header", rejection(Arrays.copyOf(RAW, 8)));
    }

    @Test
    void channelsOtherThanThreeAreRejected() {
        assertEquals("malformed RAW: channels must be 3 (B, G, R), was 4",
                rejection(TestRaws.withField(RAW, RawHeader.CHANNELS_AT, 4)));
    }

    @Test
    void bombIsRejectedFromTheHeaderAlone() {
        byte[] header = TestRaws.withField(TestRaws.withField(Arrays.copyOf(RAW, 24), 8, 100_000), 12, 100_000);
        assertEquals("malformed RAW: image size 100000x100000 is outside 1x1..8192x8192", rejection(header));
    }

    @Test
    void sizesThatAreNegativeAsIntsAreNamedUnsigned() {
        assertEquals("malformed RAW: image size 64x4294967295 is outside 1x1..8192x8192",
                rejection(TestRaws.withField(RAW, RawHeader.HEIGHT_AT, -1)));
        assertEquals("malformed RAW: image size 0x48 is outside 1x1..8192x8192",
                rejection(TestRaws.withField(RAW, RawHeader.WIDTH_AT, 0)));
    }

    @Test
    void stampLengthOverTheLimitIsRejected() {
        assertEquals("malformed RAW: stamp length must be 0..255, was 256",
                rejection(TestRaws.withField(RAW, RawHeader.STAMP_LENGTH_AT, 256)));
        assertEquals("malformed RAW: stamp length must be 0..255, was 2147483648",
                rejection(TestRaws.withField(RAW, RawHeader.STAMP_LENGTH_AT, Integer.MIN_VALUE)));
    }

    @Test
    void stampFieldThatIsNotAStampIsRejected() {
        assertEquals("malformed RAW: bad stamp field: stamp must start with 'udpvideo ', was 'hello'",
                rejection(withStampField("hello")));
        assertEquals("malformed RAW: bad stamp field: stamp must read 'udpvideo frame=N time_us=N"
                + " crc32=xxxxxxxx', expected 'time_us=' at character 16 of 'udpvideo frame=1'",
                rejection(withStampField("udpvideo frame=1")));
    }

    @Test
    void garbageAndDamagedFramesNeverThrow() {
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = Arrays.copyOf(STAMPED, 1 + random.nextInt(STAMPED.length));
            for (int changes = random.nextInt(4); changes >= 0; changes--) {
                frame[random.nextInt(Math.min(frame.length, 120))] = (byte) random.nextInt(256);
            }
            System.arraycopy(RawHeader.MAGIC, 0, frame, 0, Math.min(8, frame.length)); // reach the fields
            Verdict verdict = inspector.inspect(frame, frame.length);
            if (verdict.kind() != Verdict.Kind.REJECTED) {
                assertEquals(STAMPED.length, frame.length, "only the whole frame can pass");
            }
        }
    }

    @Test
    void randomBytesAfterTheMagicAreRejected() {
        Random random = new Random(29);
        for (int i = 0; i < 2_000; i++) {
            byte[] frame = new byte[8 + random.nextInt(3000)];
            random.nextBytes(frame);
            System.arraycopy(RawHeader.MAGIC, 0, frame, 0, 8);
            assertEquals(Verdict.Kind.REJECTED, inspector.inspect(frame, frame.length).kind());
        }
    }
}
