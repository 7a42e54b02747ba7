package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The pacing schedule, on a clock the test moves by hand: no test waits. */
class PacerTest {
    static final long PERIOD = 40_000_000L; // 25 fps

    private long now = 1_000_000_000L;
    private final Pacer pacer = new Pacer(25, () -> now);

    @Test
    void firstFrameIsDueAtOnce() {
        assertEquals(0, pacer.nanosUntilNextFrame());
    }

    @Test
    void lateWorkDoesNotShiftTheSchedule() {
        pacer.nanosUntilNextFrame(); // frame 0 at t0
        now += 15_000_000L; // frame 0 took 15 ms to send
        assertEquals(PERIOD - 15_000_000L, pacer.nanosUntilNextFrame(), "frame 1 is still due at t0 + 40 ms");
        now += PERIOD - 15_000_000L + 3_000_000L; // woke 3 ms late
        assertEquals(PERIOD - 3_000_000L, pacer.nanosUntilNextFrame(), "frame 2 is still due at t0 + 80 ms");
    }

    @Test
    void thousandFramesTakeExactlyTheirSchedule() {
        long t0 = now;
        for (int frame = 0; frame < 1000; frame++) {
            now += Math.max(0, pacer.nanosUntilNextFrame()) + 1_000L; // each wake-up 1 µs late
        }
        assertEquals(t0 + 999 * PERIOD + 1_000L, now, "no drift accumulates over 1000 frames");
    }

    @Test
    void moreThanAFrameBehindRestartsInsteadOfBursting() {
        pacer.nanosUntilNextFrame();
        now += 5 * PERIOD; // a stall of five frames
        assertEquals(0, pacer.nanosUntilNextFrame(), "one frame now");
        assertEquals(PERIOD, pacer.nanosUntilNextFrame(), "then the normal period, not five at once");
    }

    @Test
    void nextDueIsTheSlotAfterTheOneBooked() {
        assertEquals(-1, pacer.nextDueNanos(), "nothing booked yet");
        long t0 = now;
        pacer.nanosUntilNextFrame();
        assertEquals(t0 + PERIOD, pacer.nextDueNanos());
        now += 10_000_000L;
        pacer.nanosUntilNextFrame();
        assertEquals(t0 + 2 * PERIOD, pacer.nextDueNanos(), "on the schedule, however early the booking");
        now += 5 * PERIOD;
        pacer.nanosUntilNextFrame();
        assertEquals(now + PERIOD, pacer.nextDueNanos(), "a restarted schedule counts from now");
    }

    @Test
    void unpacedHasNoNextDue() {
        Pacer unpaced = new Pacer(0, () -> now);
        unpaced.nanosUntilNextFrame();
        assertEquals(-1, unpaced.nextDueNanos());
    }

    @Test
    void zeroFramesPerSecondNeverWaits() {
        Pacer unpaced = new Pacer(0, () -> now);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, unpaced.nanosUntilNextFrame());
        }
    }

    @Test
    void negativeRateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Pacer(-1));
        assertEquals("frames per second must be 0 or more, was -1.0", e.getMessage());
    }
}
