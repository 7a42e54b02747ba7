package udpvideo.codec;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The threads that share one frame's strips: the thread that asks is worker 0, and {@code count - 1} helper
 * threads, named {@code <name>-2} onward, are workers 1 and up. Work is claimed strip by strip, so the asking
 * thread never waits for a helper that has not started: when the cores are busy with other work (another frame,
 * the other program), it simply does every strip itself, and a helper that wakes up late finds nothing left.
 * When a core is free, a helper takes strips off its hands and the frame is done sooner.
 *
 * <p>Owns the helpers until {@link #close()}. One thread calls {@link #runAll} at a time.
 */
final class StripWorkers implements AutoCloseable {
    /** One strip's work, done by {@code worker}, which knows from its number which of its resources to use. */
    interface Work<E extends Exception> {
        void run(int worker, int strip) throws E;
    }

    private static final long CLOSE_WAIT_MS = 2_000;

    private final int count;
    /** Null when the caller works alone. */
    private final ExecutorService helpers;

    StripWorkers(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException("strip workers must be 1 or more, was " + count);
        }
        this.count = count;
        AtomicInteger number = new AtomicInteger(1);
        this.helpers = count == 1 ? null : Executors.newFixedThreadPool(count - 1, task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true); // a helper must never keep the program alive; close() stops them anyway
            return thread;
        });
    }

    /**
     * Runs {@code work} for strips {@code 0 .. strips - 1}, each once, on this thread and whichever helpers start
     * in time; returns when every strip is done, then throws the first failure. Waits for a helper still working
     * even when interrupted (it is a strip away from done) and keeps the interrupt status.
     */
    @SuppressWarnings("unchecked") // work.run throws only E, or unchecked exceptions
    <E extends Exception> void runAll(int strips, Work<E> work) throws E {
        Claims claims = new Claims(strips);
        for (int worker = 1; worker < Math.min(count, strips); worker++) {
            int number = worker;
            helpers.execute(() -> claims.runEach(number, work));
        }
        claims.runEach(0, work);
        claims.awaitAll();
        Throwable failure = claims.failure.get();
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        } else if (failure instanceof Error error) {
            throw error;
        } else if (failure != null) {
            throw (E) failure;
        }
    }

    /** One call's strips: which is next to claim, how many are not done yet, and the first failure. */
    private static final class Claims {
        private final int strips;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch notDone;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Claims(int strips) {
            this.strips = strips;
            this.notDone = new CountDownLatch(strips);
        }

        /** Claims and does strips until none is left; a helper that starts late finds none and returns. */
        void runEach(int worker, Work<?> work) {
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
        if (helpers == null) {
            return;
        }
        helpers.shutdownNow();
        try {
            helpers.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
