package udpvideo.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import udpvideo.codec.jpeg.JpegCommentStamper;
import udpvideo.codec.jpeg.JpegHeader;
import udpvideo.codec.jpeg.MalformedJpegException;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.stamp.FrameStamp;

class FrameInspectorTest {
    private static final byte[] JPEG = TestJpegs.jpeg(64, 48, 9);
    private static final byte[] STAMPED = TestJpegs.stampedJpeg(64, 48, 9, 17, 123_456_789L);
    /** Where the bytes covered by the CRC begin in {@link #STAMPED}. */
    private static final int AFTER_COMMENT = afterComment(STAMPED);

    private final FrameInspector inspector = new FrameInspector();

    private static int afterComment(byte[] jpeg) {
        int com = TestJpegs.indexOfMarker(jpeg, JpegHeader.COM);
        return com + 2 + (((jpeg[com + 2] & 0xFF) << 8) | (jpeg[com + 3] & 0xFF));
    }

    private Verdict inspect(byte[] frame) {
        return inspector.inspect(frame, frame.length);
    }

    /** Inspects a frame that must be rejected and returns the reason. */
    private String rejection(byte[] frame) {
        Verdict verdict = inspect(frame);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind(), "verdict");
        assertNull(verdict.stamp());
        return verdict.reason();
    }

    private static void assertContains(String expected, String actual) {
        assertTrue(actual.contains(expected), "expected '" + expected + "' in '" + actual + "'");
    }

    /** SOI, APP0 and the given bytes, then EOI: a frame whose header is whatever the test needs. */
    private static byte[] headerThenEoi(byte[] afterApp0) {
        byte[] head = Arrays.copyOf(JPEG, 20);
        return TestJpegs.concat(TestJpegs.concat(head, afterApp0), new byte[] {(byte) 0xFF, (byte) 0xD9});
    }

    @Test
    void stampedFrameIsVerified() {
        Verdict verdict = inspect(STAMPED);
        assertEquals(Verdict.Kind.VERIFIED, verdict.kind());
        assertEquals(new FrameStamp(17, 123_456_789L, verdict.stamp().crc32()), verdict.stamp());
        assertNull(verdict.reason());
    }

    @Test
    void unstampedFrameNeedsDecodeWithItsSize() {
        Verdict verdict = inspect(JPEG);
        assertEquals(Verdict.Kind.NEEDS_DECODE, verdict.kind());
        assertNull(verdict.stamp());
        assertEquals(64, verdict.width());
        assertEquals(48, verdict.height());
    }

    @Test
    void foreignCommentIsNotTakenForAStamp() {
        byte[] gimp = TestJpegs.withSegment(JPEG, 20, JpegHeader.COM,
                "Created with GIMP".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Verdict.Kind.NEEDS_DECODE, inspect(gimp).kind());
    }

    @Test
    void inspectsOnlyTheGivenLength() {
        byte[] buffer = TestJpegs.concat(STAMPED, new byte[100]);
        assertEquals(Verdict.Kind.VERIFIED, inspector.inspect(buffer, STAMPED.length).kind());
    }

    @Test
    void flippedByteInTheImageDataIsRejectedByTheCrc() {
        byte[] corrupt = STAMPED.clone();
        corrupt[corrupt.length - 100] ^= 0x10;
        String reason = rejection(corrupt);
        assertContains("CRC", reason);
        assertContains("frame 17", reason);
    }

    @Test
    void anEditThatKeepsTheStampWellFormedIsRejectedByTheCrc() {
        int digit = indexOf(STAMPED, "frame=17") + "frame=1".length();
        byte[] edited = STAMPED.clone();
        edited[digit] = '8'; // frame=18: a stamp that parses, on a frame that was never sent
        assertContains("CRC mismatch in frame 18", rejection(edited));
        edited = STAMPED.clone();
        edited[TestJpegs.indexOfMarker(STAMPED, JpegHeader.APP0) + 4] ^= 0x01; // JFIF's identifier, before the comment
        assertContains("CRC mismatch", rejection(edited));
    }

    private static int indexOf(byte[] bytes, String ascii) {
        String all = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        return all.indexOf(ascii);
    }

    @Test
    void everySingleByteChangeAnywhereIsRejected() {
        // CRC-32 catches every error confined to 32 bits, and it covers every byte but its own digits, which
        // then disagree with the rest: no byte of the frame can change unseen. A change to the comment's marker
        // or its first word leaves a frame without a stamp, which only a decode could vouch for, and which the
        // receiver refuses from a sender whose frames were stamped (FrameJudge).
        for (int i = 0; i < STAMPED.length; i++) {
            byte[] corrupt = STAMPED.clone();
            corrupt[i] ^= (byte) (1 + i % 255);
            Verdict verdict = inspect(corrupt);
            if (verdict.kind() == Verdict.Kind.NEEDS_DECODE) {
                assertNull(verdict.stamp(), "byte " + i + " changed");
            } else {
                assertEquals(Verdict.Kind.REJECTED, verdict.kind(), "byte " + i + " changed");
            }
        }
    }

    @Test
    void malformedStampIsRejected() {
        byte[] bad = TestJpegs.withSegment(JPEG, 20, JpegHeader.COM,
                "udpvideo frame=x time_us=1 crc32=00000000".getBytes(StandardCharsets.US_ASCII));
        String reason = rejection(bad);
        assertContains("bad udpvideo comment", reason);
        assertContains("frame must be a decimal number, was 'x'", reason);
    }

    @Test
    void stampWithoutCrcIsRejected() {
        byte[] bad = TestJpegs.withSegment(JPEG, 20, JpegHeader.COM,
                "udpvideo frame=1 time_us=1".getBytes(StandardCharsets.US_ASCII));
        assertContains("expected 'crc32='", rejection(bad));
    }

    @Test
    void frameWithoutSoiIsRejected() {
        assertEquals("not a frame of any codec (" + Codecs.names() + ")", rejection(Arrays.copyOfRange(STAMPED, 2, STAMPED.length)));
    }

    @Test
    void frameWithoutEoiIsRejected() {
        assertEquals("malformed JPEG: no EOI at the end", rejection(Arrays.copyOf(STAMPED, STAMPED.length - 1)));
    }

    @Test
    void framesTooShortToHoldSoiAndEoiAreRejected() {
        assertEquals("not a frame of any codec (" + Codecs.names() + ")", rejection(new byte[0]));
        assertEquals("malformed JPEG: 3 bytes cannot hold SOI and EOI",
                rejection(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xD9}));
    }

    @Test
    void bareSoiAndEoiAreRejectedAsAHeaderThatEnds() {
        byte[] bare = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        assertContains("malformed JPEG", rejection(bare));
    }

    @Test
    void headerTruncatedBeforeTheImageDataIsRejected() {
        // SOI, APP0, then EOI where DQT should be
        assertEquals("malformed JPEG: header ends at byte 20 before the image data (SOS)",
                rejection(headerThenEoi(new byte[0])));
    }

    @Test
    void segmentLengthRunningPastTheEndIsRejected() {
        byte[] frame = JPEG.clone();
        frame[22] = (byte) 0xFF; // DQT at byte 20 now claims 65,535 bytes
        frame[23] = (byte) 0xFF;
        String reason = rejection(frame);
        assertContains("segment DB at byte 20 claims 65535 bytes", reason);
    }

    @Test
    void segmentLengthBelowTwoIsRejected() {
        byte[] frame = JPEG.clone();
        frame[22] = 0;
        frame[23] = 1;
        assertContains("segment DB at byte 20 claims 1 bytes", rejection(frame));
    }

    @Test
    void noiseWhereAMarkerShouldBeIsRejected() {
        assertContains("expected a marker at byte 20", rejection(headerThenEoi(new byte[] {0x12, 0x34, 0x56, 0x78})));
    }

    @Test
    void frameWithoutSofIsRejected() {
        int sof = TestJpegs.indexOfMarker(JPEG, 0xC0);
        int sofEnd = sof + 2 + (((JPEG[sof + 2] & 0xFF) << 8) | (JPEG[sof + 3] & 0xFF));
        byte[] noSof = TestJpegs.concat(Arrays.copyOf(JPEG, sof), Arrays.copyOfRange(JPEG, sofEnd, JPEG.length));
        assertContains("no frame header (SOF)", rejection(noSof));
    }

    @Test
    void fillBytesBeforeAMarkerAreAllowed() {
        byte[] padded = TestJpegs.concat(Arrays.copyOf(JPEG, 20),
                TestJpegs.concat(new byte[] {(byte) 0xFF, (byte) 0xFF}, Arrays.copyOfRange(JPEG, 20, JPEG.length)));
        assertEquals(Verdict.Kind.NEEDS_DECODE, inspect(padded).kind());
    }

    @Test
    void decompressionBombIsRejectedBeforeAnyDecode() {
        // a few KB declaring 65000 x 65000 pixels, stamped after the patch so that only the size can stop it
        byte[] bomb = TestJpegs.withDeclaredSize(JPEG, 65_000, 65_000);
        byte[] stampedBomb = stampAsTheSenderWould(bomb);
        assertContains("image size 65000x65000 is outside 1x1..8192x8192", rejection(stampedBomb));
    }

    @Test
    void unstampedDecompressionBombIsRejectedToo() {
        assertContains("65000x65000", rejection(TestJpegs.withDeclaredSize(JPEG, 65_000, 65_000)));
    }

    @Test
    void tallButNarrowBombIsRejected() {
        assertContains("16x8193", rejection(TestJpegs.withDeclaredSize(JPEG, 16, 8193)));
    }

    @Test
    void largestAllowedSizeIsAccepted() {
        Verdict verdict = inspect(TestJpegs.withDeclaredSize(JPEG, 8192, 8192));
        assertEquals(Verdict.Kind.NEEDS_DECODE, verdict.kind());
        assertEquals(8192, verdict.width());
    }

    @Test
    void zeroWidthIsRejected() {
        assertContains("0x48", rejection(TestJpegs.withDeclaredSize(JPEG, 0, 48)));
    }

    @Test
    void truncatedOrMutatedFramesNeverThrow() {
        Random random = new Random(99);
        for (int i = 0; i < 20_000; i++) {
            byte[] frame = Arrays.copyOf(STAMPED, 1 + random.nextInt(STAMPED.length));
            for (int changes = random.nextInt(4); changes >= 0; changes--) {
                frame[random.nextInt(Math.min(frame.length, AFTER_COMMENT + 200))] = (byte) random.nextInt(256);
            }
            frame[frame.length - 1] = (byte) 0xD9; // get past the EOI check often, to reach the header walk
            if (frame.length > 1) {
                frame[frame.length - 2] = (byte) 0xFF;
            }
            Verdict verdict = inspect(frame);
            if (verdict.kind() == Verdict.Kind.VERIFIED) {
                assertEquals(STAMPED.length, frame.length, "only the whole frame can verify");
            }
        }
    }

    private static byte[] stampAsTheSenderWould(byte[] jpeg) {
        try {
            return new JpegCommentStamper().stamp(jpeg, jpeg.length, 1, 2);
        } catch (MalformedJpegException e) {
            throw new AssertionError(e);
        }
    }
}
