package udpvideo.transport;

import java.net.InetSocketAddress;

/** Takes each frame a receiving transport has put together, on the receive thread. */
@FunctionalInterface
public interface FrameHandler {
    /**
     * One complete frame, {@code frame[0, length)}: the transport's own buffer, valid only during the call, so a
     * handler that keeps the frame copies it.
     *
     * @param sender  where its packets came from
     * @param packets how many packets it was made of
     * @return whether the frame was taken from a sender the receiver listens to: the transport then keeps that
     *         sender's state safe from a crowd of strangers (UDP's {@code SenderTable})
     */
    boolean frame(InetSocketAddress sender, byte[] frame, int length, int packets);
}
