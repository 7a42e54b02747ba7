package udpvideo.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a flood from many addresses costs a receiver, run against the real scripts: a headless
 * {@code run-receiver.sh}, a valid 1280x720 30 fps stream of 150 frames from {@code run-sender.sh}, and, all
 * the while, datagrams from thousands of loopback addresses that each open a frame and never finish it, plus 32
 * frames from other addresses grown to 254 datagrams (16.6 MB) each. Prints the valid frames accepted and the
 * receiver's peak resident memory (VmRSS, sampled every 100 ms), for a flood from one address and from 6,000.
 *
 * <p>The flood runs at {@code -Dflood.rate} datagrams a second (default 20,000, 1.3 GB/s; 0 for as fast as one
 * thread sends), from one address or from 6,000: the same rate, so the two rows show what a new address costs.
 *
 * <p>Usage: {@code java -cp build/classes:build/test-classes udpvideo.bench.AddressFlood [REPO ...]}: each
 * REPO (default: this directory) is a built checkout whose scripts are measured, one after another in the same run,
 * so two versions can be compared on the same machine at the same time. Linux only (reads /proc).
 */
public final class AddressFlood {
    private static final int VALID_FRAMES = 150;
    private static final int FLOOD_ADDRESSES = 6_000;
    private static final int GROWN_FRAMES = 32;
    private static final int DATAGRAM_PAYLOAD = 65_472;
    /** Flood datagrams a second: {@code -Dflood.rate}, 0 for as fast as this machine sends. */
    private static final long RATE = Long.getLong("flood.rate", 20_000);
    private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+)");
    private static final Pattern ACCEPTED = Pattern.compile("received (\\d+) frames accepted, .*");

    private AddressFlood() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        List<Path> repos = new ArrayList<>();
        for (String arg : args) {
            repos.add(Path.of(arg).toAbsolutePath());
        }
        if (repos.isEmpty()) {
            repos.add(Path.of("").toAbsolutePath());
        }
        System.out.println("flood at " + (RATE == 0 ? "full speed" : RATE + " datagrams/s"));
        System.out.println("repo        flood from           valid accepted   flood datagrams   peak RSS MB");
        for (Path repo : repos) {
            for (int addresses : new int[] {1, FLOOD_ADDRESSES}) {
                Result result = measure(repo, addresses);
                System.out.printf(Locale.ROOT, "%-11s %5d addresses %8d / %d (%3.0f%%) %14d %13.0f%n",
                        repo.getFileName(), addresses, result.accepted, VALID_FRAMES,
                        100.0 * result.accepted / VALID_FRAMES, result.floodDatagrams, result.peakRssKb / 1024.0);
            }
        }
    }

    private record Result(long accepted, long floodDatagrams, long peakRssKb) {
    }

    private static Result measure(Path repo, int addresses) throws Exception {
        try (ChildScript receiver = ChildScript.start("receiver", List.of(repo.resolve("run-receiver.sh").toString(),
                "--headless", "--port", "0"))) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            int port = Integer.parseInt(receiver.awaitLine(LISTENING, deadline).group(1));
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            AtomicLong peakRss = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong flooded = new AtomicLong();
            Thread sampler = new Thread(() -> sample(receiver.pid(), peakRss, running), "flood-rss");
            Thread flood = new Thread(() -> flood(target, addresses, running, flooded), "flood-send");
            sampler.start();
            flood.start();
            try (ChildScript sender = ChildScript.start("sender", List.of(repo.resolve("run-sender.sh").toString(),
                    "--source", "test", "--size", "1280x720", "--fps", "30", "--frames",
                    String.valueOf(VALID_FRAMES), "--port", String.valueOf(port)))) {
                sender.awaitExit(60_000);
            } finally {
                running.set(false);
                flood.join();
                sampler.join();
            }
            receiver.stop();
            receiver.awaitStatus(10_000); // SIGTERM's status: the summary is what counts
            long accepted = -1;
            for (String line : receiver.stderrLines()) {
                Matcher matcher = ACCEPTED.matcher(line);
                if (matcher.matches()) {
                    accepted = Long.parseLong(matcher.group(1));
                }
            }
            return new Result(accepted, flooded.get(), peakRss.get());
        }
    }

    /** Until told to stop: opening datagrams from every address in turn, and 32 frames grown from others. */
    private static void flood(InetSocketAddress target, int addresses, AtomicBoolean running, AtomicLong sent) {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < addresses + GROWN_FRAMES; i++) {
                InetAddress address = InetAddress.getByAddress(new byte[] {127, (byte) (1 + i / 62_500),
                        (byte) (i / 250 % 250 + 1), (byte) (i % 250 + 1)});
                sockets.add(new DatagramSocket(new InetSocketAddress(address, 0)));
            }
            byte[] datagram = new byte[1 + DATAGRAM_PAYLOAD];
            DatagramPacket packet = new DatagramPacket(datagram, datagram.length, target);
            for (int g = 0; g < GROWN_FRAMES && running.get(); g++) { // 32 frames of 254 datagrams, never ended
                DatagramSocket socket = sockets.get(addresses + g);
                for (int countdown = 255; countdown >= 2; countdown--) {
                    datagram[0] = (byte) countdown;
                    datagram[1] = (byte) (countdown == 255 ? 0xFF : 0);
                    datagram[2] = (byte) (countdown == 255 ? 0xD8 : 0);
                    socket.send(packet);
                    sent.incrementAndGet();
                }
            }
            datagram[0] = (byte) 200; // a frame of 200 datagrams, opened
            datagram[1] = (byte) 0xFF;
            datagram[2] = (byte) 0xD8;
            long start = System.nanoTime();
            for (int i = 0; running.get(); i = (i + 1) % addresses) {
                sockets.get(i).send(packet);
                long count = sent.incrementAndGet();
                if (RATE > 0 && count % 100 == 0) { // pace in batches: the flood's rate, not a synchronization
                    long due = start + count * 1_000_000_000L / RATE;
                    LockSupport.parkNanos(due - System.nanoTime());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the flood failed: " + e.getMessage(), e);
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    private static void sample(long pid, AtomicLong peakKb, AtomicBoolean running) {
        Path status = Path.of("/proc/" + pid + "/status");
        while (running.get()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        long kb = Long.parseLong(line.replaceAll("\\D", ""));
                        peakKb.accumulateAndGet(kb, Math::max);
                    }
                }
                Thread.sleep(100); // the sampling period, not synchronization
            } catch (IOException e) {
                return; // the receiver exited
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
