package udpvideo.viewer;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import udpvideo.stamp.FrameStamp;
import udpvideo.codec.jpeg.JpegCommentStamper;
import udpvideo.codec.jpeg.MalformedJpegException;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.codec.jpeg.TestJpegs;

/**
 * Sends one JPEG to a receiver on loopback over and over, with a fresh stamp each time, so the receiver's window
 * keeps showing it: after a second without a frame the window would switch to "no signal".
 *
 * <p>Owns its socket and its thread, {@code test-frame-repeater}: {@link #start} starts both, {@link #close} stops
 * the thread and closes the socket. The test that starts a repeater closes it.
 */
final class FrameRepeater implements AutoCloseable {
    /** Ten frames a second: well inside the receiver's one-second "no signal" timeout, light on the CPU. */
    static final long INTERVAL_MS = 100;
    private static final long JOIN_MS = 2_000;

    /** The frame as encoded, without a stamp; never modified. */
    private final byte[] jpeg;
    private final long frameNumber;
    private final InetSocketAddress target;
    private final DatagramSocket socket;
    private final Thread thread;
    private final JpegCommentStamper stamper = new JpegCommentStamper();
    private final CountdownPacketizer segmenter = new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES);
    /** Frames sent so far, every datagram of them. */
    private final AtomicLong framesSent = new AtomicLong();
    /** Why sending stopped early, for a failing test's message; null while all is well. */
    private volatile Exception failure;

    private FrameRepeater(byte[] jpeg, long frameNumber, InetSocketAddress target) throws IOException {
        this.jpeg = jpeg.clone();
        this.frameNumber = frameNumber;
        this.target = target;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::run, "test-frame-repeater");
    }

    /** Starts sending {@code jpeg}, stamped as frame {@code frameNumber}, to {@code target}. */
    static FrameRepeater start(byte[] jpeg, long frameNumber, InetSocketAddress target) throws IOException {
        FrameRepeater repeater = new FrameRepeater(jpeg, frameNumber, target);
        repeater.thread.start();
        return repeater;
    }

    /** Frames sent so far. */
    long framesSent() {
        return framesSent.get();
    }

    /** Why the thread stopped sending before {@link #close}, or null. */
    Exception failure() {
        return failure;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                // a fresh capture time each time, so the receiver's latency stays the real one
                byte[] stamped = stamper.stamp(jpeg, jpeg.length, frameNumber, FrameStamp.currentTimeMicros());
                for (byte[] datagram : TestJpegs.datagrams(segmenter, stamped)) {
                    socket.send(new DatagramPacket(datagram, datagram.length, target));
                }
                framesSent.incrementAndGet();
                Thread.sleep(INTERVAL_MS);
            }
        } catch (InterruptedException e) {
            // close() asked us to stop: leaving run() ends the thread, nothing is left to re-interrupt
        } catch (IOException | MalformedJpegException e) {
            failure = e; // the test sees it through failure(): its wait times out and names the cause
        }
    }

    /** Stops sending, waits (bounded) for the thread, then closes the socket. */
    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.close();
        }
    }
}
