package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quality a sender encodes at when every frame must fit one datagram of PyShine's, 49,128 bytes of JPEG. */
class QualityGovernorTest {
    private static final int LIMIT = 49_128;

    @Test
    void keepsTheQualityAskedForWhileFramesFit() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        for (int i = 0; i < 10; i++) {
            governor.encoded(governor.quality(), 19_000);
        }
        assertEquals(80, governor.quality());
        assertEquals(0, governor.shrunkFrames());
    }

    @Test
    void lowersTheQualityInProportionToHowFarAFrameOvershot() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        governor.encoded(80, 142_486); // the 1280x720 test pattern at quality 80
        assertEquals((int) (80 * QualityGovernor.AIM * LIMIT / 142_486), governor.quality());
        assertEquals(22, governor.quality());
        assertEquals(0, governor.shrunkFrames(), "a frame that did not fit was not sent, so not shrunk either");
    }

    @Test
    void aFrameThatBarelyOvershootsStillCutsTheQualityByAFifth() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        governor.encoded(80, LIMIT + 1);
        assertEquals(63, governor.quality(), "80 x 0.8 x 49,128 / 49,129, rounded down");
    }

    @Test
    void neverGoesBelowQualityOne() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        for (int i = 0; i < 20; i++) {
            governor.encoded(governor.quality(), 10 * LIMIT);
        }
        assertEquals(1, governor.quality());
    }

    @Test
    void climbsBackOneStepAFrameWhileThereIsRoomAndCountsTheShrunkFrames() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        governor.encoded(80, 142_486);
        int lowered = governor.quality();
        for (int i = 0; i < 5; i++) {
            governor.encoded(governor.quality(), 30_000); // well under 85% of the limit
        }
        assertEquals(lowered + 5, governor.quality());
        assertEquals(5, governor.shrunkFrames());
    }

    @Test
    void staysWhereFramesTakeMostOfTheRoom() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        governor.encoded(80, 142_486);
        int lowered = governor.quality();
        governor.encoded(lowered, (int) (0.9 * LIMIT));
        assertEquals(lowered, governor.quality(), "no climb above 85% of the limit: the next step might not fit");
        assertEquals(1, governor.shrunkFrames(), "the frame fitted, below the quality asked for");
    }

    @Test
    void neverClimbsAboveTheQualityAskedFor() {
        QualityGovernor governor = new QualityGovernor(60, LIMIT);
        governor.encoded(60, LIMIT + 10_000);
        for (int i = 0; i < 200; i++) {
            governor.encoded(governor.quality(), 1_000);
        }
        assertEquals(60, governor.quality());
    }

    @Test
    void aLateReportFromAnOlderHigherQualityChangesNothing() {
        QualityGovernor governor = new QualityGovernor(80, LIMIT);
        governor.encoded(80, 142_486); // down to 22
        int lowered = governor.quality();
        governor.encoded(80, 142_486); // another sending thread's frame, encoded before the cut
        assertEquals(lowered, governor.quality());
        governor.encoded(79, 20_000); // fits, but was not encoded at the current quality: no climb from it
        assertEquals(lowered, governor.quality());
    }

    @Test
    void refusesAQualityOutside1To100() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QualityGovernor(0, LIMIT));
        assertEquals("quality must be 1..100, was 0", e.getMessage());
    }
}
