package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames encoded on several threads leave in capture order. */
@Timeout(10)
class SendTurnTest {
    private final SendTurn turn = new SendTurn();

    @Test
    void aFrameWaitsUntilTheFrameBeforeItHasFinished() throws InterruptedException {
        AtomicBoolean hadItsTurn = new AtomicBoolean();
        Thread second = new Thread(() -> {
            turn.await(1);
            hadItsTurn.set(true);
            turn.finish(1);
        }, "test-frame-1");
        second.start();
        awaitWaiting(second);
        assertEquals(false, hadItsTurn.get(), "frame 1 went before frame 0 finished");
        turn.await(0); // frame 0's turn is the first
        turn.finish(0);
        second.join(5_000);
        assertTrue(hadItsTurn.get(), "frame 1 had its turn after frame 0");
        turn.await(2); // and frame 1 passed it on
    }

    @Test
    void finishingOutOfTurnIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> turn.finish(1));
        assertEquals("frame 1 finished during frame 0's turn", e.getMessage());
    }

    @Test
    void anInterruptDoesNotCutAWaitShortButIsKept() throws InterruptedException {
        AtomicBoolean interruptedAfterTurn = new AtomicBoolean();
        Thread second = new Thread(() -> {
            turn.await(1);
            interruptedAfterTurn.set(Thread.currentThread().isInterrupted());
        }, "test-frame-1");
        second.start();
        awaitWaiting(second);
        second.interrupt();
        awaitWaiting(second); // still waiting for its turn, not gone
        turn.finish(0);
        second.join(5_000);
        assertTrue(interruptedAfterTurn.get(), "the interrupt is there for the thread to act on after its turn");
    }

    /** Polls until {@code thread} waits in {@link SendTurn#await}; fails after 5 s. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline) {
                fail(thread.getName() + " never waited for its turn; state " + thread.getState());
            }
            Thread.sleep(1);
        }
    }

    @Test
    void aTurnThatNeverComesFailsAfterItsTimeoutInsteadOfHanging() {
        SendTurn turn = new SendTurn(50);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> turn.await(1));
        assertEquals("frame 1 waited 50 ms for frame 0 to be sent", e.getMessage());
    }
}
