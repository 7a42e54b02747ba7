package udpvideo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code make test} prints the tests' results and nothing else: no OpenCV complaints from the test that asks
 * for a missing camera, no colour codes in {@code build/test.log}, no Maven progress. The recipes are read with
 * {@code make -n}, which prints commands without running them; what OpenCV prints is seen in a child JVM.
 */
class MakefileTest {
    private static final Duration RUN = Duration.ofSeconds(30);

    @Test
    void makeTestSilencesOpenCvAndColours() throws Exception {
        String recipe = String.join("\n", dryRun("test"));
        assertTrue(recipe.contains("OPENCV_LOG_LEVEL=${OPENCV_LOG_LEVEL:-SILENT} "), recipe);
        assertTrue(recipe.contains(" --disable-ansi-colors "), recipe);
    }

    @Test
    void mavenDownloadsRunInBatchMode() throws Exception {
        List<String> lines = dryRun("-B", "lib/opencv-4.9.0-0.jar", "lib/junit-platform-console-standalone-1.11.4.jar");
        List<String> maven = lines.stream().filter(line -> line.startsWith("mvn ")).toList();
        assertEquals(2, maven.size(), "one download per jar: " + lines);
        for (String line : maven) {
            assertTrue(line.startsWith("mvn --batch-mode "), line);
        }
    }

    @Test
    void silentOpenCvLeavesOnlyOurLineAboutAMissingCamera() throws Exception {
        // straight into the JVM, not through run-sender.sh, which sets the level itself
        ScriptRun.Result result = ScriptRun.run(ScriptRun.java(List.of(), "udpvideo.sender.SenderMain",
                "--source", "camera:97", "--frames", "1").env("OPENCV_LOG_LEVEL", "SILENT"), RUN);
        assertEquals(2, result.status(), result.toString());
        assertEquals(1, result.stderr().size(), "OpenCV's own lines are silenced: " + result);
        assertTrue(result.stderr().get(0).startsWith("run-sender.sh: cannot open camera 97"), result.toString());
    }

    /** What {@code make -n ARGS} would run, in the repository, as a make of its own (not a sub-make). */
    private static List<String> dryRun(String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of("-n", "--no-print-directory"));
        words.addAll(List.of(args));
        ScriptRun.Result result = ScriptRun.run(ScriptRun.command("make", words.toArray(String[]::new))
                .unset("MAKEFLAGS").unset("MAKELEVEL").unset("MFLAGS"), RUN);
        assertEquals(0, result.status(), result.toString());
        return result.stdout();
    }
}
