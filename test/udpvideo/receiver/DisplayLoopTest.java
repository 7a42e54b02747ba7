package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpvideo.cli.StopSignal;
import udpvideo.codec.Codec;
import udpvideo.codec.Codecs;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameHeader;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.stamp.Stamper;
import udpvideo.viewer.FrameView;

/** The display thread outlives any frame: one whose decode runs out of memory is counted, the next is shown. */
@Timeout(20)
class DisplayLoopTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private static final InetSocketAddress SENDER = new InetSocketAddress("127.0.0.1", 5000);

    /** Remembers the images it shows, from the display thread; paints at once. */
    private static final class RecordingView implements FrameView {
        final List<BufferedImage> shown = new CopyOnWriteArrayList<>();

        @Override
        public void show(BufferedImage frame, String overlay, Runnable onPainted) {
            shown.add(frame);
            onPainted.run();
        }

        @Override
        public void showNoSignal() {
            // not under test
        }

        @Override
        public void setStatus(String status) {
            // not under test
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    /** A codec whose decoder fails as a decode of a frame too large for the heap does. */
    private static final class OutOfMemoryCodec implements Codec {
        @Override
        public String name() {
            return "out-of-memory";
        }

        @Override
        public boolean startsFrame(byte[] data, int offset, int length) {
            return false;
        }

        @Override
        public FrameEncoder newEncoder(int quality, int threads) {
            throw new UnsupportedOperationException("decodes only");
        }

        @Override
        public FrameDecoder newDecoder(int threads) {
            return new FrameDecoder() {
                @Override
                public BufferedImage decode(byte[] frame, int length, BufferedImage reuse) {
                    throw new OutOfMemoryError("Java heap space");
                }

                @Override
                public void close() {
                    // nothing to release
                }
            };
        }

        @Override
        public Stamper stamper() {
            throw new UnsupportedOperationException("decodes only");
        }

        @Override
        public FrameHeader readHeader(byte[] frame, int length) {
            throw new UnsupportedOperationException("decodes only");
        }
    }

    @Test
    void showsTheNextFrameAfterADecodeThatRanOutOfMemory() throws Exception {
        ReceiverStats stats = new ReceiverStats();
        FrameMailbox mailbox = new FrameMailbox();
        RecordingView view = new RecordingView();
        FramePresenter presenter = new FramePresenter(view, stats,
                new FrameAcceptor(stats, mailbox, new SinkThread(List.of(), NOWHERE), 0, new StopSignal()), NOWHERE,
                () -> 0, true);
        Thread display = new Thread(new DisplayLoop(mailbox, presenter, stats, 1), "test-display");
        display.start();
        try {
            byte[] bytes = new byte[100];
            mailbox.put(new ReceivedFrame(SENDER, bytes, bytes.length, new OutOfMemoryCodec(), null, null, 7, 8192,
                    8192));
            Loopback.awaitTrue(() -> stats.undecodable() == 1, 10_000, "the frame that ran out of memory counted");
            assertTrue(stats.lastRejection().contains("out of memory decoding or showing a 8192x8192 frame")
                    && stats.lastRejection().contains("JAVA_OPTS=-Xmx"), stats.lastRejection());
            byte[] jpeg = TestJpegs.jpeg(64, 48, 1);
            mailbox.put(new ReceivedFrame(SENDER, jpeg, jpeg.length, Codecs.defaultCodec(), null, null, 1, 64, 48));
            Loopback.awaitTrue(() -> view.shown.size() == 1, 10_000, "the next frame shown");
            assertEquals(64, view.shown.get(0).getWidth());
            assertTrue(display.isAlive(), "the display thread lives on");
        } finally {
            display.interrupt();
            display.join(5_000);
        }
    }
}
