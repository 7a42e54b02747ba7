package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames leave in capture order, whichever encoding thread finishes first. */
@Timeout(10)
class SendTurnTest {
    private final SendTurn turn = new SendTurn();

    @Test
    void laterTicketWaitsForTheEarlierOne() throws InterruptedException {
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch laterIsWaiting = new CountDownLatch(1);
        Thread later = new Thread(() -> {
            laterIsWaiting.countDown();
            turn.await(1);
            sent.add(1L);
            turn.finish(1);
        }, "test-ticket-1");
        later.start(); // finished encoding first
        laterIsWaiting.await();
        turn.await(0);
        sent.add(0L);
        turn.finish(0);
        later.join();
        assertEquals(List.of(0L, 1L), sent);
    }

    @Test
    void finishingOutOfTurnIsAMistake() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> turn.finish(1));
        assertEquals("ticket 1 finished during ticket 0's turn", e.getMessage());
    }
}
