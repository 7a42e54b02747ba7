package udpvideo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time to first picture: starts {@code run-receiver.sh --headless} and {@code run-sender.sh} together, as a user
 * would, and measures until the receiver says it showed its first frame (JVM start, class loading, OpenCV for a
 * file source, the first encode, decode and paint, all included).
 */
final class FirstFrame {
    private static final long TIMEOUT_SECONDS = 30;
    private static final String SHOWN = "first frame shown";

    private FirstFrame() {
    }

    /** Seconds from launching both scripts until the receiver's first frame is shown. */
    static double seconds(Path repo, String... senderOptions) throws Exception {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0)) {
            port = probe.getLocalPort(); // free now; the receiver binds it a moment later
        }
        List<String> senderCommand = new ArrayList<>(List.of("./run-sender.sh", "--port", String.valueOf(port)));
        senderCommand.addAll(List.of(senderOptions));
        long start = System.nanoTime();
        Process receiver = new ProcessBuilder("./run-receiver.sh", "--headless", "--port", String.valueOf(port))
                .directory(repo.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Process sender = new ProcessBuilder(senderCommand).directory(repo.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            CompletableFuture<Long> shown = new CompletableFuture<>();
            Thread reader = new Thread(() -> watch(receiver, shown), "bench-first-frame");
            reader.setDaemon(true);
            reader.start();
            return (shown.get(TIMEOUT_SECONDS, TimeUnit.SECONDS) - start) / 1e9;
        } finally {
            sender.destroy(); // SIGTERM: both exit through their shutdown hooks, leaving nothing behind
            receiver.destroy();
            sender.waitFor(10, TimeUnit.SECONDS);
            receiver.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Completes {@code shown} with the time the receiver announced its first frame. */
    private static void watch(Process receiver, CompletableFuture<Long> shown) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(receiver.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(SHOWN) && !shown.isDone()) {
                    shown.complete(System.nanoTime());
                }
            }
            shown.completeExceptionally(new IOException("the receiver exited without showing a frame"));
        } catch (IOException e) {
            shown.completeExceptionally(e);
        }
    }
}
