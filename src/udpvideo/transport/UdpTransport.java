package udpvideo.transport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.BindException;
import udpvideo.codec.Codecs;
import udpvideo.packet.PacketFormat;

/**
 * The tutorials' transport: each frame put into datagrams by the packet format {@code --protocol} names (the
 * classic tutorial's countdown by default, or PyShine's one base64 datagram), and taken apart by one depacketizer
 * per sender address. Nothing is resent: a lost datagram loses its frame.
 *
 * <p>The sender sends to the address given, or, with {@code --listen}, to whoever said hello last on its port
 * ({@link LearnedTarget}); the receiver waits for senders, or, with {@code --connect}, says hello to a server
 * ({@link HelloSender}) and takes its datagrams only.
 */
public final class UdpTransport implements Transport {
    /**
     * The receive buffer a receiver asks for by default, 4 MiB: a 1080p JPEG frame's burst of datagrams (about
     * 0.3 MB) many times over, and a raw 720p frame (2.7 MB) whole. A frame larger than this is spread over its
     * frame interval ({@link UdpTransmitter}).
     */
    public static final int DEFAULT_RECEIVE_BUFFER_BYTES = 4 * 1024 * 1024;

    @Override
    public String name() {
        return "udp";
    }

    @Override
    public FrameTransmitter openTransmitter(Sending settings) throws IOException {
        PacketFormat format = settings.format();
        if (settings.listen() == null) {
            return new UdpTransmitter(settings.target(), format.newPacketizer(settings.segmentBytes()),
                    settings.lossProbability(), settings.framesPerSecond());
        }
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(settings.listen());
        } catch (BindException e) { // say where: the JDK's message names no port
            InetSocketAddress listen = settings.listen();
            String where = listen.getAddress().isAnyLocalAddress()
                    ? "port " + listen.getPort() + " (every interface)" : Addresses.format(listen);
            throw (BindException) new BindException("cannot listen on " + where + ": " + e.getMessage())
                    .initCause(e);
        }
        return UdpTransmitter.learningTarget(socket, format.newPacketizer(settings.segmentBytes()),
                settings.lossProbability(), settings.framesPerSecond(), settings.log());
    }

    @Override
    public FrameReceiver openReceiver(Receiving settings) throws IOException {
        // no warning yet when the system grants less than asked: only a frame that does not fit is one
        PacketFormat format = settings.format();
        return UdpFrameReceiver.bind(settings.bind(), settings.receiveBufferBytes(), settings.onlyFrom(),
                settings.connect(), () -> format.newDepacketizer(Codecs::startsAnyFrame), settings.log());
    }
}
