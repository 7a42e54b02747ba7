package udpvideo.sender;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the sending loop on several threads at once, the calling thread included ({@code udpvideo-send-2} onward
 * for the others), and returns when every one has returned. The first failure is passed to a callback that must
 * make the other loops end (by ending capture), and is then thrown from {@link #runAll}.
 */
final class SendingThreads {
    /** The loop each thread runs: capture, encode and send frames until capture ends. */
    interface Loop {
        void run() throws IOException;
    }

    /** How long the threads get to end once capture has: longer than a frame's wait for its turn. */
    static final long JOIN_MS = SendTurn.TURN_TIMEOUT_MS + 5_000;

    private SendingThreads() {
    }

    /**
     * Runs {@code loop} on {@code count} threads, this one included, and waits for all of them.
     *
     * @param onFirstFailure called once, with the first exception or error a loop throws, to stop the others
     * @throws IOException the first failure, if it was one
     */
    static void runAll(int count, Loop loop, Consumer<Throwable> onFirstFailure) throws IOException {
        FirstFailure failure = new FirstFailure(onFirstFailure);
        List<Thread> others = new ArrayList<>();
        for (int i = 2; i <= count; i++) {
            Thread thread = new Thread(() -> failure.runCatching(loop), "udpvideo-send-" + i);
            thread.setDaemon(true); // never keeps the program alive; runAll joins it before returning anyway
            thread.start();
            others.add(thread);
        }
        failure.runCatching(loop);
        joinUninterruptibly(others);
        failure.rethrow();
    }

    /**
     * Waits for every thread even when interrupted: each ends after at most one more frame, since capture has
     * ended for all of them, and none may outlive the sender. Bounded all the same, by {@link #JOIN_MS} in all: a
     * thread still alive then is stuck in its source or codec, and, a daemon, cannot keep the program alive. The
     * interrupt status is kept.
     */
    private static void joinUninterruptibly(List<Thread> threads) {
        boolean isInterrupted = false;
        long deadline = System.nanoTime() + JOIN_MS * 1_000_000;
        for (Thread thread : threads) {
            long leftMs;
            while (thread.isAlive() && (leftMs = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                try {
                    thread.join(leftMs);
                } catch (InterruptedException e) {
                    isInterrupted = true; // kept for the caller, once the threads are gone
                }
            }
        }
        if (isInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first exception or error any loop threw. */
    private static final class FirstFailure {
        private final Consumer<Throwable> onFirst;
        private Throwable first;

        FirstFailure(Consumer<Throwable> onFirst) {
            this.onFirst = onFirst;
        }

        void runCatching(Loop loop) {
            try {
                loop.run();
            } catch (IOException | RuntimeException | Error e) {
                record(e);
            }
        }

        private void record(Throwable e) {
            synchronized (this) {
                if (first != null) {
                    return; // a later failure, most likely caused by the first: the first is the one to report
                }
                first = e;
            }
            onFirst.accept(e);
        }

        synchronized void rethrow() throws IOException {
            if (first instanceof IOException e) {
                throw e;
            }
            if (first instanceof RuntimeException e) {
                throw e;
            }
            if (first instanceof Error e) {
                throw e;
            }
        }
    }
}
