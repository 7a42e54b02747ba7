package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.packet.PacketFormats;

/**
 * The UDP receiving end with {@code --connect} and {@code --protocol pyshine}, over loopback, against a server
 * played by a bare socket: it says hello from the socket it receives on, takes the server's frames, rejects
 * bad base64 with the reason, and admits no one else.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConnectedReceiverTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long WAIT_SECONDS = 5;

        private final CountsSeen counts = new CountsSeen();
    private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(16);
    private DatagramSocket server;
    private FrameReceiver receiver;
    private Thread receiveThread;

    @BeforeEach
    void connect() throws Exception {
        server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        server.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        receiver = new UdpTransport().openReceiver(new Transport.Receiving(new InetSocketAddress(LOOPBACK, 0),
                1 << 20, null, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                PacketFormats.named("pyshine"), (InetSocketAddress) server.getLocalSocketAddress()));
        receiveThread = new Thread(() -> receiver.run(
                (sender, frame, length, packets) -> frames.add(Arrays.copyOf(frame, length)), counts),
                "test-receive");
        receiveThread.start();
    }

    @AfterEach
    void close() throws Exception {
        receiver.close();
        receiveThread.join(5_000);
        server.close();
    }

    /** Waits for the viewer's hello, checks it, and returns where it came from. */
    private InetSocketAddress awaitHello() throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
        server.receive(packet);
        assertEquals("Hello", new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII));
        return (InetSocketAddress) packet.getSocketAddress();
    }

    private static void send(DatagramSocket from, byte[] datagram, InetSocketAddress to) throws Exception {
        from.send(new DatagramPacket(datagram, datagram.length, to));
    }

    @Test
    void saysHelloFromItsOwnSocketAndTakesTheFramesThatComeBack() throws Exception {
        InetSocketAddress viewer = awaitHello();
        assertEquals(receiver.localAddress().getPort(), viewer.getPort(), "hello from the receiving socket");
        byte[] jpeg = TestJpegs.jpeg(160, 90, 3);
        send(server, Base64.getEncoder().encode(jpeg), viewer);
        assertArrayEquals(jpeg, frames.poll(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void rejectsADatagramThatIsNotBase64WithTheReason() throws Exception {
        InetSocketAddress viewer = awaitHello();
        send(server, TestJpegs.jpeg(64, 48, 1), viewer); // a raw JPEG: PyShine's format wants it in base64
        String reason = counts.rejections.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(reason != null && reason.startsWith("not valid base64: "), String.valueOf(reason));
        assertEquals(0, frames.size());
    }

    @Test
    void admitsNoDatagramFromAnyoneButTheServer() throws Exception {
        InetSocketAddress viewer = awaitHello();
        byte[] stranger = Base64.getEncoder().encode(TestJpegs.jpeg(64, 48, 1));
        byte[] fromServer = Base64.getEncoder().encode(TestJpegs.jpeg(64, 48, 2));
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            send(other, stranger, viewer);
        }
        send(server, fromServer, viewer); // after the stranger's: once it is here, the stranger's was read
        List<byte[]> got = new ArrayList<>();
        got.add(frames.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertArrayEquals(Base64.getDecoder().decode(fromServer), got.get(0), "the server's frame alone");
        assertEquals(1, counts.notAdmitted.get(), "the stranger's datagram, counted");
        assertEquals(0, frames.size());
    }
}
