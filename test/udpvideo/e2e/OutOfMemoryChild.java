package udpvideo.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import udpvideo.cli.Program;

/**
 * A tiny program that runs out of memory the way udpvideo's programs can, for {@link OutOfMemoryTest} to run in
 * a child JVM with a small heap: in the main thread's work ({@code main}), in a thread nobody watches
 * ({@code thread}), or handed on wrapped in an IOException ({@code wrapped}). It prints a summary line first, as
 * the sender does before it gives up, so the test sees that nothing follows the one line about memory.
 */
public final class OutOfMemoryChild {
    private static final Program PROGRAM = new Program("oom-child", "usage: oom-child --main|--thread|--wrapped\n",
            Set.of(), Set.of("--main", "--thread", "--wrapped"));

    private OutOfMemoryChild() {
    }

    /** Runs out of memory as {@code args[0]} says. */
    public static void main(String[] args) {
        PROGRAM.runAndExit(args, (options, stop) -> {
            System.err.println("summary: 0 frames");
            if (options.has("--thread")) {
                Thread thread = new Thread(OutOfMemoryChild::exhaustHeap, "oom-worker");
                thread.start();
                stop.awaitStop(); // the uncaught handler ends the program
            } else if (options.has("--wrapped")) {
                try {
                    exhaustHeap();
                } catch (OutOfMemoryError e) {
                    throw new IOException("encoding frame 0 failed", e);
                }
            } else {
                exhaustHeap();
            }
        });
    }

    /** Fills the heap until the JVM throws {@link OutOfMemoryError}. */
    private static void exhaustHeap() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 20]); // 8 MB at a time
        }
    }
}
