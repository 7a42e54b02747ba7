package udpvideo.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Random;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.packet.Packetizer;

/**
 * Sends a frame as its packetizer's datagrams, optionally dropping some on purpose ({@code --simulate-loss}) so a
 * class can see what loss does. A failed send (no route, buffer full) is counted and the rest of the stream goes
 * on: UDP promises nothing, and a receiver that is not there yet must not stop the sender.
 *
 * <p>The socket is unconnected, so an ICMP "port unreachable" from a host with no receiver is never reported
 * back as an error. Owned and closed by the sender; one sending thread at a time sends, in frame order.
 */
final class UdpTransmitter implements FrameTransmitter {
    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Packetizer packetizer;
    private final double lossProbability;
    private final Random random = new Random();
    /** One datagram's bytes, reused for every datagram. */
    private final byte[] datagram;
    private final DatagramPacket packet;
    private long datagramsDropped;
    private long sendErrors;
    private String lastSendError;

    /**
     * A transmitter to {@code target} from a new socket on any free port.
     *
     * @param lossProbability drop each datagram with this probability before it leaves; 0 for none
     * @throws IOException when no UDP socket can be opened
     */
    UdpTransmitter(InetSocketAddress target, Packetizer packetizer, double lossProbability)
            throws IOException {
        this.socket = new DatagramSocket();
        this.target = target;
        this.packetizer = packetizer;
        this.lossProbability = lossProbability;
        this.datagram = new byte[packetizer.maxPacketBytes()];
        this.packet = new DatagramPacket(datagram, datagram.length, target);
    }

    @Override
    public int send(byte[] frame, int frameLength) throws FrameTooLargeException {
        int packets = packetizer.packetCount(frameLength);
        for (int i = 0; i < packets; i++) {
            int length = packetizer.writePacket(frame, frameLength, i, datagram);
            if (lossProbability > 0 && random.nextDouble() < lossProbability) {
                datagramsDropped++;
                continue;
            }
            packet.setData(datagram, 0, length);
            try {
                socket.send(packet);
            } catch (IOException e) {
                sendErrors++; // transient: the next datagram may well go through
                lastSendError = e.getMessage();
            }
        }
        return packets;
    }

    @Override
    public TransmitCounts counts() {
        return new TransmitCounts(datagramsDropped, sendErrors, lastSendError, 0);
    }

    @Override
    public String destination() {
        return Addresses.format(target);
    }

    @Override
    public void close() {
        socket.close();
    }
}
