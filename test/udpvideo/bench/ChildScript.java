package udpvideo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the tutorial's Python scripts, run as a child process. A daemon thread this object starts reads its stdout
 * line by line, so the benchmark can wait, bounded, for a line. Its stderr goes to a temporary file, read once it has
 * exited: the tutorial's receiver prints a libjpeg warning for every glued frame, thousands a second, which a pipe
 * would have a thread of this JVM read, on the cores the scripts are being measured on.
 *
 * <p>The benchmark's thread owns it: {@link #close} kills the child if it is still running and deletes the file.
 */
final class ChildScript implements AutoCloseable {
    /** How long a killed child, and the end of its output, may take. */
    private static final long KILL_WAIT_MS = 5_000;
    /** Stderr lines quoted when something went wrong. */
    private static final int QUOTED_LINES = 5;
    /** Put on the queue after the last line; compared by identity, so no line the child prints can be it. */
    private static final String END_OF_OUTPUT = new String("end of output");

    /** Names the child in messages: the script's file name. */
    private final String name;
    private final Process process;
    /** The child's stderr, a temporary file this object deletes. */
    private final Path stderr;
    /** Stdout lines not yet taken, then {@link #END_OF_OUTPUT}; filled by {@link #reader}. */
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final Thread reader;

    private ChildScript(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "bench-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command}; {@code name} names it in messages. The caller owns the result and closes it. */
    static ChildScript start(String name, List<String> command) throws IOException {
        Path stderr = Files.createTempFile("udpvideo-bench-" + name, ".stderr");
        try {
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new ChildScript(name, process, stderr);
        } catch (IOException e) {
            Files.deleteIfExists(stderr);
            throw new IOException("cannot start " + String.join(" ", command), e);
        }
    }

    /**
     * The first stdout line not taken yet that {@code pattern} matches whole, skipping others, waiting until
     * {@code deadlineNanos} ({@link System#nanoTime}).
     *
     * @throws IOException when the child ends its output or the deadline passes first
     */
    Matcher awaitLine(Pattern pattern, long deadlineNanos) throws IOException, InterruptedException {
        while (true) {
            long leftNanos = deadlineNanos - System.nanoTime();
            String line = stdout.poll(Math.max(0, leftNanos), TimeUnit.NANOSECONDS);
            if (line == null || line == END_OF_OUTPUT) {
                throw new IOException(name + " printed no line like '" + pattern + "' "
                        + (line == null ? "in time" : "before it exited") + "; " + lastStderr());
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.matches()) {
                return matcher;
            }
        }
    }

    /** The child's process id (the scripts exec java, so it is the JVM's). */
    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM: both scripts then end their loop, print their summary and exit. */
    void stop() {
        // through the handle: Process.destroy() also closes the child's pipes, so the summary it prints on its
        // way out would meet a broken pipe
        process.toHandle().destroy();
    }

    /** Waits up to {@code timeoutMs} for the child to exit with status 0. */
    void awaitExit(long timeoutMs) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " still running " + timeoutMs + " ms after it should have exited");
        }
        if (process.exitValue() != 0) {
            throw new IOException(name + " exited with status " + process.exitValue() + "; " + lastStderr());
        }
    }

    /** Waits up to {@code timeoutMs} for the child to exit, whatever its status (143 after {@link #stop()}). */
    int awaitStatus(long timeoutMs) throws IOException, InterruptedException {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
            throw new IOException(name + " still running " + timeoutMs + " ms after it should have exited");
        }
        return process.exitValue();
    }

    /** Everything the child printed on stderr; complete once it has exited. */
    List<String> stderrLines() throws IOException {
        return Files.readAllLines(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            reader.join(KILL_WAIT_MS); // the pipe closes with the child, which ends the reader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the kill is sent; the reader is a daemon and ends with the pipe
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private void readStdout() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                stdout.add(line);
            }
        } catch (IOException ignored) {
            // the pipe breaks when close() kills the child: the lines read so far are all there is
        } finally {
            stdout.add(END_OF_OUTPUT);
        }
    }

    /** The last few stderr lines, for a message saying what went wrong. */
    private String lastStderr() {
        try {
            List<String> lines = stderrLines();
            return "its stderr ended " + lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size());
        } catch (IOException e) {
            return "its stderr is unreadable (" + e.getMessage() + ")";
        }
    }
}
