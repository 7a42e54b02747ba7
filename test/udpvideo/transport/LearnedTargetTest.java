package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.packet.PacketFormats;

/**
 * A transmitter that learns where to send from the datagrams that arrive ({@code --listen}), over loopback:
 * nothing leaves before a hello, frames go to whoever said hello, and a second viewer's hello moves the stream.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LearnedTargetTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** How long a viewer waits for a frame it should get, and how long one it should not get may take to come. */
    private static final int RECEIVE_MS = 2_000;
    private static final int SILENCE_MS = 300;
    /** The most frames sent while waiting for the listening thread to take in a second viewer's hello. */
    private static final int MOVE_ATTEMPTS = 100;
    private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private FrameTransmitter transmitter;
    private InetSocketAddress listening;

    @BeforeEach
    void listen() throws Exception {
        transmitter = new UdpTransport().openTransmitter(new Transport.Sending(null, 0, 0, 30,
                new PrintStream(log, true, StandardCharsets.UTF_8), PacketFormats.named("pyshine"),
                new InetSocketAddress(LOOPBACK, 0)));
        String where = transmitter.destination();
        assertTrue(where.startsWith("whoever says hello on 127.0.0.1:"), where);
        listening = new InetSocketAddress(LOOPBACK, Integer.parseInt(where.substring(where.lastIndexOf(':') + 1)));
    }

    @AfterEach
    void close() {
        transmitter.close();
    }

    private static DatagramSocket viewer() throws Exception {
        DatagramSocket viewer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        viewer.setSoTimeout(RECEIVE_MS);
        return viewer;
    }

    private void sayHello(DatagramSocket viewer) throws Exception {
        byte[] hello = "Hello".getBytes(StandardCharsets.US_ASCII);
        viewer.send(new DatagramPacket(hello, hello.length, listening));
    }

    /** The frame in the next datagram {@code viewer} gets, base64 decoded; fails after {@link #RECEIVE_MS}. */
    private static byte[] nextFrame(DatagramSocket viewer) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        viewer.receive(packet);
        return java.util.Base64.getDecoder().decode(Arrays.copyOf(packet.getData(), packet.getLength()));
    }

    private int send(byte[] frame) throws Exception {
        return transmitter.send(frame, frame.length);
    }

    @Test
    void hasNowhereToSendUntilAViewerSaysHelloAndSaysOnceThatItWaits() throws Exception {
        assertFalse(transmitter.awaitDestination(TimeUnit.MILLISECONDS.toNanos(50)));
        assertFalse(transmitter.awaitDestination(TimeUnit.MILLISECONDS.toNanos(50)));
        assertThrows(IllegalStateException.class, () -> send(new byte[] {1, 2, 3}));
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals("waiting for a viewer to say hello on 127.0.0.1:" + listening.getPort()
                + "; nothing is sent until one does" + System.lineSeparator(), said);
    }

    @Test
    void streamsToTheViewerThatSaidHelloFromThePortItSaidHelloTo() throws Exception {
        try (DatagramSocket viewer = viewer()) {
            sayHello(viewer);
            assertTrue(transmitter.awaitDestination(AWAIT_NANOS), "the hello was heard");
            byte[] frame = {(byte) 0xFF, (byte) 0xD8, 42, (byte) 0xFF, (byte) 0xD9};
            assertEquals(1, send(frame));
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            viewer.receive(packet);
            assertEquals(listening, packet.getSocketAddress(), "frames come from where the hello went");
            assertArrayEquals(frame, java.util.Base64.getDecoder().decode(
                    Arrays.copyOf(packet.getData(), packet.getLength())));
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("streaming to 127.0.0.1:"), log.toString());
    }

    @Test
    void aSecondViewersHelloMovesTheStreamToIt() throws Exception {
        try (DatagramSocket first = viewer(); DatagramSocket second = viewer()) {
            sayHello(first);
            assertTrue(transmitter.awaitDestination(AWAIT_NANOS));
            assertArrayEquals(new byte[] {1}, sendAndReceive(new byte[] {1}, first));
            sayHello(second);
            // the listening thread takes the hello in on its own time: send until the second viewer gets one
            second.setSoTimeout(50);
            int moved = -1;
            for (int i = 0; i < MOVE_ATTEMPTS && moved < 0; i++) {
                send(new byte[] {2, (byte) i});
                try {
                    moved = nextFrame(second)[1];
                } catch (SocketTimeoutException e) {
                    // not moved yet: the frame went to the first viewer
                }
            }
            assertTrue(moved >= 0, "no frame reached the second viewer in " + MOVE_ATTEMPTS + " frames");
            drainFramesBefore(first, moved);
            send(new byte[] {3});
            second.setSoTimeout(RECEIVE_MS);
            assertArrayEquals(new byte[] {3}, nextFrame(second));
            first.setSoTimeout(SILENCE_MS);
            assertThrows(SocketTimeoutException.class, () -> nextFrame(first), "the first viewer gets no more");
        }
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains(" said hello: streaming to it instead of 127.0.0.1:"), said);
    }

    @Test
    void theSameViewerSayingHelloAgainChangesNothing() throws Exception {
        try (DatagramSocket viewer = viewer()) {
            sayHello(viewer);
            assertTrue(transmitter.awaitDestination(AWAIT_NANOS));
            sayHello(viewer);
            sayHello(viewer);
            assertArrayEquals(new byte[] {7}, sendAndReceive(new byte[] {7}, viewer));
        }
        String said = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().filter(line -> line.contains("hello")).filter(line -> !line.startsWith(
                "waiting")).count(), said);
    }

    private byte[] sendAndReceive(byte[] frame, DatagramSocket viewer) throws Exception {
        send(frame);
        return nextFrame(viewer);
    }

    /** Reads the frames the first viewer got while the hello was on its way: those sent before {@code moved}. */
    private static void drainFramesBefore(DatagramSocket first, int moved) throws Exception {
        first.setSoTimeout(RECEIVE_MS);
        for (int i = 0; i < moved; i++) {
            assertEquals(i, nextFrame(first)[1], "the first viewer's frames, in order");
        }
    }
}
