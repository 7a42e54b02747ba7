package udpvideo.sender;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Random;
import udpvideo.packet.FrameTooLargeException;
import udpvideo.packet.CountdownPacketizer;

/**
 * Sends a frame as its datagrams, optionally dropping some on purpose ({@code --simulate-loss}) so a class can
 * see what loss does. A failed send (no route, buffer full) is counted and the rest of the stream goes on: UDP
 * promises nothing, and a receiver that is not there yet must not stop the sender.
 *
 * <p>The socket is unconnected, so an ICMP "port unreachable" from a host with no receiver is never reported
 * back as an error. Owned and closed by the {@link Sender}; one thread sends.
 */
final class DatagramTransmitter implements AutoCloseable {
    private final DatagramSocket socket;
    private final CountdownPacketizer segmenter;
    private final double lossProbability;
    private final Random random = new Random();
    /** One datagram's bytes, reused for every datagram. */
    private final byte[] datagram;
    private final DatagramPacket packet;
    private long datagramsDropped;
    private long sendErrors;
    private String lastSendError;

    DatagramTransmitter(InetSocketAddress target, CountdownPacketizer segmenter, double lossProbability) throws IOException {
        this.socket = new DatagramSocket();
        this.segmenter = segmenter;
        this.lossProbability = lossProbability;
        this.datagram = new byte[segmenter.maxPacketBytes()];
        this.packet = new DatagramPacket(datagram, datagram.length, target);
    }

    /**
     * Sends the frame in {@code frame[0, frameLength)}; returns how many datagrams it was cut into (including any
     * dropped on purpose).
     *
     * @throws FrameTooLargeException when it needs more than 255 datagrams: nothing is sent
     */
    int send(byte[] frame, int frameLength) throws FrameTooLargeException {
        int segments = segmenter.packetCount(frameLength);
        for (int i = 0; i < segments; i++) {
            int length = segmenter.writePacket(frame, frameLength, i, datagram);
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
        return segments;
    }

    /** Datagrams dropped by {@code --simulate-loss}. */
    long datagramsDropped() {
        return datagramsDropped;
    }

    /** Datagrams the operating system refused to send. */
    long sendErrors() {
        return sendErrors;
    }

    /** The last send error's message, or null. */
    String lastSendError() {
        return lastSendError;
    }

    @Override
    public void close() {
        socket.close();
    }
}
