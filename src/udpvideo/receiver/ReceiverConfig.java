package udpvideo.receiver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import udpvideo.packet.PacketFormats;
import udpvideo.transport.Transports;
import udpvideo.transport.UdpTransport;

/**
 * How a receiver listens and what it keeps; validated once, then shared read-only. Built with {@link #onPort},
 * which starts from every default, so a caller names only what it changes and a new option touches this file
 * alone.
 *
 * @param transport     the {@code --transport} name: {@code udp} and its siblings in {@link Transports}
 * @param bind          the local address to listen on; null for every interface
 * @param port          the port; 0 lets the system pick a free one
 * @param onlyFrom      accept frames from this address only; null for any
 * @param record        where to record accepted frames; null for nowhere
 * @param frameLimit    stop after this many accepted frames; 0 for never
 * @param receiveBuffer the socket receive buffer to ask for, in bytes (SO_RCVBUF)
 * @param protocol      the {@code --protocol} name: how frames come in datagrams, {@code countdown} and its
 *                      siblings in {@link PacketFormats}
 * @param connect       say hello to this server and take frames from it alone ({@code --connect}); null to wait
 *                      for senders
 * @param overlay       whether the shown frame rate is drawn over the picture ({@code --no-overlay} turns it off)
 */
public record ReceiverConfig(String transport, InetAddress bind, int port, InetAddress onlyFrom, Path record,
        long frameLimit, int receiveBuffer, String protocol, InetSocketAddress connect, boolean overlay) {
    /** 4 MiB, the UDP transport's: a 1080p JPEG frame's burst of datagrams many times over. */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = UdpTransport.DEFAULT_RECEIVE_BUFFER_BYTES;
    /** The port the classic tutorial uses, and ours by default. */
    public static final int DEFAULT_PORT = PacketFormats.defaultFormat().defaultPort();

    /** Checks the ranges. */
    public ReceiverConfig {
        Transports.named(transport); // throws, naming the transports there are
        PacketFormats.named(protocol); // likewise
        if (connect != null && onlyFrom != null) {
            throw new IllegalArgumentException("--from and --connect both say whose frames to take: --connect"
                    + " takes only the server's; give one of them");
        }
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

    /** Every default, listening on {@code port}: UDP on every interface, any sender, no recording, no limit. */
    public static Builder onPort(int port) {
        return new Builder(port);
    }

    /** A configuration under construction: every setter returns the builder; {@link #build} validates. */
    public static final class Builder {
        private final int port;
        private String transport = Transports.defaultTransport().name();
        private InetAddress bind;
        private InetAddress onlyFrom;
        private Path record;
        private long frameLimit;
        private int receiveBuffer = DEFAULT_RECEIVE_BUFFER_BYTES;
        private String protocol = PacketFormats.defaultFormat().name();
        private InetSocketAddress connect;
        private boolean overlay = true;

        private Builder(int port) {
            this.port = port;
        }

        /** {@code --transport}. */
        public Builder transport(String value) {
            transport = value;
            return this;
        }

        /** {@code --bind}; null for every interface. */
        public Builder bind(InetAddress value) {
            bind = value;
            return this;
        }

        /** {@code --from}; null for any sender. */
        public Builder onlyFrom(InetAddress value) {
            onlyFrom = value;
            return this;
        }

        /** {@code --record}; null for none. */
        public Builder record(Path value) {
            record = value;
            return this;
        }

        /** {@code --frames}; 0 for no limit. */
        public Builder frameLimit(long value) {
            frameLimit = value;
            return this;
        }

        /** {@code --rcvbuf}. */
        public Builder receiveBuffer(int value) {
            receiveBuffer = value;
            return this;
        }

        /** {@code --protocol}. */
        public Builder protocol(String value) {
            protocol = value;
            return this;
        }

        /** {@code --connect}; null to wait for senders. */
        public Builder connect(InetSocketAddress value) {
            connect = value;
            return this;
        }

        /** {@code --no-overlay} sets it false. */
        public Builder overlay(boolean value) {
            overlay = value;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws IllegalArgumentException naming the setting that is out of range
         */
        public ReceiverConfig build() {
            return new ReceiverConfig(transport, bind, port, onlyFrom, record, frameLimit, receiveBuffer, protocol,
                    connect, overlay);
        }
    }
}
