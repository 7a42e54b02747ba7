package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import udpvideo.codec.Codecs;
import udpvideo.codec.DecodeException;
import udpvideo.codec.FrameLimits;

/**
 * Vouches for frames that carry no stamp (the tutorial's sender writes none) the only way possible: by decoding
 * them, on its own thread so a slow decode never stalls the socket. A frame that decodes without a single
 * warning is accepted together with its image, so the display does not decode it again.
 *
 * <p>The queue holds {@link #QUEUE_FRAMES} frames; when it is full the receive thread drops the new frame
 * rather than letting a backlog (and latency) build. The {@link Receiver} starts and closes it.
 */
final class DecodeVerifier implements AutoCloseable {
    /**
     * Four frames: enough to ride out a hiccup (a garbage collection, the other core busy) without losing
     * frames, few enough that a verifier that is really too slow adds at most four decodes of latency.
     */
    static final int QUEUE_FRAMES = 4;
    private static final long POLL_MS = 100;

    private final BlockingQueue<ReceivedFrame> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final FrameAcceptor acceptor;
    private final ReceiverStats stats;
    private final Thread thread;

    DecodeVerifier(FrameAcceptor acceptor, ReceiverStats stats) {
        this.acceptor = acceptor;
        this.stats = stats;
        this.thread = new Thread(this::run, "udpvideo-verify");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Receive thread: hands over an unstamped frame, in an array of its own; counts it as unverified when the
     * verifier is behind.
     */
    void submit(ReceivedFrame frame) {
        if (!queue.offer(frame)) {
            stats.countUnverified(frame.packets());
        }
    }

    private void run() {
        try (CodecDecoders decoders = new CodecDecoders(1, Codecs.defaultCodec())) {
            while (!Thread.currentThread().isInterrupted()) {
                ReceivedFrame frame = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    verify(decoders, frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() asked us to stop
        }
    }

    private void verify(CodecDecoders decoders, ReceivedFrame frame) {
        BufferedImage image;
        long start = System.nanoTime();
        try {
            image = decoders.forCodec(frame.codec()).decode(frame.bytes(), frame.length(), null);
            stats.decodedIn((System.nanoTime() - start) / 1000);
        } catch (DecodeException e) {
            stats.reject(frame.sender(), "unstamped frame does not decode cleanly: " + e.getMessage(),
                    frame.packets());
            return;
        } catch (OutOfMemoryError e) {
            // the memory asked for was never handed out: this frame is lost, the verifier carries on
            stats.reject(frame.sender(), FrameLimits.outOfMemory(frame.width(), frame.height(),
                    Runtime.getRuntime().maxMemory()), frame.packets());
            return;
        }
        acceptor.accept(frame.withDecoded(image));
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
