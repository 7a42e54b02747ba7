package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import udpvideo.stamp.FrameStamp;

class LossLedgerTest {
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 4000);
    private static final InetSocketAddress OTHER = new InetSocketAddress("127.0.0.1", 5000);
    private final LossLedger ledger = new LossLedger();

    private void accept(InetSocketAddress from, long number) {
        ledger.accepted(from, new FrameStamp(number, 0, 0));
    }

    @Test
    void aGapIsLostFramesExplainedByWhatArrivedOfThem() {
        accept(SENDER, 10);
        ledger.incomplete(SENDER, 1);
        ledger.rejected(SENDER);
        accept(SENDER, 15); // 11..14 lost: 1 incomplete, 1 rejected, 2 never arrived
        assertEquals(new LossLedger.Loss(6, 2, 1, 1, true), ledger.loss());
    }

    @Test
    void moreDamageThanTheGapIsNotMoreLoss() {
        accept(SENDER, 1);
        ledger.incomplete(SENDER, 3); // noise that looked like frames: the numbers say one was lost
        accept(SENDER, 3);
        assertEquals(new LossLedger.Loss(3, 0, 1, 0, true), ledger.loss());
    }

    @Test
    void aRestartOrANewSenderIsNotLoss() {
        accept(SENDER, 500);
        accept(SENDER, 0); // the sender restarted on the same address
        accept(OTHER, 900); // another sender took over
        accept(OTHER, 901);
        assertEquals(new LossLedger.Loss(4, 0, 0, 0, true), ledger.loss());
    }

    @Test
    void damageFromOtherSendersIsTheirs() {
        accept(SENDER, 1);
        ledger.incomplete(OTHER, 5);
        ledger.rejected(OTHER);
        accept(SENDER, 2);
        assertEquals(new LossLedger.Loss(2, 0, 0, 0, true), ledger.loss());
    }

    @Test
    void unnumberedFramesCountWhatWasSeen() {
        ledger.accepted(SENDER, null);
        ledger.incomplete(SENDER, 2);
        ledger.rejected(SENDER);
        ledger.accepted(SENDER, null);
        assertEquals(new LossLedger.Loss(5, 0, 2, 1, false), ledger.loss());
    }
}
