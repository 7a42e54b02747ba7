package udpvideo.transport;

import java.io.IOException;
import udpvideo.codec.Codecs;
import udpvideo.packet.CountdownDepacketizer;
import udpvideo.packet.CountdownPacketizer;

/**
 * The tutorial's transport: each frame cut into countdown datagrams ({@link CountdownPacketizer}), reassembled per
 * sender address ({@link CountdownDepacketizer}). Nothing is resent: a lost datagram loses its frame.
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
        return new UdpTransmitter(settings.target(), new CountdownPacketizer(settings.segmentBytes()),
                settings.lossProbability(), settings.framesPerSecond());
    }

    @Override
    public FrameReceiver openReceiver(Receiving settings) throws IOException {
        // no warning yet when the system grants less than asked: only a frame that does not fit is one
        return UdpFrameReceiver.bind(settings.bind(), settings.receiveBufferBytes(), settings.onlyFrom(),
                () -> new CountdownDepacketizer(Codecs::startsAnyFrame), settings.log());
    }
}
