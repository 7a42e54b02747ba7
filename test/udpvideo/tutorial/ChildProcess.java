package udpvideo.tutorial;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program a test runs as a child process, in the repository root, with this JDK's {@code java} for Java programs.
 *
 * <p>Two named daemon threads read its stdout and stderr line by line, so a chatty child never blocks on a full
 * pipe and a test can wait for a line ("listening on ...") instead of sleeping. The test owns the child:
 * {@link #close()} kills it if it is still running, so a failed assertion never leaks a process.
 */
final class ChildProcess implements AutoCloseable {
    /** The built jar, as a user runs the tutorial programs; {@code make test} builds it first. */
    static final Path JAR = Path.of("build", "udpvideo.jar");
    /** Removed from every child's environment: they make java print "Picked up ..." on stderr. */
    private static final List<String> AMBIENT_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS");

    private final Process process;
    private final Lines stdout;
    private final Lines stderr;

    private ChildProcess(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        AMBIENT_VARIABLES.forEach(builder.environment()::remove);
        this.process = builder.start();
        this.stdout = Lines.pump(process.getInputStream(), "child-" + process.pid() + "-stdout");
        this.stderr = Lines.pump(process.getErrorStream(), "child-" + process.pid() + "-stderr");
    }

    /** Starts {@code command} (program first). */
    static ChildProcess start(String... command) throws IOException {
        return new ChildProcess(List.of(command));
    }

    /** Starts the class {@code mainClass} from {@link #JAR} with no display ({@code java.awt.headless}). */
    static ChildProcess java(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true"); // make test runs under Xvfb: without this, a window would open
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", JAR.toString(), mainClass));
        command.addAll(List.of(args));
        return new ChildProcess(command);
    }

    /** Waits up to {@code timeout} for a stdout line that passes {@code test}; fails the test without one. */
    String awaitStdout(Predicate<String> test, String what, Duration timeout) throws InterruptedException {
        Optional<String> line = stdout.await(test, System.nanoTime() + timeout.toNanos());
        if (line.isEmpty()) {
            fail("no " + what + " within " + timeout.toMillis() + " ms; " + describe());
        }
        return line.get();
    }

    /** Waits up to {@code timeout} for the child's exit and the end of its output; fails the test if not. */
    Result awaitExit(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) || !stdout.awaitEnd(deadline)
                || !stderr.awaitEnd(deadline)) {
            fail("still running after " + timeout.toMillis() + " ms; " + describe());
        }
        return new Result(process.exitValue(), stdout.snapshot(), stderr.snapshot());
    }

    private String describe() {
        return "stdout " + stdout.snapshot() + ", stderr " + stderr.snapshot();
    }

    /** Kills the child if it is still running, and waits (bounded) until it is gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the test is being cancelled; the kill is already sent
            }
        }
    }

    /** How a finished child ended: exit status and every line it printed. */
    record Result(int status, List<String> stdout, List<String> stderr) {
        /** The last line of stdout, or "" when there was none. */
        String lastStdout() {
            return stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1);
        }
    }

    /** The lines read so far from one stream; filled by its pump thread, read by the test thread. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean isEnded;

        static Lines pump(InputStream in, String threadName) {
            Lines lines = new Lines();
            Thread pump = new Thread(() -> lines.readAll(in), threadName);
            pump.setDaemon(true); // never keeps the test JVM alive; ends with the child's stream
            pump.start();
            return lines;
        }

        private void readAll(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    add(line);
                }
            } catch (IOException ignored) {
                // the stream closed under us when the child was killed: what was read is kept
            } finally {
                end();
            }
        }

        private synchronized void add(String line) {
            lines.add(line);
            notifyAll();
        }

        private synchronized void end() {
            isEnded = true;
            notifyAll();
        }

        synchronized Optional<String> await(Predicate<String> test, long deadlineNanos) throws InterruptedException {
            for (int checked = 0; ; ) {
                for (; checked < lines.size(); checked++) {
                    if (test.test(lines.get(checked))) {
                        return Optional.of(lines.get(checked));
                    }
                }
                long leftNanos = deadlineNanos - System.nanoTime();
                if (isEnded || leftNanos <= 0) {
                    return Optional.empty();
                }
                TimeUnit.NANOSECONDS.timedWait(this, leftNanos);
            }
        }

        synchronized boolean awaitEnd(long deadlineNanos) throws InterruptedException {
            while (!isEnded) {
                long leftNanos = deadlineNanos - System.nanoTime();
                if (leftNanos <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, leftNanos);
            }
            return true;
        }

        synchronized List<String> snapshot() {
            return List.copyOf(lines);
        }
    }
}
