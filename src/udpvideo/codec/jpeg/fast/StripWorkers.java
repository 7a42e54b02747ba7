package udpvideo.codec.jpeg.fast;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that share one frame's strips: the thread that asks is worker 0, and {@code count - 1} helper
 * threads, named {@code <name>-2} onward, are workers 1 and up. Work is claimed strip by strip, so the asking
 * thread never waits for a helper that has not started: when the cores are busy with other work (another frame,
 * the other program), it simply does every strip itself, and a helper that wakes up late finds nothing left.
 * When a core is free, a helper takes strips off its hands and the frame is done sooner.
 *
 * <p><b>Appointments.</b> A helper woken by the asking thread often wakes on the asking thread's own core
 * (Linux places a woken thread near its waker), and then the two share one core while the other idles until
 * the scheduler moves one of them a millisecond or more later: the frame takes longer than on one thread. When
 * the caller knows when its next frame comes (a paced stream), {@link #expectNextCallAt} lets each helper wake
 * itself by its own timer shortly before, on the core it last ran on, and wait there, spinning, for at most
 * {@link #SPIN_AFTER_NANOS} past the appointment.
 *
 * <p>Owns the helpers until {@link #close()}. One thread calls {@link #runAll} and {@link #expectNextCallAt}.
 */
final class StripWorkers implements AutoCloseable {
    /** One strip's work, done by {@code worker}, which knows from its number which of its resources to use. */
    interface Work<E extends Exception> {
        void run(int worker, int strip) throws E;
    }

    /** How long before an appointment a helper wakes: a sleeping thread's timer fires 0.1 to 0.2 ms late. */
    static final long WAKE_BEFORE_NANOS = 300_000;
    /** How long past an appointment a helper spins before it gives up and sleeps until called. */
    static final long SPIN_AFTER_NANOS = 2_000_000;
    private static final long CLOSE_WAIT_MS = 2_000;
    private static final long NO_APPOINTMENT = Long.MIN_VALUE;

    private final Thread[] helpers;
    /** The last call, whose strips are being handed out or are done; null before the first. */
    private volatile Claims current;
    /** When the call after the next one is expected ({@link System#nanoTime}), or {@link #NO_APPOINTMENT}. */
    private long appointment = NO_APPOINTMENT;
    private volatile boolean isClosed;
    /** Calls so far: numbers each call, so a helper knows one it has done from a new one. */
    private long calls;

    StripWorkers(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException("strip workers must be 1 or more, was " + count);
        }
        helpers = new Thread[count - 1];
        for (int i = 0; i < helpers.length; i++) {
            int worker = i + 1;
            helpers[i] = new Thread(() -> help(worker), name + "-" + (worker + 1));
            helpers[i].setDaemon(true); // a helper must never keep the program alive; close() stops them anyway
            helpers[i].start();
        }
    }

    /**
     * Runs {@code work} for strips {@code 0 .. strips - 1}, each once, on this thread and whichever helpers start
     * in time; returns when every strip is done, then throws the first failure. Waits for a helper still working
     * even when interrupted (it is a strip away from done) and keeps the interrupt status.
     */
    @SuppressWarnings("unchecked") // work.run throws only E, or unchecked exceptions
    <E extends Exception> void runAll(int strips, Work<E> work) throws E {
        Claims claims = new Claims(++calls, strips, work, appointment);
        current = claims;
        for (int i = 0; i < Math.min(helpers.length, strips - 1); i++) {
            LockSupport.unpark(helpers[i]); // costs next to nothing when it is awake already
        }
        claims.runEach(0);
        claims.awaitAll();
        claims.forgetWork(); // let the frame go: every strip is claimed, so no helper will look at it again
        Throwable failure = claims.failure.get();
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        } else if (failure instanceof Error error) {
            throw error;
        } else if (failure != null) {
            throw (E) failure;
        }
    }

    /**
     * Tells the helpers that after the next {@link #runAll}, the one after it comes at about {@code nanoTime}
     * ({@link System#nanoTime}), so they can be awake and on their own cores by then. The helpers learn it with
     * that call's strips, so they never mistake it for the time of the call they are waiting for.
     */
    void expectNextCallAt(long nanoTime) {
        appointment = nanoTime;
    }

    /** A helper's life: strips of each new call, and in between, sleep until called or until the appointment. */
    private void help(int worker) {
        long done = 0; // the number of the last call this helper worked on
        while (!isClosed) {
            Claims claims = current;
            if (claims != null && claims.number != done) {
                claims.runEach(worker);
                done = claims.number;
                continue;
            }
            long untilNext = claims == null || claims.nextCallAt == NO_APPOINTMENT ? Long.MIN_VALUE
                    : claims.nextCallAt - System.nanoTime();
            if (untilNext > WAKE_BEFORE_NANOS) {
                LockSupport.parkNanos(this, untilNext - WAKE_BEFORE_NANOS); // or until called sooner
            } else if (untilNext > -SPIN_AFTER_NANOS) {
                Thread.onSpinWait(); // the call is due: wait for it awake, on this core
            } else {
                LockSupport.park(this); // no appointment, or it passed: sleep until called
            }
            Thread.interrupted(); // only close() stops a helper; a stray interrupt would make every park return at once
        }
    }

    /** One call's strips: which is next to claim, how many are not done yet, and the first failure. */
    private static final class Claims {
        private final long number;
        private final int strips;
        /** Null once every strip is done. */
        private Work<?> work;
        /** When the call after this one is expected, or {@link #NO_APPOINTMENT}. */
        private final long nextCallAt;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch notDone;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(long number, int strips, Work<?> work, long nextCallAt) {
            this.number = number;
            this.strips = strips;
            this.work = work;
            this.nextCallAt = nextCallAt;
            this.notDone = new CountDownLatch(strips);
        }

        /** Claims and does strips until none is left; a helper that starts late finds none and returns. */
        void runEach(int worker) {
            for (int strip = next.getAndIncrement(); strip < strips; strip = next.getAndIncrement()) {
                try {
                    work.run(worker, strip);
                } catch (Exception | Error e) {
                    failure.compareAndSet(null, e);
                } finally {
                    notDone.countDown();
                }
            }
        }

        /**
         * Drops the work once every strip is done. Safe without a lock: a worker reads {@link #work} only after
         * claiming a strip, and none is left to claim.
         */
        void forgetWork() {
            work = null;
        }

        /** Waits until every strip is done: by now only strips a helper claimed can be outstanding. */
        void awaitAll() {
            boolean isInterrupted = false;
            while (true) {
                try {
                    notDone.await();
                    break;
                } catch (InterruptedException e) {
                    isInterrupted = true;
                }
            }
            if (isInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        isClosed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT_MS * 1_000_000;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        try {
            for (Thread helper : helpers) {
                helper.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
