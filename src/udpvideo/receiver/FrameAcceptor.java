package udpvideo.receiver;

import java.net.InetSocketAddress;
import udpvideo.cli.StopSignal;
import udpvideo.codec.Codec;

/**
 * The last gate before the screen: a frame that passed its checks is accepted only from the shown sender, then
 * counted, handed to the sinks (the recording, on their own thread) and left in the mailbox for the display.
 * Stops the receiver after {@code --frames} frames.
 *
 * <p>Called from the receive thread (stamped frames) and the verify thread (unstamped frames, once decoded);
 * synchronized so a frame is counted and recorded exactly once, in the order accepted. Nothing it does under its
 * lock is slow: it copies the frame, for the mailbox and for the recording, and the disk is written on the sink
 * thread.
 */
final class FrameAcceptor {
    private final ShownSender shownSender = new ShownSender();
    private final ReceiverStats stats;
    private final FrameMailbox mailbox;
    /** Where accepted frames go besides the screen. Closed by the {@link Receiver}. */
    private final SinkThread sinks;
    /** Stop after this many accepted frames; 0 for never. */
    private final long frameLimit;
    private final StopSignal stop;
    /** The codec of every frame recorded so far; null before the first, or once two codecs were recorded. */
    private Codec recordedCodec;
    private boolean isRecordingMixed;

    FrameAcceptor(ReceiverStats stats, FrameMailbox mailbox, SinkThread sinks, long frameLimit, StopSignal stop) {
        this.stats = stats;
        this.mailbox = mailbox;
        this.sinks = sinks;
        this.frameLimit = frameLimit;
        this.stop = stop;
    }

    /**
     * Offers a frame that passed every check; what is kept of it is copied before this returns. Returns whether
     * it was accepted.
     */
    synchronized boolean accept(ReceivedFrame frame) {
        if (frameLimit > 0 && stats.accepted.get() >= frameLimit) {
            stats.countAfterEnd(frame.packets());
            return false; // the run is over; the main thread is closing the receiver
        }
        long now = System.nanoTime();
        if (!shownSender.admits(frame.sender(), now)) {
            stats.countNotShown(frame.sender(), frame.packets());
            return false;
        }
        if (sinks.hasSinks()) {
            sinks.offer(frame.bytes(), frame.length());
            isRecordingMixed |= recordedCodec != null && recordedCodec != frame.codec();
            recordedCodec = frame.codec();
        }
        long accepted = stats.accept(frame.sender(), frame.stamp(), frame.packets(), now);
        if (mailbox.put(frame)) {
            stats.skipped.incrementAndGet();
        }
        if (accepted == frameLimit) {
            stop.stop("received " + frameLimit + " frames");
        }
        return true;
    }

    /** Whether a frame from {@code sender} would be shown now: it is the shown sender, or none is shown yet. */
    synchronized boolean mayShow(InetSocketAddress sender) {
        InetSocketAddress current = shownSender.current();
        return current == null || current.equals(sender);
    }

    /** The codec of every frame offered to the recording, or null when none was or codecs were mixed. */
    synchronized Codec recordedCodec() {
        return isRecordingMixed ? null : recordedCodec;
    }

    /** The sender whose frames are shown, or null before the first accepted frame. */
    synchronized InetSocketAddress shownSender() {
        return shownSender.current();
    }
}
