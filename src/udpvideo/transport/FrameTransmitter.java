package udpvideo.transport;

import udpvideo.packet.FrameTooLargeException;

/**
 * How the sender's encoded frames leave this machine: as datagrams over UDP, or over a TCP connection. The
 * sending thread calls it one frame at a time, in frame order; its owner, the sender, closes it.
 */
public interface FrameTransmitter extends AutoCloseable {
    /**
     * Sends the frame in {@code frame[0, length)} and returns how many packets it went as (including any dropped
     * on purpose by {@code --simulate-loss}). A transport that cannot deliver just now counts the failure and
     * returns: the stream goes on.
     *
     * @throws FrameTooLargeException when the transport cannot carry a frame that large: nothing was sent
     */
    int send(byte[] frame, int length) throws FrameTooLargeException;

    /**
     * Waits up to {@code timeoutNanos} until there is somewhere to send, and returns whether there is: at once
     * for an address given up front; for one learned from the datagrams that arrive ({@code --listen}), until a
     * viewer said hello. {@link #send} must not be called before this returned true.
     */
    default boolean awaitDestination(long timeoutNanos) throws InterruptedException {
        return true;
    }

    /** What went wrong so far, for the once-a-second line and the summary. */
    TransmitCounts counts();

    /** Where frames go, for messages: {@code 127.0.0.1:12345}. */
    String destination();

    /** Closes the socket. Never throws. */
    @Override
    void close();
}
