package udpvideo.packet;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * Takes PyShine's datagrams apart: each one is a whole frame in base64, so nothing is reassembled and no frame
 * can be incomplete. A datagram that is not valid base64 (RFC 4648's standard alphabet; padding may be left off,
 * nothing else may differ) is rejected with the reason; what the base64 holds is judged later, like any frame.
 *
 * <p>Not thread-safe: the receive thread owns one per sender address.
 */
public final class PyShineDepacketizer implements Depacketizer {
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /** The frame decoded from the last datagram; a new array for each. */
    private byte[] frame;
    /** Why the last datagram was rejected; null when it was not. */
    private String rejection;

    @Override
    public Step accept(byte[] packet, int offset, int length) {
        frame = null;
        rejection = null;
        if (length == 0) {
            return Step.GARBAGE; // nothing to judge
        }
        ByteBuffer decoded;
        try {
            decoded = BASE64.decode(ByteBuffer.wrap(packet, offset, length));
        } catch (IllegalArgumentException e) {
            rejection = "not valid base64: " + e.getMessage();
            return Step.REJECTED;
        }
        if (!decoded.hasRemaining()) {
            rejection = "base64 of no bytes at all"; // "=" alone, say: nothing a codec could read
            return Step.REJECTED;
        }
        frame = new byte[decoded.remaining()];
        decoded.get(frame);
        return Step.COMPLETE;
    }

    @Override
    public byte[] completedBuffer() {
        if (frame == null) {
            throw new IllegalStateException("no complete frame: accept() must return COMPLETE first");
        }
        return frame;
    }

    @Override
    public int completedLength() {
        return frame == null ? 0 : frame.length;
    }

    /** Always 1: a frame is one datagram. */
    @Override
    public int completedPackets() {
        return 1;
    }

    /** Always 0: a frame is one datagram, so none can be left partial. */
    @Override
    public long incompleteFrames() {
        return 0;
    }

    /** Always 0: nothing is ever left partial. */
    @Override
    public long droppedPackets() {
        return 0;
    }

    /** Nothing to drop: every datagram is a frame or nothing. */
    @Override
    public void abandon() {
        frame = null;
    }

    /** The last frame's bytes, held until the next datagram. */
    @Override
    public long retainedBytes() {
        return frame == null ? 0 : frame.length;
    }

    @Override
    public String rejectionReason() {
        return rejection;
    }
}
