package udpvideo.receiver;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Random;

/**
 * A loopback relay that forwards datagrams to a receiver while misbehaving like a bad network: it drops some,
 * duplicates some, and holds some back to send after the next one (a swap). Seeded, so a failure repeats.
 * Its thread runs until {@link #close()}.
 */
final class LossyRelay implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress target;
    private final Random random;
    private final double dropProbability;
    private final double duplicateProbability;
    private final double swapProbability;
    private final Thread thread;
    /** Counts, read after close(). */
    volatile long forwarded;
    volatile long dropped;
    volatile long duplicated;
    volatile long swapped;

    LossyRelay(InetSocketAddress target, long seed, double drop, double duplicate, double swap)
            throws SocketException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setReceiveBufferSize(4 << 20);
        this.target = target;
        this.random = new Random(seed);
        this.dropProbability = drop;
        this.duplicateProbability = duplicate;
        this.swapProbability = swap;
        this.thread = new Thread(this::run, "test-lossy-relay");
        this.thread.start();
    }

    /** Where a sender should send to pass through the relay. */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private void run() {
        byte[] buffer = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        byte[] held = null;
        try {
            while (true) {
                packet.setLength(buffer.length);
                socket.receive(packet);
                byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
                double roll = random.nextDouble();
                if (roll < dropProbability) {
                    dropped++;
                    continue;
                }
                if (held == null && roll < dropProbability + swapProbability) {
                    held = datagram; // goes out after the next one
                    swapped++;
                    continue;
                }
                forward(datagram);
                if (roll > 1 - duplicateProbability) {
                    forward(datagram);
                    duplicated++;
                }
                if (held != null) {
                    forward(held);
                    held = null;
                }
            }
        } catch (IOException e) {
            // closed: the relay's normal end
        }
    }

    private void forward(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, target));
        forwarded++;
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
