package udpvideo.bench;

import java.awt.Dimension;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import udpvideo.cli.StopSignal;
import udpvideo.receiver.Receiver;
import udpvideo.receiver.ReceiverConfig;
import udpvideo.receiver.ReceiverStats;
import udpvideo.sender.Sender;
import udpvideo.sender.SenderConfig;
import udpvideo.viewer.OffscreenView;
import udpvideo.packet.CountdownPacketizer;

/**
 * One row of the benchmark: the real {@link Sender} (test pattern) and {@link Receiver} (offscreen view, the
 * window's paint code) in this JVM, over loopback. Runs a warm-up, then measures for a fixed time; counts of
 * incomplete and rejected frames cover the whole run, rates and percentiles only the measured part.
 */
final class PipelineRun {
    /** The ways the benchmark drives the pipeline: JPEG three ways and PNG and raw at every size, TCP at 720p. */
    enum Mode {
        /** 30 frames/s, receiver at Linux's stock receive buffer: latency. */
        PACED("paced 30 fps", 30.0, false, STOCK_RECEIVE_BUFFER_BYTES, "jpeg", "udp", null),
        /** As fast as the sender can, the receiver verifying every frame and decoding what a 60 Hz display shows. */
        UNPACED("unpaced", 0.0, false, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "jpeg", "udp", null),
        /** As fast as the sender can, the receiver decoding every frame, as the tutorial's must. */
        DECODE_ALL("unpaced, decode all", 0.0, true, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "jpeg", "udp",
                null),
        /** Lossless PNG at 30 frames/s, as far as its encoder keeps up. */
        PNG_PACED("png, paced 30 fps", 30.0, false, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "png", "udp",
                null),
        /** Raw B, G, R at 30 frames/s: 43 datagrams a frame at 720p, 96 spread over the interval at 1080p. */
        RAW_PACED("raw, paced 30 fps", 30.0, false, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "raw", "udp",
                null),
        /** JPEG over TCP at 30 frames/s. */
        TCP_PACED("tcp, paced 30 fps", 30.0, false, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "jpeg", "tcp",
                Benchmark.SIZES.get(1)),
        /** JPEG over TCP as fast as the sender can, one frame in flight. */
        TCP_UNPACED("tcp, unpaced", 0.0, false, ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES, "jpeg", "tcp",
                Benchmark.SIZES.get(1));

        final String label;
        final double fps;
        final boolean decodeEveryFrame;
        final int receiveBuffer;
        final String codec;
        final String transport;
        /** The one size this mode runs at, or null for every size. */
        private final Dimension onlySize;

        Mode(String label, double fps, boolean decodeEveryFrame, int receiveBuffer, String codec, String transport,
                Dimension onlySize) {
            this.label = label;
            this.fps = fps;
            this.decodeEveryFrame = decodeEveryFrame;
            this.receiveBuffer = receiveBuffer;
            this.codec = codec;
            this.transport = transport;
            this.onlySize = onlySize;
        }

        /** Whether this mode has a row at {@code size}. */
        boolean runsAt(Dimension size) {
            return onlySize == null || onlySize.equals(size);
        }
    }

    /** net.core.rmem_default on a stock Linux: what the tutorial's receiver gets. */
    static final int STOCK_RECEIVE_BUFFER_BYTES = 212_992;
    private static final String RECEIVE_THREAD = "udpvideo-receive";
    private static final long SETTLE_MS = 300;
    /** Histogram requests before giving up; 5 ms apart, so about 2 s at most. */
    private static final int FULL_GC_ATTEMPTS = 400;
    private static final int HEAP_READINGS = 5;
    private static final long HEAP_READING_GAP_MS = 100;

    private PipelineRun() {
    }

    /** Runs one row: {@code warmupMs} unmeasured, then {@code measureMs} measured. */
    static Row run(Dimension size, Mode mode, int quality, long warmupMs, long measureMs)
            throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (BenchReceiver receiver = BenchReceiver.start(mode, quiet)) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    receiver.localAddress().getPort());
            SenderConfig senderConfig = SenderConfig.to(target)
                    .source("test")
                    .size(size)
                    .quality(quality)
                    .fps(mode.fps)
                    .codec(mode.codec)
                    .transport(mode.transport)
                    .build();
            StopSignal senderStop = new StopSignal();
            AtomicReference<Exception> failure = new AtomicReference<>();
            try (Sender sender = Sender.open(senderConfig, quiet, () -> { })) {
                Thread sending = new Thread(() -> {
                    try {
                        sender.run(senderStop);
                    } catch (Exception e) {
                        failure.set(e);
                    }
                }, "bench-sender");
                sending.start();
                Snapshot start;
                Snapshot end;
                double heapAfterWarmUp;
                double heapAtEnd;
                HostStalls.Seen stalls;
                try {
                    Thread.sleep(warmupMs);
                    heapAfterWarmUp = heapKeptMb();
                    Thread.sleep(SETTLE_MS); // let the pipeline refill after the collection's pause
                    start = Snapshot.take(sender, receiver.stats());
                    Map<String, Long> cpuBefore = threadCpuNanos();
                    sender.stats().clearSamples();
                    receiver.stats().clearSamples();
                    try (HostStalls watching = HostStalls.watch()) {
                        Thread.sleep(measureMs);
                        end = Snapshot.take(sender, receiver.stats());
                        stalls = watching.seen();
                    }
                    if (Boolean.getBoolean("bench.threads")) {
                        printCpuPerFrame(cpuBefore, threadCpuNanos(), end.sent() - start.sent());
                    }
                    heapAtEnd = heapKeptMb();
                } finally {
                    // also when a reading failed: a sender left running would keep the JVM, and the cores, busy
                    senderStop.stop("benchmark row done");
                    sending.join();
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                return Row.of(size, mode, start, end, sender, receiver.stats(), heapAfterWarmUp, heapAtEnd, stalls);
            }
        }
    }

    /** The receiver a row measures: the real one, or the bench's own that decodes every frame. */
    private record BenchReceiver(Closeable running, InetSocketAddress localAddress, ReceiverStats stats)
            implements AutoCloseable {
        static BenchReceiver start(Mode mode, PrintStream quiet) throws Exception {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (mode.decodeEveryFrame) {
                DecodeAllReceiver receiver = new DecodeAllReceiver(loopback, mode.receiveBuffer);
                return new BenchReceiver(receiver::close, receiver.localAddress(), receiver.stats());
            }
            ReceiverConfig config = ReceiverConfig.onPort(0)
                    .transport(mode.transport)
                    .bind(loopback.getAddress())
                    .receiveBuffer(mode.receiveBuffer)
                    .build();
            Receiver receiver = Receiver.start(config, new OffscreenView(quiet), new StopSignal(), quiet);
            return new BenchReceiver(receiver::close, receiver.localAddress(), receiver.stats());
        }

        @Override
        public void close() throws IOException {
            running.close();
        }
    }

    /**
     * The heap the pipeline keeps, in MB: the least of {@link #HEAP_READINGS} readings of {@link #liveHeapMb}, a
     * little apart. A single reading also counts whatever frames happen to be in flight at that instant (a decoded
     * 640x480 frame alone is 1.2 MB), so one reading can differ from the next by a frame or two.
     */
    private static double heapKeptMb() throws Exception {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < HEAP_READINGS; i++) {
            if (i > 0) {
                Thread.sleep(HEAP_READING_GAP_MS); // spacing readings in time, not waiting for anything
            }
            least = Math.min(least, liveHeapMb());
        }
        return least;
    }

    /**
     * The bytes of every object still reachable, in MB, counted by the JVM's class histogram ({@code jcmd
     * GC.class_histogram}) right after the full collection it runs. The collector's own "used after GC" is no
     * measure here: G1 counts whole 1 MB regions for every frame-sized array, which doubled the figure. ImageIO's
     * native codec holds JNI critical sections, during which HotSpot skips the collection: so ask until the
     * full-collection count shows one happened.
     */
    private static double liveHeapMb() throws Exception {
        com.sun.management.GarbageCollectorMXBean full = fullCollector();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        for (int attempt = 0; attempt < FULL_GC_ATTEMPTS; attempt++) {
            long before = full.getCollectionCount();
            String histogram = (String) server.invoke(diagnostics, "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            if (full.getCollectionCount() > before) {
                String[] total = histogram.substring(histogram.lastIndexOf("Total")).trim().split("\\s+");
                return Long.parseLong(total[2]) / 1e6;
            }
            Thread.sleep(5); // a moment for the codec threads to leave their critical sections
        }
        throw new IllegalStateException("no full collection after " + FULL_GC_ATTEMPTS + " histogram requests");
    }

    /**
     * {@code -Dbench.threads=true}: where a row's CPU went, per sent frame, by thread, plus the collector's pauses
     * and the JIT compiler's time (neither runs on a thread Java lists).
     */
    private static void printCpuPerFrame(Map<String, Long> before, Map<String, Long> after, long frames) {
        after.forEach((name, nanos) -> {
            double ms = (nanos - before.getOrDefault(name, 0L)) / 1e6 / frames;
            if (ms >= 0.01) {
                System.out.printf("  %-40s %6.2f ms/frame%n", name, ms);
            }
        });
    }

    private static Map<String, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long nanos = threads.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                cpu.merge(info.getThreadName(), nanos, Long::sum);
            }
        }
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            cpu.put("(GC pauses: " + collector.getName() + ")", collector.getCollectionTime() * 1_000_000);
        }
        cpu.put("(JIT compiling)", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
        return cpu;
    }

    /** G1's (or another collector's) full, old-generation collector. */
    private static com.sun.management.GarbageCollectorMXBean fullCollector() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof com.sun.management.GarbageCollectorMXBean collector
                    && (bean.getName().contains("Old") || bean.getName().contains("MarkSweep"))) {
                return collector;
            }
        }
        throw new IllegalStateException("no full collector among " + ManagementFactory.getGarbageCollectorMXBeans());
    }

    /**
     * The counters at one instant.
     *
     * @param nanos         when
     * @param sent          frames sent
     * @param sentBytes     bytes of the frames sent
     * @param accepted      frames accepted
     * @param decoded       frames decoded
     * @param datagrams     datagrams received
     * @param cpuNanos      CPU time of this whole JVM (sender and receiver)
     * @param receiveAllocatedBytes bytes the receive thread allocated so far
     */
    record Snapshot(long nanos, long sent, long sentBytes, long accepted, long decoded, long datagrams,
            long cpuNanos, long receiveAllocatedBytes) {
        static Snapshot take(Sender sender, ReceiverStats stats) {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Snapshot(System.nanoTime(), sender.stats().frames(), sender.stats().bytes(), stats.accepted(),
                    stats.decoded(), stats.datagrams(), os.getProcessCpuTime(), receiveThreadAllocatedBytes());
        }

        private static long receiveThreadAllocatedBytes() {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(RECEIVE_THREAD) && thread.isAlive()) {
                    return threads.getThreadAllocatedBytes(thread.getId());
                }
            }
            throw new IllegalStateException("no live " + RECEIVE_THREAD + " thread");
        }
    }
}
