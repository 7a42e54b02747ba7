package udpvideo.receiver;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * How a receiver listens and what it keeps; validated once, then shared read-only.
 *
 * @param bind          the local address to listen on; null for every interface
 * @param port          the UDP port; 0 lets the system pick a free one
 * @param onlyFrom      accept datagrams from this address only; null for any
 * @param record        where to record accepted frames; null for nowhere
 * @param frameLimit    stop after this many accepted frames; 0 for never
 * @param receiveBuffer the socket receive buffer to ask for, in bytes (SO_RCVBUF)
 */
public record ReceiverConfig(InetAddress bind, int port, InetAddress onlyFrom, Path record, long frameLimit,
        int receiveBuffer) {
    /** 4 MiB: a 1080p frame's burst of datagrams (about 0.5 MB) many times over. */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;
    /** The port the tutorial uses, and ours by default. */
    public static final int DEFAULT_PORT = 12345;

    /** Checks the ranges. */
    public ReceiverConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (frameLimit < 0) {
            throw new IllegalArgumentException("frame limit must be 0 (none) or more, was " + frameLimit);
        }
        if (receiveBuffer < 1) {
            throw new IllegalArgumentException("receive buffer must be positive, was " + receiveBuffer);
        }
    }
}
