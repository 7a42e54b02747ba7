package udpvideo.codec.jpeg.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Strips are shared out once each, failures reach the caller, and helpers keep their appointments: awake by
 * their own timer for a paced frame, asleep otherwise. Waits are bounded polls of a helper's state, never sleeps.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StripWorkersTest {
    private static final long STATE_WAIT_NANOS = 10_000_000_000L;

    @Test
    void everyStripRunsExactlyOnceInEveryCall() {
        try (StripWorkers workers = new StripWorkers(3, "test-workers")) {
            for (int call = 0; call < 200; call++) {
                if (call % 2 == 1) {
                    workers.expectNextCallAt(System.nanoTime()); // due at once: helpers stay awake for it
                }
                AtomicIntegerArray runs = new AtomicIntegerArray(7);
                workers.runAll(7, (worker, strip) -> runs.incrementAndGet(strip));
                for (int strip = 0; strip < 7; strip++) {
                    assertEquals(1, runs.get(strip), "call " + call + ", strip " + strip);
                }
            }
        }
    }

    @Test
    void theFirstFailureReachesTheCallerAfterEveryOtherStripIsDone() {
        try (StripWorkers workers = new StripWorkers(2, "test-workers")) {
            AtomicIntegerArray runs = new AtomicIntegerArray(6);
            IOException failure = new IOException("strip 3 is unreadable");
            IOException thrown = assertThrows(IOException.class, () -> workers.runAll(6, (worker, strip) -> {
                runs.incrementAndGet(strip);
                if (strip == 3) {
                    throw failure;
                }
            }));
            assertSame(failure, thrown);
            for (int strip = 0; strip < 6; strip++) {
                assertEquals(1, runs.get(strip), "strip " + strip + " still ran once");
            }
        }
    }

    @Test
    void withoutAnAppointmentAHelperSleepsUntilCalled() {
        try (StripWorkers workers = new StripWorkers(2, "test-unbooked")) {
            workers.runAll(2, (worker, strip) -> { });
            Thread helper = thread("test-unbooked-2");
            assertTrue(awaitState(helper, Thread.State.WAITING), "parked with no timeout: " + helper.getState());
        }
    }

    @Test
    void aHelperWakesByItselfForItsAppointmentAndWaitsAwakeUntilItsSpinIsOver() {
        try (StripWorkers workers = new StripWorkers(2, "test-booked")) {
            long appointment = System.nanoTime() + 200_000_000L;
            workers.expectNextCallAt(appointment);
            workers.runAll(2, (worker, strip) -> { }); // the helpers learn the appointment with this call
            Thread helper = thread("test-booked-2");
            assertTrue(awaitState(helper, Thread.State.TIMED_WAITING), "asleep until the appointment");
            // Only its own timer can move it on (nobody calls), and it sleeps without a timeout only once the
            // appointment and the spin after it are past. Its spin itself is too short to watch for reliably.
            assertTrue(awaitState(helper, Thread.State.WAITING), "asleep with no timeout: the call never came");
            assertTrue(System.nanoTime() >= appointment + StripWorkers.SPIN_AFTER_NANOS,
                    "it stayed awake until the spin after the appointment was over");
        }
    }

    @Test
    void closingEndsHelpersAsleepUntilAFarAppointment() throws InterruptedException {
        Thread helper;
        long closedAt;
        try (StripWorkers workers = new StripWorkers(2, "test-far")) {
            workers.expectNextCallAt(System.nanoTime() + TimeUnit.HOURS.toNanos(1));
            workers.runAll(2, (worker, strip) -> { });
            helper = thread("test-far-2");
            assertTrue(awaitState(helper, Thread.State.TIMED_WAITING), "asleep until the appointment");
            closedAt = System.nanoTime();
        }
        assertFalse(helper.isAlive(), "close() waited for it to end");
        assertTrue(System.nanoTime() - closedAt < TimeUnit.SECONDS.toNanos(5), "without waiting for the hour");
    }

    @Test
    void fewerThanOneWorkerIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new StripWorkers(0, "test-none"));
        assertEquals("strip workers must be 1 or more, was 0", e.getMessage());
    }

    private static Thread thread(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        throw new AssertionError("no thread named " + name);
    }

    /** Polls until {@code thread} is in {@code state}, for up to 10 s; true if it got there. */
    private static boolean awaitState(Thread thread, Thread.State state) {
        long deadline = System.nanoTime() + STATE_WAIT_NANOS;
        while (thread.getState() != state) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }
}
