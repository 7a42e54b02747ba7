package udpvideo.transport;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import udpvideo.packet.PacketFormat;
import udpvideo.packet.PacketFormats;

/**
 * The length-prefixed tutorial's transport: the receiver listens, the sender connects, and each frame travels as
 * {@code [4-byte big-endian length][frame]} ({@link udpvideo.packet.LengthPrefix}). TCP loses and reorders
 * nothing, but a lost segment delays every frame behind it; so the sender keeps at most one frame in flight and
 * a newer frame replaces one not yet sent ({@link TcpTransmitter}).
 */
final class TcpTransport implements Transport {
    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public FrameTransmitter openTransmitter(Sending settings) {
        if (settings.lossProbability() > 0) {
            throw new IllegalArgumentException("--simulate-loss drops datagrams, and --transport tcp sends none;"
                    + " use --transport udp to see loss");
        }
        refuseDatagramSettings(settings.format(), settings.listen() != null, "--listen");
        return new TcpTransmitter(settings.target(), settings.log());
    }

    @Override
    public FrameReceiver openReceiver(Receiving settings) throws IOException {
        refuseDatagramSettings(settings.format(), settings.connect() != null, "--connect");
        // an IPv4 address, 0.0.0.0 included, listens on IPv4 only, as asked; Java's own sockets would take IPv6 too
        ServerSocket server = settings.bind().getAddress() instanceof Inet4Address
                ? ServerSocketChannel.open(StandardProtocolFamily.INET).socket() : new ServerSocket();
        try {
            server.setReceiveBufferSize(settings.receiveBufferBytes()); // before bind: it sets the TCP window
            server.bind(settings.bind());
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new TcpFrameReceiver(server, settings.onlyFrom(), settings.log());
    }

    /**
     * TCP carries each frame behind its length: a packet format other than the default, or a hello handshake
     * ({@code option}), is UDP's and does not apply.
     */
    private static void refuseDatagramSettings(PacketFormat format, boolean isHandshake, String option) {
        if (!format.equals(PacketFormats.defaultFormat())) {
            throw new IllegalArgumentException("--protocol " + format.name() + " puts frames into datagrams, and"
                    + " --transport tcp sends none; use --transport udp");
        }
        if (isHandshake) {
            throw new IllegalArgumentException(option + " is UDP's hello handshake; with --transport tcp the"
                    + " receiver listens and the sender connects");
        }
    }
}
