package udpvideo.transport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;

/**
 * One way frames travel between the two programs: UDP or TCP. {@code --transport} chooses it by name, on both
 * sides; a new transport is one new class and one line in {@link Transports}.
 */
public interface Transport {
    /** The name {@code --transport} takes, such as {@code udp}. */
    String name();

    /**
     * Opens the sender's end.
     *
     * @throws IllegalArgumentException when a setting does not apply to this transport, naming the option
     * @throws IOException              when no socket can be opened
     */
    FrameTransmitter openTransmitter(Sending settings) throws IOException;

    /**
     * Opens the receiver's end, bound and ready.
     *
     * @throws java.net.BindException when the address is in use or not this machine's
     * @throws IOException            when no socket can be opened there
     */
    FrameReceiver openReceiver(Receiving settings) throws IOException;

    /**
     * What the sender's end needs.
     *
     * @param target          the receiver's address; ignored when {@code listen} is set
     * @param segmentBytes    the most frame bytes in one datagram, for transports that cut frames
     * @param lossProbability drop each datagram with this probability before it leaves, to show loss; 0 for none
     * @param framesPerSecond the rate frames come at, so a transport may spread a large frame over its interval;
     *                        0 when they come as fast as they can
     * @param log             where the transport says what it cannot help (a receiver that is not there)
     * @param format          how frames are put into datagrams ({@code --protocol}), for datagram transports
     * @param listen          where to listen for a viewer's hello and stream to whoever said it last
     *                        ({@code --listen}); null to send to {@code target}
     */
    record Sending(InetSocketAddress target, int segmentBytes, double lossProbability, double framesPerSecond,
            PrintStream log, PacketFormat format, InetSocketAddress listen) {
        /** Sending to {@code target} in the default format, the countdown. */
        public Sending(InetSocketAddress target, int segmentBytes, double lossProbability, double framesPerSecond,
                PrintStream log) {
            this(target, segmentBytes, lossProbability, framesPerSecond, log, PacketFormats.defaultFormat(), null);
        }
    }

    /**
     * What the receiver's end needs.
     *
     * @param bind               the local address and port to listen on: an IPv4 address, {@code 0.0.0.0}
     *                           included, listens on IPv4 only; the IPv6 wildcard {@code ::} on both families
     * @param receiveBufferBytes the socket receive buffer to ask for (SO_RCVBUF)
     * @param onlyFrom           admit this address only; null for any
     * @param log                where the transport warns (frames in bursts the receive buffer cannot hold)
     * @param format             how frames are put into datagrams ({@code --protocol}), for datagram transports
     * @param connect            say hello to this server and admit its datagrams only ({@code --connect}); null
     *                           to wait for senders
     */
    record Receiving(InetSocketAddress bind, int receiveBufferBytes, InetAddress onlyFrom, PrintStream log,
            PacketFormat format, InetSocketAddress connect) {
        /** Listening for senders in the default format, the countdown. */
        public Receiving(InetSocketAddress bind, int receiveBufferBytes, InetAddress onlyFrom, PrintStream log) {
            this(bind, receiveBufferBytes, onlyFrom, log, PacketFormats.defaultFormat(), null);
        }
    }
}
