package udpvideo.receiver;

import java.net.InetSocketAddress;
import udpvideo.stamp.FrameStamp;

/**
 * Counts the frames a sender sent that were not accepted, from the gaps in the frame numbers of the ones that were.
 *
 * <p>Frames 7 and 10 accepted means 8 and 9 were sent and lost. The incomplete and rejected frames seen from that
 * sender since frame 7 say how: each explains one lost frame, and the rest never arrived at all (every datagram of
 * them lost, as every loss is at 640x480, where a frame is one datagram). A gap is settled when the frame after it
 * is accepted, so a loss is counted about a frame late, and frames lost before the first accepted frame or after
 * the last cannot be counted. Only the sender whose frames are accepted is followed; a sender that restarts (a
 * new address, or a number that jumps back) starts a new count, not a loss. Frames without a stamp carry no number:
 * for them, only what arrived incomplete or rejected is counted, a lower bound.
 *
 * <p>Thread-safe: the receive thread reports incomplete and rejected frames, the receive and verify threads
 * accepted ones, and the status line reads it.
 */
final class LossLedger {
    /** What the ledger knows, at one moment. */
    record Loss(long sent, long neverArrived, long arrivedIncomplete, long rejected, boolean isNumbered) {
        /** Frames sent and not accepted. */
        long lost() {
            return neverArrived + arrivedIncomplete + rejected;
        }

        /** {@link #lost()} as a percentage of the frames sent; 0 before any. */
        double lostPercent() {
            return sent == 0 ? 0 : 100.0 * lost() / sent;
        }
    }

    /** The sender followed: the one whose frame was accepted last; null before the first. */
    private InetSocketAddress sender;
    /** Its last accepted frame's number; -1 when it carried none. */
    private long lastNumber = -1;
    private long pendingIncomplete;
    private long pendingRejected;
    private long accepted;
    private long neverArrived;
    private long arrivedIncomplete;
    private long rejected;
    private boolean isNumbered = true;

    /** {@code frames} from {@code from} will never complete. */
    synchronized void incomplete(InetSocketAddress from, long frames) {
        if (from.equals(sender)) {
            pendingIncomplete += frames;
        }
    }

    /** A frame from {@code from} arrived whole and was rejected. */
    synchronized void rejected(InetSocketAddress from) {
        if (from.equals(sender)) {
            pendingRejected++;
        }
    }

    /** A frame from {@code from} was accepted; {@code stamp} is null when it carried none. */
    synchronized void accepted(InetSocketAddress from, FrameStamp stamp) {
        accepted++;
        boolean isSameSender = from.equals(sender);
        if (stamp == null) {
            isNumbered = false;
            if (isSameSender) { // nothing tells how many never arrived: count what was seen
                arrivedIncomplete += pendingIncomplete;
                rejected += pendingRejected;
            }
        } else if (isSameSender && lastNumber >= 0 && stamp.frameNumber() > lastNumber) {
            long gap = stamp.frameNumber() - lastNumber - 1;
            long incomplete = Math.min(pendingIncomplete, gap);
            long refused = Math.min(pendingRejected, gap - incomplete);
            arrivedIncomplete += incomplete;
            rejected += refused;
            neverArrived += gap - incomplete - refused;
        } // else a new sender, or one that restarted: its numbers start a new count
        sender = from;
        lastNumber = stamp == null ? -1 : stamp.frameNumber();
        pendingIncomplete = 0;
        pendingRejected = 0;
    }

    /** The counts so far. */
    synchronized Loss loss() {
        long lost = neverArrived + arrivedIncomplete + rejected;
        return new Loss(accepted + lost, neverArrived, arrivedIncomplete, rejected, isNumbered);
    }
}
