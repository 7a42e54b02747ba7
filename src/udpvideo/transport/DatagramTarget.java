package udpvideo.transport;

import java.net.InetSocketAddress;

/**
 * Where a UDP transmitter sends each frame: one fixed address ({@link FixedTarget}), or one learned from the
 * datagrams that arrive ({@link LearnedTarget}). Read by the sending thread; owned and closed by the transmitter.
 */
interface DatagramTarget extends AutoCloseable {
    /** The address to send the next frame to, or null while there is none yet. */
    InetSocketAddress current();

    /** Waits up to {@code timeoutNanos} until there is an address to send to; returns whether there is. */
    boolean awaitTarget(long timeoutNanos) throws InterruptedException;

    /** Where frames go, for messages: {@code 127.0.0.1:12345}. */
    String description();

    /** Stops whatever it runs to learn its address. Never throws. */
    @Override
    void close();
}
