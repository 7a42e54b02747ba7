package udpvideo.transport;

/**
 * Where a receiving transport counts what happened to the datagrams it read, so that every datagram lands in
 * exactly one counter of the receiver's stats. Called on the receive thread.
 */
public interface ReceiveCounts {
    /** A datagram was read off the socket, of any kind. */
    void countDatagram();

    /** A datagram that cannot be a packet of the format (empty, countdown 0), or a failed read. */
    void countGarbage();

    /** Frames that will never complete: a packet was missing, duplicated or out of order. */
    void countIncomplete(long frames);

    /** A datagram from an address {@code --from} (or {@code --connect}) does not admit. */
    void countNotAdmitted();

    /**
     * A packet that was a whole frame's but cannot be one (PyShine's base64 that does not decode), counted with
     * the frames the receiver rejects, and why.
     */
    void reject(String reason);
}
