package udpvideo.bench;

import static udpvideo.bench.Benchmark.format;

import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the classic Python tutorial's pipeline, played by {@code test/python/tutorial_sender.py} and
 * {@code tutorial_receiver.py} under Debian's {@code /usr/bin/python3} (python3-opencv), over loopback: the figure
 * ours is judged against, measured on the same machine in the same run, not quoted from another.
 *
 * <p>Made like for like with ours: the sender encodes at our quality, its picture's noise scaled until its JPEGs are
 * the size of our test pattern's ({@code --match-jpeg-bytes}), and sends {@value #CYCLE_FRAMES} frames drawn up
 * front in turn, so that it spends its time encoding and sending, as behind a camera, not in numpy drawing. The
 * receiver is the tutorial's: the stock receive buffer, every frame decoded. It measures its own window, after a
 * warm-up, and reports frames and CPU time; the sender reports its CPU time per frame sent.
 */
final class TutorialRun {
    /** The interpreter the scripts are written for: Debian's, where python3-opencv installs cv2. */
    static final String PYTHON = "/usr/bin/python3";
    private static final Path SCRIPTS = Path.of("test", "python");
    /** Frames the sender draws before sending: 16 of 1920x1080 are 100 MB of numpy arrays. */
    static final int CYCLE_FRAMES = 16;
    /** How long Python may take to start and import cv2 and numpy, and the sender to match and draw its frames. */
    private static final long START_TIMEOUT_MS = 20_000;
    /** The receiver gives up after this long without a datagram (its {@code --timeout}); the sender's start-up. */
    private static final long SILENCE_MS = 10_000;
    /** How long a script may take to exit once its work is done or it was told to stop. */
    private static final long EXIT_TIMEOUT_MS = 5_000;
    /** The least share of the measured time the receiver's window must cover: less means the stream ended early. */
    private static final double LEAST_WINDOW_SHARE = 0.9;

    private static final Pattern LISTENING = Pattern.compile("listening on (\\S+):(\\d+)");
    private static final Pattern MEASURED = Pattern.compile("measured ([0-9.]+) s: frames (\\d+) decoded (\\d+)"
            + " failed (\\d+) broken (\\d+) intact (\\d+), CPU ([0-9.]+) s");
    private static final Pattern GRAIN = Pattern.compile("grain ([0-9.]+): mean JPEG size .*");
    private static final Pattern MEAN_SIZE = Pattern.compile("mean JPEG size (\\d+) bytes .*");
    private static final Pattern SENT = Pattern.compile("sent (\\d+) frames in ([0-9.]+) s, CPU ([0-9.]+) s");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\S*");

    private TutorialRun() {
    }

    /** The OpenCV version {@link #PYTHON} imports. */
    static String openCvVersion() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IOException("no " + PYTHON);
        }
        try (ChildScript probe = ChildScript.start("python3",
                List.of(PYTHON, "-c", "import cv2, numpy; print(cv2.__version__)"))) {
            String version = probe.awaitLine(VERSION, System.nanoTime() + START_TIMEOUT_MS * 1_000_000).group();
            probe.awaitExit(EXIT_TIMEOUT_MS);
            return version;
        }
    }

    /**
     * Runs the pipeline at {@code size}: the sender at {@code fps} (0: as fast as it can), JPEGs at {@code quality}
     * of about {@code jpegBytes}; the receiver counts {@code measureMs} after {@code warmupMs}.
     */
    static TutorialRow run(Dimension size, double fps, int quality, long jpegBytes, long warmupMs, long measureMs)
            throws IOException, InterruptedException {
        List<String> receiverCommand = List.of(PYTHON, script("tutorial_receiver.py"), "--bind", "127.0.0.1",
                "--port", "0", "--warmup", seconds(warmupMs), "--duration", seconds(measureMs),
                "--timeout", seconds(SILENCE_MS));
        try (ChildScript receiver = ChildScript.start("tutorial_receiver.py", receiverCommand)) {
            Matcher listening = receiver.awaitLine(LISTENING, deadline(START_TIMEOUT_MS));
            List<String> senderCommand = List.of(PYTHON, script("tutorial_sender.py"), "--host", listening.group(1),
                    "--port", listening.group(2), "--width", String.valueOf(size.width),
                    "--height", String.valueOf(size.height), "--fps", String.valueOf(fps),
                    "--quality", String.valueOf(quality), "--match-jpeg-bytes", String.valueOf(jpegBytes),
                    "--cycle", String.valueOf(CYCLE_FRAMES),
                    // a bound only: the sender is stopped once the receiver's window is over
                    "--duration", seconds(warmupMs + measureMs + SILENCE_MS));
            try (ChildScript sender = ChildScript.start("tutorial_sender.py", senderCommand)) {
                Matcher measured = receiver.awaitLine(MEASURED,
                        deadline(START_TIMEOUT_MS + warmupMs + measureMs + SILENCE_MS));
                receiver.awaitExit(EXIT_TIMEOUT_MS);
                sender.stop();
                sender.awaitExit(EXIT_TIMEOUT_MS);
                return row(size, quality, measured, sender.stderrLines(), measureMs);
            }
        }
    }

    private static TutorialRow row(Dimension size, int quality, Matcher measured,
            List<String> senderStderr, long measureMs) throws IOException {
        double seconds = Double.parseDouble(measured.group(1));
        long frames = Long.parseLong(measured.group(2));
        // no frame in a whole window is a figure (the receiver found no frame boundary); a short window is not
        if (seconds < LEAST_WINDOW_SHARE * measureMs / 1000.0) {
            throw new IOException(format("the tutorial's receiver measured %.2f s of the %.1f s asked for: its"
                    + " stream ended early; %s", seconds, measureMs / 1000.0, measured.group()));
        }
        Matcher sent = find(SENT, senderStderr);
        long sentFrames = Long.parseLong(sent.group(1));
        return new TutorialRow(size, quality, Double.parseDouble(find(GRAIN, senderStderr).group(1)),
                Double.parseDouble(find(MEAN_SIZE, senderStderr).group(1)),
                sentFrames / Double.parseDouble(sent.group(2)), seconds, frames, Long.parseLong(measured.group(3)),
                Long.parseLong(measured.group(5)), Long.parseLong(measured.group(6)),
                Double.parseDouble(sent.group(3)) * 1000 / sentFrames,
                frames == 0 ? Double.NaN : Double.parseDouble(measured.group(7)) * 1000 / frames);
    }

    /** The first of {@code lines} that {@code pattern} matches whole. */
    private static Matcher find(Pattern pattern, List<String> lines) throws IOException {
        for (String line : lines) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                return matcher;
            }
        }
        throw new IOException("the tutorial's sender printed no line like '" + pattern + "' on stderr: " + lines);
    }

    /** The path of {@code name} under {@link #SCRIPTS}, relative to the repository root, {@code make}'s directory. */
    private static String script(String name) throws IOException {
        Path path = SCRIPTS.resolve(name);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no " + path.toAbsolutePath() + ": the benchmark must run from the repository root");
        }
        return path.toString();
    }

    private static long deadline(long fromNowMs) {
        return System.nanoTime() + fromNowMs * 1_000_000;
    }

    private static String seconds(long ms) {
        return format("%.3f", ms / 1000.0);
    }
}
