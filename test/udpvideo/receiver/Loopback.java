package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import udpvideo.cli.StopSignal;
import udpvideo.sink.MjpegReader;
import udpvideo.viewer.OffscreenView;

/** Helpers for tests that run a real receiver on a loopback socket. */
final class Loopback {
    private Loopback() {
    }

    /** A receiver on 127.0.0.1, a free port, recording to {@code record}, painting offscreen, quiet. */
    static Receiver startReceiver(Path record, StopSignal stop) throws Exception {
        ReceiverConfig config = ReceiverConfig.onPort(0)
                .bind(InetAddress.getLoopbackAddress())
                .record(record)
                .build();
        return Receiver.start(config, new OffscreenView(quiet()), stop, quiet());
    }

    /** The receiver's address as a sender must target it. */
    static InetSocketAddress target(Receiver receiver) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.localAddress().getPort());
    }

    /** Polls {@code condition} every 10 ms for at most {@code timeoutMs}; fails with {@code what} if it never holds. */
    static void awaitTrue(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Asserts every frame in {@code received} is byte-identical to one in {@code sent}; returns the count. */
    static int assertEveryFrameWasSent(Path received, Path sent) throws IOException {
        Set<String> sentFrames = new HashSet<>();
        for (byte[] frame : MjpegReader.readFrames(sent)) {
            sentFrames.add(hex(frame));
        }
        List<byte[]> frames = MjpegReader.readFrames(received);
        for (int i = 0; i < frames.size(); i++) {
            if (!sentFrames.contains(hex(frames.get(i)))) {
                fail("received frame " + i + " (" + frames.get(i).length + " bytes) is not byte-identical to any sent frame");
            }
        }
        return frames.size();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** A stream that discards what is printed. */
    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                // dropped: tests assert on counters, not on the status lines
            }
        });
    }
}
