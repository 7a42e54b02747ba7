package udpvideo.bench;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import udpvideo.codec.Codec;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameInspector;
import udpvideo.codec.Verdict;
import udpvideo.receiver.ReceiverStats;
import udpvideo.stamp.FrameStamp;
import udpvideo.transport.FrameReceiver;
import udpvideo.transport.Transport;
import udpvideo.transport.Transports;
import udpvideo.viewer.OffscreenView;

/**
 * The benchmark's like-for-like comparison with the tutorial, whose receiver must decode every frame to know
 * whether it is whole: a receiver assembled from the public pieces (the UDP transport, with its countdown
 * depacketizer per sender, the inspector, the codec's decoder, the offscreen view) that decodes every accepted frame, one
 * whole frame per core, and paints at most 60 a second of them, as a display would.
 *
 * <p>Frames wait in a queue of {@link #QUEUE_FRAMES}, oldest first, so a burst that arrives while every decoder
 * is busy waits, as it would in the socket; only when all are taken is the oldest replaced (counted as skipped).
 * Its receive thread is named as the real receiver's, so the bench measures that thread's allocation the same way.
 */
final class DecodeAllReceiver implements AutoCloseable {
    /** About as many 1080p frames as the 4 MB receive buffer holds (16 x 0.3 MB). */
    static final int QUEUE_FRAMES = 16;
    private static final long MIN_SHOW_INTERVAL_NANOS = 1_000_000_000L / 60;

    /** One accepted frame's copy, in {@code bytes[0, length)}: a buffer that goes back to the spares when done. */
    private record Accepted(byte[] bytes, int length, Codec codec, FrameStamp stamp, long sequence) {
    }

    private final FrameReceiver transport;
    private final ReceiverStats stats = new ReceiverStats();
    private final FrameInspector inspector = new FrameInspector();
    private final OffscreenView view = new OffscreenView(new PrintStream(OutputStream.nullOutputStream()));
    private final ArrayDeque<Accepted> queue = new ArrayDeque<>();
    /** Buffers frames were copied into and are done with, so that the receive thread allocates none per frame. */
    private final ArrayDeque<byte[]> spares = new ArrayDeque<>();
    private final Thread receiveThread;
    private final Thread[] decodeThreads;
    private long nextSequence;
    /** What is on screen: guarded by {@link #view}. */
    private long shownSequence = -1;
    private long lastShownNanos;

    DecodeAllReceiver(InetSocketAddress bind, int receiveBufferBytes) throws Exception {
        transport = Transports.defaultTransport().openReceiver(new Transport.Receiving(bind, receiveBufferBytes, null,
                new PrintStream(OutputStream.nullOutputStream())));
        receiveThread = new Thread(() -> transport.run(this::judge, stats), "udpvideo-receive");
        decodeThreads = new Thread[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < decodeThreads.length; i++) {
            decodeThreads[i] = new Thread(this::decodeAll, "bench-decode-all-" + (i + 1));
        }
        for (Thread thread : decodeThreads) {
            thread.start();
        }
        receiveThread.start();
    }

    InetSocketAddress localAddress() {
        return transport.localAddress();
    }

    ReceiverStats stats() {
        return stats;
    }

    /** Receive thread: a frame the transport completed. */
    private boolean judge(InetSocketAddress sender, byte[] frame, int length, int packets) {
        Verdict verdict = inspector.inspect(frame, length);
        if (verdict.kind() != Verdict.Kind.VERIFIED) {
            stats.reject(sender, verdict.kind() == Verdict.Kind.REJECTED ? verdict.reason() : "unstamped", packets);
            return false;
        }
        byte[] copy;
        synchronized (queue) {
            copy = spares.isEmpty() ? null : spares.pop();
        }
        if (copy == null || copy.length < length) {
            copy = new byte[length + length / 4]; // headroom: the next frame may be larger
        }
        System.arraycopy(frame, 0, copy, 0, length);
        synchronized (queue) {
            stats.accept(sender, verdict.stamp(), packets, System.nanoTime());
            if (queue.size() == QUEUE_FRAMES) {
                spares.push(queue.removeFirst().bytes());
                stats.countSkipped();
            }
            queue.addLast(new Accepted(copy, length, verdict.codec(), verdict.stamp(), nextSequence++));
            queue.notify();
        }
        return true;
    }

    /** A decode thread: every frame, oldest first, whole on this core, by the decoder of the frame's codec. */
    private void decodeAll() {
        Map<Codec, FrameDecoder> decoders = new HashMap<>();
        try {
            decoders.computeIfAbsent(Codecs.defaultCodec(), codec -> codec.newDecoder(1)).warmUp();
            BufferedImage reuse = null;
            while (true) {
                Accepted frame;
                synchronized (queue) {
                    while (queue.isEmpty()) {
                        queue.wait();
                    }
                    frame = queue.removeFirst();
                }
                FrameDecoder decoder = decoders.computeIfAbsent(frame.codec(), codec -> codec.newDecoder(1));
                long start = System.nanoTime();
                BufferedImage image;
                try {
                    image = decoder.decode(frame.bytes(), frame.length(), reuse);
                } catch (DecodeException e) {
                    stats.countUndecodable("verified frame does not decode: " + e.getMessage());
                    continue;
                } finally {
                    synchronized (queue) {
                        spares.push(frame.bytes());
                    }
                }
                stats.decodedIn((System.nanoTime() - start) / 1000);
                show(image, frame);
                reuse = image; // the offscreen view paints on this thread before show returns: free again
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        } finally {
            decoders.values().forEach(FrameDecoder::close);
        }
    }

    /** Paints the frame if it is newer than the one on screen and a 60th of a second has passed. */
    private void show(BufferedImage image, Accepted frame) {
        synchronized (view) {
            long now = System.nanoTime();
            if (frame.sequence() <= shownSequence || now - lastShownNanos < MIN_SHOW_INTERVAL_NANOS) {
                return;
            }
            shownSequence = frame.sequence();
            lastShownNanos = now;
            long captured = frame.stamp().captureTimeMicros();
            view.show(image, "", () -> stats.painted(FrameStamp.currentTimeMicros() - captured));
        }
    }

    @Override
    public void close() {
        transport.close();
        for (Thread thread : decodeThreads) {
            thread.interrupt();
        }
        try {
            receiveThread.join(2_000);
            for (Thread thread : decodeThreads) {
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            view.close();
        }
    }
}
