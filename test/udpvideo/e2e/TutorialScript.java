package udpvideo.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One of the tutorial's Python scripts ({@code test/python/tutorial_*.py}) running as a child process.
 *
 * <p>Owns the process and the thread that reads its stdout line by line, so a test can wait (bounded) for a
 * line such as {@code listening on 127.0.0.1:PORT} while the script keeps running. Stderr goes to a file, quoted
 * in failure messages. The test thread that starts it closes it; {@link #close()} kills a script still running.
 */
final class TutorialScript implements AutoCloseable {
    /** The interpreter the scripts are written for: Debian's, where python3-opencv installs cv2. */
    static final String PYTHON = "/usr/bin/python3";
    /** The scripts, relative to the repository root, which is the working directory under {@code make test}. */
    static final Path SCRIPTS = Path.of("test", "python");
    private static final long READER_JOIN_MS = 2_000;

    private final String name;
    private final Process process;
    private final Path stderr;
    /** Stdout lines not yet taken by {@link #awaitLine}; filled by the reader thread. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    /** Every stdout line, for messages; guarded by itself. */
    private final List<String> transcript = new ArrayList<>();
    private final Thread reader;

    private TutorialScript(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "tutorial-" + name + "-stdout");
        this.reader.setDaemon(true);
    }

    /**
     * Starts {@code script} (a file name under {@link #SCRIPTS}) with {@code arguments}.
     *
     * @param stderr where the script's stderr is written
     */
    static TutorialScript start(String script, Path stderr, String... arguments) throws IOException {
        Path path = SCRIPTS.resolve(script);
        if (!Files.isRegularFile(path)) {
            throw new IOException("no " + path.toAbsolutePath() + ": the tests must run from the repository root");
        }
        List<String> command = new ArrayList<>(List.of(PYTHON, path.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectError(stderr.toFile())
                .start();
        TutorialScript running = new TutorialScript(script, process, stderr);
        running.reader.start();
        return running;
    }

    /** Whether {@link #PYTHON} exists and can {@code import cv2}, which both scripts need. */
    static boolean isPythonWithOpenCvAvailable() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import cv2, numpy")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!probe.waitFor(20, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // no such interpreter
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (transcript) {
                    transcript.add(line);
                }
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the stream closes under us when close() kills the process; what was read is kept
        }
    }

    /** The next stdout line not yet taken, waiting at most {@code timeout}; null when none came in time. */
    String awaitLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Waits at most {@code timeout} for the script to exit and for its stdout to be read to the end.
     *
     * @return the exit status
     * @throws AssertionError when it is still running
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new AssertionError(name + " still running after " + timeout.toSeconds() + " s; " + describe());
        }
        reader.join(READER_JOIN_MS);
        return process.exitValue();
    }

    /** The last stdout line read, or null. */
    String lastLine() {
        synchronized (transcript) {
            return transcript.isEmpty() ? null : transcript.get(transcript.size() - 1);
        }
    }

    /** Its stdout so far and its stderr, for failure messages. */
    String describe() {
        String errors;
        try {
            errors = Files.readString(stderr);
        } catch (IOException e) {
            errors = "(stderr unreadable: " + e.getMessage() + ")";
        }
        synchronized (transcript) {
            return name + " stdout " + transcript + ", stderr [" + errors.strip() + "]";
        }
    }

    /** Kills the script if it is still running, and stops the reader thread. */
    @Override
    public void close() {
        process.destroyForcibly(); // does nothing to a script that has exited
        try {
            process.waitFor(READER_JOIN_MS, TimeUnit.MILLISECONDS);
            reader.join(READER_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the test is being torn down: keep the interrupt for JUnit
        }
    }
}
