package udpvideo.transport;

import java.net.InetSocketAddress;

/**
 * How frames arrive at the receiver: countdown datagrams over UDP, length-prefixed frames over TCP. Its
 * {@link #run} is the receive thread's loop, owned by whoever starts that thread; {@link #close()} wakes that
 * thread wherever it blocks and ends the loop.
 */
public interface FrameReceiver extends AutoCloseable {
    /** The address and port it listens on (the real port when 0 was asked for). */
    InetSocketAddress localAddress();

    /**
     * The receive thread's loop: until {@link #close()}, every packet counted in {@code counts} and every frame
     * that completes handed to {@code handler}. Does nothing slow, so nothing backs up while a frame decodes.
     */
    void run(FrameHandler handler, ReceiveCounts counts);

    /**
     * When the first packet of any kind arrived ({@link System#nanoTime}), or 0 before it: what separates the time
     * spent waiting for a sender from the time a frame takes to reach the screen. Any thread.
     */
    default long firstPacketNanos() {
        return 0;
    }

    /** Closes the sockets, which ends {@link #run}. Never throws. */
    @Override
    void close();
}
