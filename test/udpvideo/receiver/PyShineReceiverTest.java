package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpvideo.cli.StopSignal;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.sink.MjpegReader;
import udpvideo.viewer.OffscreenView;

/**
 * The whole receiver with {@code --protocol pyshine --connect}, on loopback, against a server played by a bare
 * socket: good frames are accepted and recorded byte for byte, and bad base64, a broken JPEG and a decompression
 * bomb are each rejected with their reason, as the same limits hold for unstamped frames of one datagram.
 */
@Timeout(30)
class PyShineReceiverTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void acceptsGoodFramesAndRejectsBadBase64BrokenJpegsAndBombsWithTheirReasons() throws Exception {
        Path recording = dir.resolve("received.mjpeg");
        byte[] first = TestJpegs.jpeg(160, 90, 1);
        byte[] second = TestJpegs.jpeg(160, 90, 2);
        try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            server.setSoTimeout(5_000);
            ReceiverConfig config = ReceiverConfig.onPort(0)
                    .bind(LOOPBACK)
                    .protocol("pyshine")
                    .connect((InetSocketAddress) server.getLocalSocketAddress())
                    .record(recording)
                    .build();
            try (Receiver receiver = Receiver.start(config, new OffscreenView(Loopback.quiet()), new StopSignal(),
                    Loopback.quiet())) {
                DatagramPacket hello = new DatagramPacket(new byte[64], 64);
                server.receive(hello);
                InetSocketAddress viewer = (InetSocketAddress) hello.getSocketAddress();
                ReceiverStats stats = receiver.stats();

                send(server, Base64.getEncoder().encode(first), viewer);
                Loopback.awaitTrue(() -> stats.accepted() == 1, 5_000, "the first frame accepted");
                send(server, "not base64!".getBytes(StandardCharsets.US_ASCII), viewer);
                assertRejected(stats, 1, "not valid base64: ");
                send(server, Base64.getEncoder().encode(Arrays.copyOf(first, first.length / 2)), viewer);
                assertRejected(stats, 2, "malformed JPEG: ");
                byte[] bomb = TestJpegs.withDeclaredSize(TestJpegs.jpeg(64, 48, 3), 60_000, 60_000);
                send(server, Base64.getEncoder().encode(bomb), viewer);
                assertRejected(stats, 3, "image size 60000x60000 is outside 1x1..8192x8192");
                send(server, Base64.getEncoder().encode(second), viewer);
                Loopback.awaitTrue(() -> stats.accepted() == 2, 5_000, "the second frame accepted");
                assertEquals(0, stats.incomplete());
            }
        }
        List<byte[]> recorded = MjpegReader.readFrames(recording);
        assertEquals(2, recorded.size(), "the good frames and nothing else");
        assertArrayEquals(first, recorded.get(0));
        assertArrayEquals(second, recorded.get(1));
    }

    private static void send(DatagramSocket server, byte[] datagram, InetSocketAddress viewer) throws Exception {
        server.send(new DatagramPacket(datagram, datagram.length, viewer));
    }

    private static void assertRejected(ReceiverStats stats, long count, String reason) throws Exception {
        Loopback.awaitTrue(() -> stats.rejected() == count, 5_000, count + " frames rejected");
        assertTrue(stats.lastRejection().startsWith(reason), stats.lastRejection());
    }
}
