package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sending loop runs on several named threads at once, and the first failure ends all of them. */
@Timeout(20)
class SendingThreadsTest {
    @Test
    void runsTheLoopOnEveryThreadAtOnceTheCallerIncluded() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        CyclicBarrier allAtOnce = new CyclicBarrier(3);
        SendingThreads.runAll(3, () -> {
            names.add(Thread.currentThread().getName());
            try {
                allAtOnce.await(5, TimeUnit.SECONDS); // fails unless all three run at the same time
            } catch (Exception e) {
                throw new IOException("the three loops did not run at once", e);
            }
        }, failure -> { });
        assertEquals(Set.of(Thread.currentThread().getName(), "udpvideo-send-2", "udpvideo-send-3"), names);
        assertNoSendingThreadLeft();
    }

    @Test
    void theFirstFailureStopsTheOtherLoopsAndIsThrown() throws Exception {
        IOException broken = new IOException("the source broke");
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger callbacks = new AtomicInteger();
        IOException thrown = assertThrows(IOException.class, () -> SendingThreads.runAll(3, () -> {
            if (Thread.currentThread().getName().equals("udpvideo-send-2")) {
                throw broken;
            }
            // the others run until told to stop, as sending loops run until capture ends
            try {
                if (!stopped.await(5, TimeUnit.SECONDS)) {
                    throw new IOException("never told to stop");
                }
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
        }, failure -> {
            callbacks.incrementAndGet();
            stopped.countDown();
        }));
        assertSame(broken, thrown);
        assertEquals(1, callbacks.get(), "told to stop once");
        assertNoSendingThreadLeft();
    }

    @Test
    void oneThreadIsTheCallerAlone() throws Exception {
        Set<String> names = ConcurrentHashMap.newKeySet();
        SendingThreads.runAll(1, () -> names.add(Thread.currentThread().getName()), failure -> { });
        assertEquals(Set.of(Thread.currentThread().getName()), names);
    }

    static void assertNoSendingThreadLeft() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            assertTrue(!thread.getName().startsWith("udpvideo-send-") || !thread.isAlive(),
                    thread.getName() + " outlived runAll");
        }
    }
}
