package udpvideo.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the times the host stops running this virtual machine, while a row is measured. A thread that asks to
 * sleep {@value #NAP_MS} ms and wakes more than {@value #LATE_MS} ms late was not run because no core was: on an
 * idle VM of the kind the benchmark runs on, a Python loop sleeping 1 ms woke 17 to 62 ms late 11 times in a minute,
 * and two threads spinning on the two cores stopped at the same instants. Every frame in flight during such a stall
 * is late by as much, which no pipeline can avoid; the paced rows' p99 is judged with the count beside it.
 *
 * <p>Only meaningful while the cores are mostly idle, as in the paced rows: when the pipeline keeps both busy, a
 * woken thread may also wait its turn behind the codec's.
 */
final class HostStalls implements AutoCloseable {
    private static final long NAP_MS = 5;
    private static final long LATE_MS = 10;

    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong longestNanos = new AtomicLong();
    private final Thread watcher = new Thread(this::countLateWakes, "bench-host-stalls");

    /** Starts watching; {@link #close} stops. */
    static HostStalls watch() {
        HostStalls stalls = new HostStalls();
        stalls.watcher.setDaemon(true);
        stalls.watcher.start();
        return stalls;
    }

    /** What was seen so far. */
    Seen seen() {
        return new Seen(count.get(), longestNanos.get() / 1e6);
    }

    @Override
    public void close() {
        watcher.interrupt();
        try {
            watcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the watcher is interrupted already and ends on its own
        }
    }

    private void countLateWakes() {
        try {
            while (true) {
                long start = System.nanoTime();
                Thread.sleep(NAP_MS);
                long lateNanos = System.nanoTime() - start - NAP_MS * 1_000_000;
                if (lateNanos > LATE_MS * 1_000_000) {
                    count.incrementAndGet();
                    longestNanos.accumulateAndGet(lateNanos, Math::max);
                }
            }
        } catch (InterruptedException e) {
            // closed: the row is measured
        }
    }

    /**
     * Stalls seen.
     *
     * @param count     wakes more than {@value HostStalls#LATE_MS} ms late
     * @param longestMs how late the latest of them woke, in ms; 0 when there was none
     */
    record Seen(int count, double longestMs) {
    }
}
