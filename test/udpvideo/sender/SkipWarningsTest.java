package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Frames skipped as too large: said at once, then at most once every 10 s, with how many since. */
class SkipWarningsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String WHY = "a frame of 142,546 bytes needs 279 segments of 512 bytes";
    private static final String ADVICE = "lower --quality or --width, or raise --segment-size";

    @Test
    void firstSkipIsSaidAtOnceWithTheAdvice() {
        String line = new SkipWarnings().skipped(0, WHY, ADVICE, 5 * SECOND);
        assertTrue(line.startsWith("warning: frame 0 skipped: " + WHY + "; " + ADVICE), line);
    }

    @Test
    void skipsWithinTenSecondsOfAWarningAreCountedNotSaid() {
        SkipWarnings warnings = new SkipWarnings();
        warnings.skipped(0, WHY, ADVICE, 0);
        for (int frame = 1; frame < 300; frame++) {
            assertNull(warnings.skipped(frame, WHY, ADVICE, frame * SECOND / 30), "frame " + frame);
        }
    }

    @Test
    void tenSecondsLaterOneLineCountsTheSkipsSince() {
        SkipWarnings warnings = new SkipWarnings();
        warnings.skipped(0, WHY, ADVICE, 0);
        for (int frame = 1; frame < 300; frame++) {
            warnings.skipped(frame, WHY, ADVICE, frame * SECOND / 30);
        }
        String line = warnings.skipped(300, WHY, ADVICE, 10 * SECOND);
        assertEquals("warning: 300 more frames skipped in the last 10 s, the last one frame 300: " + WHY, line);
        assertNull(warnings.skipped(301, WHY, ADVICE, 10 * SECOND + 1), "the count starts again");
        assertTrue(warnings.skipped(302, WHY, ADVICE, 20 * SECOND).startsWith("warning: 2 more frames skipped"));
    }
}
