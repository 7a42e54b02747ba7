package udpvideo.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;

/**
 * What every udpvideo program does around its own work: print {@code --help}, parse the options, make Ctrl-C pull
 * the stop signal, turn a user's mistake into one line on stderr, and exit with the right {@link ExitCode}.
 */
public final class Program {
    /** A program's own work, given its parsed options and the stop signal. */
    public interface Body {
        /**
         * Runs until done or stopped; a {@link UsageException} is the user's to fix, a {@link RunFailedException}
         * says the run achieved nothing.
         */
        void run(CommandLine options, StopSignal stop) throws UsageException, RunFailedException, IOException;
    }

    /** Out of memory, said with what to do, as the end of a line that says where. */
    private static final String OUT_OF_MEMORY =
            " ran out of memory; give Java more, such as JAVA_OPTS=-Xmx1g (the run scripts pass it on)";
    /** Causes looked through for an {@link OutOfMemoryError}; a chain longer than this is a loop. */
    private static final int MAX_CAUSES = 16;

    private final String name;
    private final String help;
    private final Set<String> valued;
    private final Set<String> flags;

    /**
     * @param name   how the user calls it, such as {@code run-sender.sh}: every error line starts with it
     * @param help   the text {@code --help} prints
     * @param valued options that take a value
     * @param flags  options that stand alone ({@code --help} is added)
     */
    public Program(String name, String help, Set<String> valued, Set<String> flags) {
        this.name = name;
        this.help = help;
        this.valued = valued;
        this.flags = flags;
    }

    /** Runs {@code body} with {@code args} and exits the JVM with its status. Call from {@code main}. */
    public void runAndExit(String[] args, Body body) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(help);
            System.exit(ExitCode.OK.status);
        }
        exitOnUncaughtException(name);
        System.exit(run(args, body).status);
    }

    /**
     * Every thread's last word, for the program called {@code name}: a thread that dies of an exception nobody
     * caught leaves the program unable to go on (a receiver without its receive thread would show "no signal"
     * forever), so it says so in one line and exits with status 1.
     */
    public static void exitOnUncaughtException(String name) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.err.println(isOutOfMemory(e) ? name + ": failed: thread " + thread.getName() + OUT_OF_MEMORY
                    : name + ": failed: thread " + thread.getName() + " stopped: " + e);
            System.exit(ExitCode.FAILURE.status);
        });
    }

    /** Whether {@code e}, or an exception that caused it, is an {@link OutOfMemoryError}. */
    static boolean isOutOfMemory(Throwable e) {
        Throwable cause = e;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private ExitCode run(String[] args, Body body) {
        StopSignal stop = new StopSignal();
        stop.stopOnShutdown();
        try {
            body.run(CommandLine.parse(args, valued, flags), stop);
            return ExitCode.OK;
        } catch (UsageException e) {
            System.err.println(name + ": " + e.getMessage());
            return ExitCode.USAGE;
        } catch (RunFailedException e) {
            System.err.println(name + ": " + e.getMessage());
            return ExitCode.FAILURE;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // an encoder's helper thread may hand its OutOfMemoryError on wrapped: the hint is for either
            System.err.println(isOutOfMemory(e) ? name + ": failed:" + OUT_OF_MEMORY : name + ": failed: " + e);
            return ExitCode.FAILURE;
        } finally {
            stop.cleanupDone();
        }
    }
}
