package udpvideo.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one-shot "stop now" that every way of ending a program pulls: end of source, --frames, --duration, the
 * window closing, Ctrl-C. The main thread waits on it, then closes what it owns.
 *
 * <p>On Ctrl-C the JVM runs shutdown hooks and then halts; the hook installed here pulls the signal and waits
 * (bounded) until the main thread says its cleanup is done, so the camera is released and the summary printed.
 */
public final class StopSignal {
    private static final long CLEANUP_WAIT_MS = 5_000;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanupDone = new CountDownLatch(1);
    private volatile String reason;

    /** Asks everything to stop. Only the first reason is kept. Any thread. */
    public synchronized void stop(String why) {
        if (reason == null) {
            reason = why;
            stopRequested.countDown();
        }
    }

    /** Whether stop was asked for. */
    public boolean isStopped() {
        return stopRequested.getCount() == 0;
    }

    /** Why it stopped, or null while running. */
    public String reason() {
        return reason;
    }

    /** Waits up to {@code timeoutNanos} for a stop; returns whether one came. Keeps the interrupt status. */
    public boolean await(long timeoutNanos) {
        try {
            return stopRequested.await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // an interrupted waiter should stop too
        }
    }

    /** Waits until a stop is asked for. */
    public void awaitStop() {
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes Ctrl-C (SIGINT, SIGTERM) pull this signal and wait for {@link #cleanupDone()}. */
    public void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop("interrupted");
            try {
                cleanupDone.await(CLEANUP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                // the JVM is going down either way; nothing is left to wait for
            }
        }, "udpvideo-shutdown"));
    }

    /** Tells a waiting shutdown hook that everything is closed and the summary printed. */
    public void cleanupDone() {
        cleanupDone.countDown();
    }
}
