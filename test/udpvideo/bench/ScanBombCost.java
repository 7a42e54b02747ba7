package udpvideo.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import udpvideo.cli.StopSignal;
import udpvideo.codec.DecodeException;
import udpvideo.codec.jpeg.HostileJpegs;
import udpvideo.codec.jpeg.TestJpegs;
import udpvideo.codec.jpeg.fast.JpegDecoder;
import udpvideo.packet.CountdownPacketizer;
import udpvideo.receiver.Receiver;
import udpvideo.receiver.ReceiverConfig;
import udpvideo.viewer.OffscreenView;

/**
 * What a scan bomb costs: the CPU time a real receiver on loopback spends on each one (every thread of the
 * receiver, from the datagram's arrival to its rejection), and, for comparison, what decoding the same bytes
 * costs, which is what it cost before the receiver refused them unread.
 *
 * <p>Run: {@code java -cp build/classes:build/test-classes:lib/opencv-4.9.0-0.jar udpvideo.bench.ScanBombCost}
 * (after {@code make build/test-classes.stamp}). Sends each bomb {@value #ROUNDS} times, one at a time, after
 * {@value #WARMUP_ROUNDS} rounds for the JIT compiler; prints the median and the largest per bomb.
 */
public final class ScanBombCost {
    private static final int WARMUP_ROUNDS = 50;
    private static final int ROUNDS = 200;
    private static final long REJECT_TIMEOUT_MS = 5_000;

    private ScanBombCost() {
    }

    /** Measures and prints a table. */
    public static void main(String[] args) throws Exception {
        List<Bomb> bombs = List.of(
                new Bomb("progressive 4096x4096, 1000 scans", HostileJpegs.progressive(4096, 4096, 1_000)),
                new Bomb("progressive 8192x8192, 200 scans", HostileJpegs.progressive(8192, 8192, 200)),
                new Bomb("baseline 4096x4096, 1000 scans", HostileJpegs.withFrameMarker(0xC0, 4096, 4096, 1_000)));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ReceiverConfig config = ReceiverConfig.onPort(0).bind(InetAddress.getLoopbackAddress()).build();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        System.out.printf(Locale.ROOT, "%-36s %7s %9s %13s %13s %12s%n", "bomb (unstamped)", "bytes", "datagrams",
                "reject median", "reject max", "decode");
        try (Receiver receiver = Receiver.start(config, new OffscreenView(quiet), new StopSignal(), quiet);
                DatagramSocket socket = new DatagramSocket()) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    receiver.localAddress().getPort());
            for (Bomb bomb : bombs) {
                List<byte[]> datagrams = TestJpegs.datagrams(
                        new CountdownPacketizer(CountdownPacketizer.MAX_SEGMENT_BYTES), bomb.bytes);
                for (int i = 0; i < WARMUP_ROUNDS; i++) {
                    rejectOne(receiver, socket, target, datagrams);
                }
                double[] cpuMs = new double[ROUNDS];
                for (int i = 0; i < ROUNDS; i++) {
                    long before = receiverCpuNanos(threads);
                    rejectOne(receiver, socket, target, datagrams);
                    cpuMs[i] = (receiverCpuNanos(threads) - before) / 1e6;
                }
                Arrays.sort(cpuMs);
                System.out.printf(Locale.ROOT, "%-36s %7d %9d %10.3f ms %10.3f ms %9.0f ms%n", bomb.name,
                        bomb.bytes.length, datagrams.size(), cpuMs[ROUNDS / 2], cpuMs[ROUNDS - 1],
                        decodeCpuMs(threads, bomb.bytes));
            }
            System.out.println("last rejection: " + receiver.stats().lastRejection());
            System.out.println("frames decoded by the receiver: " + receiver.stats().decoded());
        }
    }

    /** Sends one bomb and waits until the receiver has rejected it. */
    private static void rejectOne(Receiver receiver, DatagramSocket socket, InetSocketAddress target,
            List<byte[]> datagrams) throws Exception {
        long expected = receiver.stats().rejected() + 1;
        for (byte[] datagram : datagrams) {
            socket.send(new DatagramPacket(datagram, datagram.length, target));
        }
        long deadline = System.nanoTime() + REJECT_TIMEOUT_MS * 1_000_000;
        while (receiver.stats().rejected() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the receiver did not reject a bomb in " + REJECT_TIMEOUT_MS
                        + " ms: " + receiver.stats().lastRejection());
            }
            Thread.onSpinWait(); // this thread's own CPU is not counted: only the receiver's threads are
        }
    }

    /** CPU time so far of every thread the receiver runs (their names start with "udpvideo-"). */
    private static long receiverCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("udpvideo-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** CPU time this thread spends decoding the bomb with ImageIO, as the receiver would have. */
    private static double decodeCpuMs(ThreadMXBean threads, byte[] bomb) {
        try (JpegDecoder decoder = new JpegDecoder()) {
            decoder.warmUp();
            long before = threads.getCurrentThreadCpuTime();
            try {
                decoder.decode(bomb, bomb.length);
            } catch (DecodeException e) {
                System.out.println("(decoding it failed after the time shown: " + e.getMessage() + ")");
            }
            return (threads.getCurrentThreadCpuTime() - before) / 1e6;
        }
    }

    private record Bomb(String name, byte[] bytes) {
    }
}
