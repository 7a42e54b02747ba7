package udpvideo.codec.png;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;

/** How a PNG frame's structure is judged: through the inspector, as the receiver judges every frame. */
class PngHeaderTest {
    private static final byte[] PNG = TestPngs.png(64, 48, 21);
    private static final byte[] STAMPED = TestPngs.stampedPng(64, 48, 21, 7, 8);
    /** Where IEND starts in {@link #PNG}: the last 12 bytes. */
    private static final int IEND_AT = PNG.length - PngChunks.OVERHEAD_BYTES;

    private final FrameInspector inspector = new FrameInspector();

    /** Inspects a frame that must be rejected and returns the reason. */
    private String rejection(byte[] frame) {
        Verdict verdict = inspector.inspect(frame, frame.length);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind(), "verdict");
        return verdict.reason();
    }

    private static byte[] text(String keywordAndText) {
        return keywordAndText.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void truncatedFrameIsRejectedWithItsPlace() {
        assertEquals("malformed PNG: frame ends at byte " + (PNG.length - 1) + ", inside the chunk at byte "
                + IEND_AT + ", before IEND", rejection(Arrays.copyOf(PNG, PNG.length - 1)));
        String reason = rejection(Arrays.copyOf(PNG, 1000));
        assertTrue(reason.matches("malformed PNG: chunk IDAT at byte 33 claims \\d+ bytes, only 955 remain"), reason);
    }

    @Test
    void bareSignatureIsRejected() {
        assertEquals("malformed PNG: frame ends at byte 8, inside the chunk at byte 8, before IEND",
                rejection(PngChunks.SIGNATURE.clone()));
    }

    @Test
    void bytesAfterIendAreRejected() {
        byte[] longer = Arrays.copyOf(PNG, PNG.length + 1);
        assertEquals("malformed PNG: IEND at byte " + IEND_AT + " must be empty and end the frame; it has 0 bytes"
                + " and 1 follow it", rejection(longer));
    }

    @Test
    void chunkWithABadCrcIsRejected() {
        byte[] frame = PNG.clone();
        frame[PngChunks.IHDR_END - 1] ^= 1;
        assertEquals("malformed PNG: chunk IHDR at byte 8 fails its CRC", rejection(frame));
    }

    @Test
    void chunkTypeThatIsNotLettersIsRejected() {
        byte[] frame = TestPngs.withChunk(PNG, 33, "ab1d", new byte[0]);
        assertEquals("malformed PNG: chunk type 61623164 at byte 33 is not 4 letters", rejection(frame));
    }

    @Test
    void firstChunkMustBeIhdr() {
        byte[] frame = TestPngs.withChunk(PNG, 8, "tEXt", text("Software\0test"));
        assertEquals("malformed PNG: the first chunk must be a 13-byte IHDR, was tEXt of 13 bytes", rejection(frame));
    }

    @Test
    void frameWithoutImageDataIsRejected() {
        byte[] frame = Arrays.copyOf(PNG, 33 + 12);
        System.arraycopy(PNG, IEND_AT, frame, 33, 12);
        assertEquals("malformed PNG: no image data (IDAT) before IEND", rejection(frame));
    }

    @Test
    void impossiblePixelFormatIsRejected() {
        byte[] frame = PNG.clone();
        frame[8 + 8 + 8] = 4; // bit depth 4 with colour type 2 (RGB)
        TestPngs.fixCrc(frame, 8);
        assertEquals("malformed PNG: IHDR colour type 2 with bit depth 4 is not a PNG pixel format",
                rejection(frame));
    }

    @Test
    void sizeOverPngsRangeIsRejectedAsMalformed() {
        assertEquals("malformed PNG: IHDR size must be 1..2147483647 each way, was 0x48",
                rejection(TestPngs.withDeclaredSize(PNG, 0, 48)));
        assertTrue(rejection(TestPngs.withDeclaredSize(PNG, 64, -1)).endsWith("was 64x4294967295"));
    }

    @Test
    void bombIsRejectedBeforeAnyDecode() {
        byte[] bomb = TestPngs.withDeclaredSize(PNG, 100_000, 100_000);
        assertEquals("image size 100000x100000 is outside 1x1..8192x8192", rejection(bomb));
    }

    @Test
    void foreignTextChunkIsNotTakenForAStamp() {
        byte[] frame = TestPngs.withChunk(PNG, 33, "tEXt", text("udpvideos\0udpvideo frame=1"));
        assertEquals(Verdict.Kind.NEEDS_DECODE, inspector.inspect(frame, frame.length).kind());
    }

    @Test
    void malformedStampIsRejected() {
        byte[] frame = TestPngs.withChunk(PNG, 33, "tEXt", text("udpvideo\0udpvideo frame=1 time_us=2"));
        assertEquals("malformed PNG: bad udpvideo stamp chunk: stamp must read 'udpvideo frame=N time_us=N"
                + " crc32=xxxxxxxx', expected 'crc32=' at character 26 of 'udpvideo frame=1 time_us=2'",
                rejection(frame));
    }

    @Test
    void stampAnywhereButRightAfterIhdrIsRejected() {
        int afterStamp = TestPngs.nextChunk(STAMPED, 33);
        byte[] stampChunk = Arrays.copyOfRange(STAMPED, 33 + 8, afterStamp - 4);
        byte[] second = TestPngs.withChunk(STAMPED, afterStamp, "tEXt", stampChunk);
        assertEquals("malformed PNG: udpvideo stamp chunk at byte " + afterStamp + ": there may be one, right after"
                + " IHDR (byte 33)", rejection(second));
    }

    @Test
    void garbageAndDamagedFramesNeverThrow() {
        Random random = new Random(23);
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = Arrays.copyOf(STAMPED, 1 + random.nextInt(STAMPED.length));
            for (int changes = random.nextInt(4); changes >= 0; changes--) {
                frame[random.nextInt(Math.min(frame.length, 200))] = (byte) random.nextInt(256);
            }
            System.arraycopy(PngChunks.SIGNATURE, 0, frame, 0, Math.min(8, frame.length)); // reach the chunk walk
            Verdict verdict = inspector.inspect(frame, frame.length);
            if (verdict.kind() != Verdict.Kind.REJECTED) {
                assertEquals(STAMPED.length, frame.length, "only the whole frame can pass");
            }
        }
    }

    @Test
    void randomBytesAfterTheSignatureAreRejected() {
        Random random = new Random(29);
        for (int i = 0; i < 2_000; i++) {
            byte[] frame = new byte[8 + random.nextInt(3000)];
            random.nextBytes(frame);
            System.arraycopy(PngChunks.SIGNATURE, 0, frame, 0, 8);
            assertEquals(Verdict.Kind.REJECTED, inspector.inspect(frame, frame.length).kind());
        }
    }
}
