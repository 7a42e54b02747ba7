package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One run of {@code run-sender.sh} or {@code run-receiver.sh} as a child process, the way a user starts it, or of
 * another command a test plays against them (the tutorial's Python scripts).
 *
 * <p>Two named daemon threads read the child's stdout and stderr line by line, so a chatty child never blocks on
 * a full pipe and the test can wait for a line ("listening on ...") without sleeping. The test thread owns the
 * run: {@link #close()} kills the child if it is still alive, so a failed assertion never leaks a process.
 */
final class ScriptRun implements AutoCloseable {
    /** The repository root: the working directory the tests run in. */
    static final Path REPO = Path.of("").toAbsolutePath();
    /** The built jar, which the scripts and {@link #java} run. */
    static final Path JAR = REPO.resolve("build/udpvideo.jar");
    /** Removed from every child's environment: they make java print "Picked up ..." or change the scripts. */
    private static final List<String> AMBIENT_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTS", "OPENCV_LOG_LEVEL");
    /** How long output may trail the child's exit: the pipes close when it does. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final Lines stdout;
    private final Lines stderr;

    private ScriptRun(Process process, String name) {
        this.process = process;
        this.stdout = Lines.pump(process.getInputStream(), name + "-stdout");
        this.stderr = Lines.pump(process.getErrorStream(), name + "-stderr");
    }

    /** A launch of the script {@code name} in the repository root, with {@code args} passed through. */
    static Launch script(String name, String... args) {
        return new Launch(REPO.resolve(name), List.of(args));
    }

    /** A launch of the script at {@code script}, such as a copy elsewhere, with {@code args} passed through. */
    static Launch scriptAt(Path script, String... args) {
        return new Launch(script, List.of(args));
    }

    /** A launch of {@code program} (a path, or a name looked up on PATH) with {@code args}, in the repository root. */
    static Launch command(String program, String... args) {
        return new Launch(Path.of(program), List.of(args));
    }

    /**
     * A launch of the class {@code mainClass} from {@link #JAR}, with no display ({@code java.awt.headless}: under
     * {@code make test}'s Xvfb a window would open otherwise).
     */
    static Launch java(List<String> jvmOptions, String mainClass, String... args) {
        List<String> words = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        words.addAll(jvmOptions);
        words.addAll(List.of("-cp", JAR.toString(), mainClass));
        words.addAll(List.of(args));
        return new Launch(Path.of(System.getProperty("java.home"), "bin", "java"), words);
    }

    /** Starts the script, waits up to {@code timeout} for its exit and returns what it did. */
    static Result run(Launch launch, Duration timeout) throws IOException, InterruptedException {
        try (ScriptRun run = launch.start()) {
            return run.awaitExit(timeout);
        }
    }

    /** The child's process id: the JVM's, since the scripts {@code exec java}. */
    long pid() {
        return process.pid();
    }

    /** Waits up to {@code timeout} for a stdout line that passes {@code test}; fails the test without one. */
    String awaitStdout(Predicate<String> test, String what, Duration timeout) throws InterruptedException {
        return await(stdout, test, what, timeout);
    }

    /** Waits up to {@code timeout} for a stderr line that passes {@code test}; fails the test without one. */
    String awaitStderr(Predicate<String> test, String what, Duration timeout) throws InterruptedException {
        return await(stderr, test, what, timeout);
    }

    private String await(Lines lines, Predicate<String> test, String what, Duration timeout)
            throws InterruptedException {
        Optional<String> line = lines.await(test, System.nanoTime() + timeout.toNanos());
        if (line.isEmpty()) {
            fail("no " + what + " within " + timeout.toMillis() + " ms; " + describe());
        }
        return line.get();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does, with {@code kill -INT}. */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid())).inheritIO().start();
        assertTrue(kill.waitFor(5, TimeUnit.SECONDS), "kill -INT " + pid() + " did not return");
        assertEquals(0, kill.exitValue(), "kill -INT " + pid());
    }

    /** Waits up to {@code timeout} for the child to exit and for the end of its output; fails the test if not. */
    Result awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            fail("still running after " + timeout.toMillis() + " ms; " + describe());
        }
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        if (!stdout.awaitEnd(deadline) || !stderr.awaitEnd(deadline)) {
            fail("output still open " + DRAIN_TIMEOUT.toMillis() + " ms after exit; " + describe());
        }
        return new Result(process.exitValue(), stdout.snapshot(), stderr.snapshot());
    }

    /** What the child printed so far, for a failure message. */
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

    /** How a finished run ended: exit status and every line it printed. */
    record Result(int status, List<String> stdout, List<String> stderr) {
        /** The last line of stdout, or "" when there was none. */
        String lastStdout() {
            return stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1);
        }

        /** The lines of stderr that contain {@code text}. */
        List<String> stderrContaining(String text) {
            return stderr.stream().filter(line -> line.contains(text)).toList();
        }
    }

    /** What to start: the script or program, its arguments, working directory and environment. Not thread-safe. */
    static final class Launch {
        private final Path program;
        private final List<String> args;
        private Path directory = REPO;
        private final Map<String, String> setVariables = new HashMap<>();
        private final Set<String> unsetVariables = new HashSet<>();
        private boolean isSigintDefault;

        private Launch(Path program, List<String> args) {
            this.program = program;
            this.args = args;
        }

        /** Runs in {@code directory} instead of the repository root. */
        Launch in(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Sets an environment variable for the child. */
        Launch env(String name, String value) {
            setVariables.put(name, value);
            unsetVariables.remove(name);
            return this;
        }

        /** Removes an environment variable from the child's environment. */
        Launch unset(String name) {
            unsetVariables.add(name);
            setVariables.remove(name);
            return this;
        }

        /**
         * Makes sure SIGINT reaches the child's JVM. A process started with SIGINT ignored (a background job of a
         * shell script, as a CI runner may start {@code make test}) passes that on, and the JVM then ignores
         * Ctrl-C too; GNU {@code env --default-signal} restores the default before {@code exec}.
         */
        Launch withDefaultSigint() {
            isSigintDefault = true;
            return this;
        }

        /** Starts the child; the caller owns the returned run and closes it. */
        ScriptRun start() throws IOException {
            List<String> command = new ArrayList<>();
            if (isSigintDefault && isSigintIgnoredHere()) {
                command.addAll(List.of("env", "--default-signal=INT"));
            }
            command.add(program.toString());
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().keySet().removeAll(AMBIENT_VARIABLES);
            builder.environment().keySet().removeAll(unsetVariables);
            builder.environment().putAll(setVariables);
            return new ScriptRun(builder.start(), program.getFileName() + " " + String.join(" ", args));
        }

        @Override
        public String toString() {
            return program.getFileName() + " " + String.join(" ", args);
        }
    }

    /** Whether this JVM ignores SIGINT (Linux's /proc says; elsewhere assume not), which children inherit. */
    private static boolean isSigintIgnoredHere() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    long ignoredMask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                    return (ignoredMask & (1L << (2 - 1))) != 0; // bit n-1 stands for signal n; SIGINT is 2
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + status, e);
        }
    }

    /** The lines one output stream of the child has printed; one pump thread adds, the test thread reads. */
    private static final class Lines {
        private final List<String> lines = new ArrayList<>();
        private boolean isEnded;

        /** Starts a daemon thread named {@code name} that reads {@code in} to its end into a new {@code Lines}. */
        static Lines pump(InputStream in, String name) {
            Lines lines = new Lines();
            Thread thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the pipe breaks when close() kills the child; the lines read so far are all there is
                } finally {
                    lines.end();
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            return lines;
        }

        private synchronized void add(String line) {
            lines.add(line);
            notifyAll();
        }

        private synchronized void end() {
            isEnded = true;
            notifyAll();
        }

        /** The first line that passes {@code test}, waiting until {@code deadlineNanos}; empty at the end. */
        synchronized Optional<String> await(Predicate<String> test, long deadlineNanos) throws InterruptedException {
            for (int checked = 0; ; checked++) {
                while (checked == lines.size()) {
                    long leftNanos = deadlineNanos - System.nanoTime();
                    if (isEnded || leftNanos <= 0) {
                        return Optional.empty();
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, leftNanos);
                }
                if (test.test(lines.get(checked))) {
                    return Optional.of(lines.get(checked));
                }
            }
        }

        /** Waits until the stream has ended or {@code deadlineNanos} passed; returns whether it ended. */
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
