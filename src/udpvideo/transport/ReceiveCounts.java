package udpvideo.transport;

import java.net.InetSocketAddress;

/**
 * Where a receiving transport counts what happened to the packets it read (UDP's datagrams; TCP's framed
 * messages), so that every packet lands in exactly one counter of the receiver's stats: garbage, not admitted,
 * part of an incomplete frame, or part of a frame handed on. Called on the receive thread.
 */
public interface ReceiveCounts {
    /** A packet was read, of any kind. */
    void countDatagram();

    /** A packet that cannot be one of the format (empty, countdown 0, a length beyond the limit). */
    void countGarbage();

    /** A read that failed and so brought no packet; the transport goes on. */
    void countReceiveError();

    /**
     * Frames from {@code sender} that will never complete (a packet was missing, duplicated or out of order, or
     * the sender was forgotten mid-frame), and the {@code packets} dropped with them.
     */
    void countIncomplete(InetSocketAddress sender, long frames, long packets);

    /** A packet from {@code sender}, which {@code --from} (or {@code --connect}) does not admit. */
    void countNotAdmitted(InetSocketAddress sender);

    /** A sender forgotten to keep what the receiver holds for strangers within its bounds. */
    void countSenderForgotten();

    /**
     * A frame of {@code packets} from {@code sender} that cannot be one (PyShine's base64 that does not decode),
     * counted with the frames the receiver rejects, and why.
     */
    void reject(InetSocketAddress sender, String reason, int packets);
}
