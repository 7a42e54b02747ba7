package udpvideo.receiver;

import java.net.InetSocketAddress;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;
import udpvideo.transport.FrameHandler;

/**
 * The receive thread's verdict on every frame the transport completes: rejected (counted, with its reason),
 * accepted at once (stamped, CRC matches), or handed to the {@link DecodeVerifier} (unstamped: only a clean
 * decode can vouch for it). An unstamped frame from a sender whose frames were stamped is rejected as "stamp
 * missing" ({@link StampedSenders}). Checks each frame where the transport built it; whoever keeps it copies it.
 */
final class FrameJudge implements FrameHandler {
    private final FrameInspector inspector = new FrameInspector();
    private final StampedSenders stampedSenders = new StampedSenders();
    private final FrameAcceptor acceptor;
    private final DecodeVerifier verifier;
    private final ReceiverStats stats;

    FrameJudge(FrameAcceptor acceptor, DecodeVerifier verifier, ReceiverStats stats) {
        this.acceptor = acceptor;
        this.verifier = verifier;
        this.stats = stats;
    }

    @Override
    public boolean frame(InetSocketAddress sender, byte[] frame, int length, int packets) {
        Verdict verdict = inspector.inspect(frame, length);
        if (verdict.kind() == Verdict.Kind.REJECTED) {
            stats.reject(sender, verdict.reason(), packets);
            return false;
        }
        if (verdict.kind() == Verdict.Kind.VERIFIED) {
            stampedSenders.stamped(sender);
        } else if (stampedSenders.mustStamp(sender)) {
            stats.rejectStampMissing(sender, packets);
            return false;
        }
        ReceivedFrame received = new ReceivedFrame(sender, frame, length, verdict.codec(), verdict.stamp(), null,
                packets, verdict.width(), verdict.height());
        if (verdict.kind() == Verdict.Kind.VERIFIED) {
            return acceptor.accept(received);
        }
        verifier.submit(received.copy()); // decoded later, on another thread: it needs its own bytes
        return acceptor.mayShow(sender);
    }
}
