package udpvideo.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import udpvideo.codec.jpeg.TestJpegs;

/** The one rule that bounds what an accepted frame may cost: its images against the heap. */
class FrameLimitsTest {
    private static final long MB = 1024 * 1024;

    @Test
    void countsEveryImageAReceiverHoldsOfAFrame() {
        // 8 decoded images of 4 bytes a pixel and 2 decoder buffers of 3: 38 bytes a pixel
        assertEquals(8192L * 8192 * 38, FrameLimits.heapBytesToShow(8192, 8192));
    }

    @Test
    void a720pStreamFitsInA128MbHeapAndAn8192SquareFrameDoesNot() {
        assertTrue(FrameLimits.fitsInHeap(1280, 720, 128 * MB));
        assertFalse(FrameLimits.fitsInHeap(8192, 8192, 1024 * MB));
    }

    @Test
    void theReasonNamesAnXmxThatFitsTheFrame() {
        String reason = FrameLimits.tooLargeForHeap(8192, 8192, 256 * MB);
        assertTrue(reason.startsWith("image size 8192x8192 needs 2432 MB of heap to decode and show, more than 75%"
                + " of the 256 MB this program has"), reason);
        Matcher xmx = Pattern.compile("JAVA_OPTS=-Xmx(\\d+)m$").matcher(reason);
        assertTrue(xmx.find(), reason);
        assertTrue(FrameLimits.fitsInHeap(8192, 8192, Long.parseLong(xmx.group(1)) * MB), reason);
    }

    @Test
    void inspectorRejectsAFrameTooLargeForItsHeapBeforeDecoding() {
        byte[] frame = TestJpegs.stampedJpeg(1280, 720, 1, 1, 1);
        Verdict verdict = new FrameInspector(32 * MB).inspect(frame, frame.length);
        assertEquals(Verdict.Kind.REJECTED, verdict.kind());
        assertTrue(verdict.reason().contains("image size 1280x720 needs 34 MB") && verdict.reason().contains(
                "JAVA_OPTS=-Xmx64m"), verdict.reason());
        assertEquals(Verdict.Kind.VERIFIED, new FrameInspector(64 * MB).inspect(frame, frame.length).kind());
    }

    @Test
    void outOfMemoryReasonAsksForMoreThanTheHeapThereIs() {
        assertEquals("out of memory decoding or showing a 1280x720 frame with 64 MB of heap: start it with"
                + " JAVA_OPTS=-Xmx128m", FrameLimits.outOfMemory(1280, 720, 64 * MB));
    }
}
