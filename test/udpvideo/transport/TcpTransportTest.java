package udpvideo.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The TCP transport over loopback: frames whole and in order, a receiver that restarts, strangers' lengths. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpTransportTest {
    private static final Transport TCP = Transports.named("tcp");
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    /** Frames the running receiver handed over, in order. */
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final CountsSeen counts = new CountsSeen();
    private FrameReceiver receiver;
    private Thread receiveThread;

        private InetSocketAddress startReceiver(InetSocketAddress bind) throws Exception {
        receiver = TCP.openReceiver(new Transport.Receiving(bind, 1 << 20, null, log));
        FrameReceiver running = receiver;
        receiveThread = new Thread(() -> running.run(
                (sender, frame, length, packets) -> received.add(Arrays.copyOf(frame, length)), counts),
                "test-tcp-receive");
        receiveThread.start();
        return receiver.localAddress();
    }

    private void stopReceiver() throws InterruptedException {
        receiver.close();
        receiveThread.join(5_000);
        assertTrue(!receiveThread.isAlive(), "close() ends the receive thread");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (receiver != null) {
            stopReceiver();
        }
    }

    private static byte[] frame(int number, int length) {
        byte[] frame = new byte[length];
        Arrays.fill(frame, (byte) number);
        frame[0] = (byte) (number >> 8);
        return frame;
    }

    @Test
    void framesArriveWholeAndInOrder() throws Exception {
        InetSocketAddress address = startReceiver(ANY_PORT);
        try (FrameTransmitter transmitter = TCP.openTransmitter(new Transport.Sending(address, 0, 0, 0, log))) {
            for (int i = 0; i < 20; i++) {
                byte[] sent = frame(i, 1_000 + i * 50_000);
                transmitter.send(sent, sent.length);
                // one frame in flight: wait for each, or a faster sender would (rightly) replace some
                assertArrayEquals(sent, received.poll(5, TimeUnit.SECONDS), "frame " + i);
            }
            assertEquals(0, transmitter.counts().framesReplaced());
        }
        assertEquals(20, counts.datagrams.get());
    }

    @Test
    void aReceiverStartedAgainGetsFramesWithoutRestartingTheSender() throws Exception {
        InetSocketAddress address = startReceiver(ANY_PORT);
        try (FrameTransmitter transmitter = TCP.openTransmitter(new Transport.Sending(address, 0, 0, 0, log))) {
            transmitter.send(frame(1, 100), 100);
            assertNotNull(received.poll(5, TimeUnit.SECONDS));
            stopReceiver();
            startReceiver(address); // the same port, as a user restarting it would
            long restarted = System.nanoTime();
            byte[] got = null;
            for (int i = 2; got == null && System.nanoTime() - restarted < 5_000_000_000L; i++) {
                transmitter.send(frame(i, 100), 100); // a 30 fps stream, roughly
                got = received.poll(33, TimeUnit.MILLISECONDS);
            }
            assertNotNull(got, "no frame within 5 s of the restart");
            double seconds = (System.nanoTime() - restarted) / 1e9;
            assertTrue(seconds < 2, "the first frame after the restart took " + seconds + " s");
        }
        String said = logBytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.split("no connection to", -1).length - 1, "the outage is said once: " + said);
    }

    @Test
    void framesWaitingForAConnectionAreReplacedByNewerOnes() throws Exception {
        InetSocketAddress nobody = startReceiver(ANY_PORT);
        stopReceiver();
        receiver = null;
        try (FrameTransmitter transmitter = TCP.openTransmitter(new Transport.Sending(nobody, 0, 0, 0, log))) {
            for (int i = 0; i < 10; i++) {
                transmitter.send(frame(i, 10), 10);
            }
            assertTrue(transmitter.counts().framesReplaced() >= 8, transmitter.counts().toString());
        }
    }

    @Test
    void aLengthOverTheLimitClosesTheConnectionWithOneLineAndTheReceiverListensOn() throws Exception {
        InetSocketAddress address = startReceiver(ANY_PORT);
        try (Socket stranger = new Socket(address.getAddress(), address.getPort())) {
            OutputStream out = stranger.getOutputStream();
            out.write(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}); // 2 GB, says the stranger
            out.flush();
            assertEquals(-1, stranger.getInputStream().read(), "the receiver closed the connection");
        }
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("over 67108864 bytes"), logBytes.toString());
        try (FrameTransmitter transmitter = TCP.openTransmitter(new Transport.Sending(address, 0, 0, 0, log))) {
            transmitter.send(frame(5, 64), 64);
            assertArrayEquals(frame(5, 64), received.poll(5, TimeUnit.SECONDS), "the next sender is served");
        }
    }

    @Test
    void aConnectionThatStallsMidFrameIsClosedAfterFiveSeconds() throws Exception {
        InetSocketAddress address = startReceiver(ANY_PORT);
        try (Socket staller = new Socket(address.getAddress(), address.getPort())) {
            OutputStream out = staller.getOutputStream();
            out.write(new byte[] {0, 0, 3, (byte) 0xE8, 1, 2, 3}); // 1,000 bytes announced, 3 sent
            out.flush();
            long start = System.nanoTime();
            assertEquals(-1, staller.getInputStream().read(), "the receiver closed the connection");
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds > 4 && seconds < 8, "closed after " + seconds + " s");
        }
        assertEquals(1, counts.incompleteFrames.get());
        assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("stalled for 5 s in the middle of a frame"),
                logBytes.toString());
    }

    @Test
    void simulatedLossIsRefusedBecauseTcpHasNoDatagramsToDrop() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TCP.openTransmitter(new Transport.Sending(ANY_PORT, 0, 0.1, 0, log)));
        assertTrue(e.getMessage().startsWith("--simulate-loss"), e.getMessage());
    }
}
