package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The viewer's hello ({@code --connect}), over loopback, at short intervals so the test need not wait seconds:
 * from the viewer's own socket, repeated quickly until a frame came back, then slowly.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HelloSenderTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long QUICK_MS = 100;
    private static final long SLOW_MS = 3_000;
    /** Longer than a quick interval many times over, and well short of a slow one. */
    private static final int WAIT_MS = 1_000;

    private static String receiveHello(DatagramSocket server, InetSocketAddress expectedFrom) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[64], 64);
        server.receive(packet);
        assertEquals(expectedFrom, packet.getSocketAddress(), "the hello comes from the viewer's own socket");
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    @Test
    void saysHelloQuicklyUntilAFrameCameThenSlowly() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int serverPort;
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
                DatagramSocket viewer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(WAIT_MS);
            serverPort = server.getLocalPort();
            InetSocketAddress viewerAddress = (InetSocketAddress) viewer.getLocalSocketAddress();
            try (HelloSender hello = new HelloSender(viewer, (InetSocketAddress) server.getLocalSocketAddress(),
                    QUICK_MS, SLOW_MS, new PrintStream(log, true, StandardCharsets.UTF_8))) {
                hello.start();
                for (int i = 0; i < 3; i++) { // three within a second each: the quick pace
                    assertEquals("Hello", receiveHello(server, viewerAddress));
                }
                hello.heard();
                server.setSoTimeout((int) (5 * QUICK_MS));
                try {
                    receiveHello(server, viewerAddress); // one may have been on its way at the quick pace
                } catch (SocketTimeoutException e) {
                    // none was
                }
                server.setSoTimeout(WAIT_MS);
                assertThrows(SocketTimeoutException.class, () -> receiveHello(server, viewerAddress),
                        "no hello for a second once frames come: the slow pace");
            }
        }
        assertEquals("saying hello to 127.0.0.1:" + serverPort + " every 100 ms until frames come, then every 3 s",
                log.toString(StandardCharsets.UTF_8).strip());
    }
}
