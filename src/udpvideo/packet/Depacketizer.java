package udpvideo.packet;

/**
 * Rebuilds one sender's frames from its packets, trusting nothing: a packet that does not continue the frame in
 * progress drops that frame (counted as incomplete), and the next frame starts at a packet whose payload begins
 * as a frame does ({@link FrameStart}). Not thread-safe: the receive thread owns one per sender address.
 */
public interface Depacketizer {
    /** What one packet did to the depacketizer. */
    enum Step {
        /** The packet was added; the frame is not complete yet. */
        PARTIAL,
        /** The frame's last packet arrived: {@link #completedBuffer()} holds the frame. */
        COMPLETE,
        /** The packet belongs to a frame already lost (its start was never seen) and was dropped. */
        DROPPED,
        /** The packet cannot be one of this format's (empty, malformed header) and was ignored. */
        GARBAGE,
        /**
         * The packet was meant as a whole frame but its bytes cannot be one (PyShine's base64 that does not
         * decode); {@link #rejectionReason()} says why.
         */
        REJECTED
    }

    /** Offers one packet as received, {@code packet[offset, offset + length)}. */
    Step accept(byte[] packet, int offset, int length);

    /**
     * The buffer holding the frame just completed, from index 0, {@link #completedLength()} bytes long; no copy.
     * Valid until the next {@link #accept}, which may overwrite it.
     */
    byte[] completedBuffer();

    /** The length of the frame just completed. */
    int completedLength();

    /** How many packets the frame last completed was made of. */
    int completedPackets();

    /** Frames lost so far: partial frames whose run broke or were abandoned, and tails whose start never came. */
    long incompleteFrames();

    /**
     * Packets dropped so far as parts of {@link #incompleteFrames()}: every packet offered is, in the end, garbage,
     * one of a completed frame's, one of a rejected one's, one of these, or one of the frame in progress.
     */
    long droppedPackets();

    /**
     * Drops the frame in progress, if any, counting it and its packets as incomplete, and gives back memory beyond
     * a datagram's worth: the receiver calls it when it forgets this sender or stops, and may then reuse this
     * depacketizer for another sender.
     */
    void abandon();

    /** Bytes this depacketizer holds on to (its buffer), for the receiver's bound on memory. */
    long retainedBytes();

    /**
     * Why the last packet was {@link Step#REJECTED}, for the receiver's count of rejected frames; null after any
     * other step. A format that never rejects (the countdown leaves every judgement to the inspector) keeps this
     * default.
     */
    default String rejectionReason() {
        return null;
    }
}
