package udpvideo.bench;

import static udpvideo.bench.Benchmark.format;

import java.awt.Dimension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The classic Python tutorial's pipeline beside ours: which of its runs ({@link TutorialRun}) the benchmark makes,
 * what each measured or why it has no figure, and the report's lines comparing them with our rows. Without
 * python3-opencv it says the comparison was skipped; no figure of the tutorial's is ever taken from elsewhere.
 *
 * <p>Its runs are named like rows, for {@code -Dbench.only}: {@code SIZE/TUTORIAL_UNPACED} at each size, the
 * throughput ours is judged against, and {@code 1280x720/TUTORIAL_PACED}, the CPU time a frame costs at 30 fps.
 * So {@code -Dbench.only=1280x720} runs ours and the tutorial's at that size, {@code -Dbench.only=TUTORIAL} the
 * tutorial's alone, and {@code -Dbench.only=1280x720/DECODE_ALL} none of the tutorial's.
 */
final class TutorialComparison {
    /** The size of the CPU comparison: a 720p camera, as a laptop or a Raspberry Pi runs one. */
    static final Dimension PACED_SIZE = new Dimension(1280, 720);
    /** The pace of the CPU comparison, frames per second: our paced rows'. */
    static final double PACED_FPS = 30;

    /** The {@code -Dbench.only} filter; empty for everything. */
    private final String only;
    /** The OpenCV version the scripts run with; null when they cannot run. */
    private final String openCvVersion;
    /** Why the scripts cannot run; null when they can. */
    private final String unavailable;
    /** Figures by run name. */
    private final Map<String, TutorialRow> measured = new HashMap<>();
    /** Why a run that was tried has no figure, by run name. */
    private final Map<String, String> failures = new HashMap<>();

    private TutorialComparison(String only, String openCvVersion, String unavailable) {
        this.only = only;
        this.openCvVersion = openCvVersion;
        this.unavailable = unavailable;
    }

    /** Finds out whether the tutorial's scripts can run here; {@code only} is the {@code -Dbench.only} filter. */
    static TutorialComparison probe(String only) throws InterruptedException {
        try {
            return new TutorialComparison(only, TutorialRun.openCvVersion(), null);
        } catch (IOException e) {
            return new TutorialComparison(only, null, TutorialRun.PYTHON + " cannot import cv2 and numpy"
                    + " (install python3-opencv): " + e.getMessage());
        }
    }

    /**
     * Runs the tutorial's selected runs at {@code size}: unpaced, and paced at {@link #PACED_SIZE}; its JPEGs at
     * {@code quality} the size of ours ({@code floor}). A run that fails is recorded, not thrown: the rest of the
     * benchmark still runs.
     */
    void measure(Dimension size, int quality, CodecFloor floor, long warmupMs, long measureMs)
            throws InterruptedException {
        if (unavailable != null) {
            return;
        }
        tryRun(unpacedName(size), size, 0, quality, floor, warmupMs, measureMs);
        if (size.equals(PACED_SIZE)) {
            tryRun(pacedName(), size, PACED_FPS, quality, floor, warmupMs, measureMs);
        }
    }

    private void tryRun(String name, Dimension size, double fps, int quality, CodecFloor floor, long warmupMs,
            long measureMs) throws InterruptedException {
        if (!name.contains(only)) {
            return;
        }
        try {
            measured.put(name, TutorialRun.run(size, fps, quality, floor.jpegBytes(), warmupMs, measureMs));
        } catch (IOException e) {
            failures.put(name, "its run failed: " + e.getMessage());
        }
    }

    /** The tutorial's unpaced figures at {@code size}, when measured. */
    Optional<TutorialRow> unpaced(Dimension size) {
        return Optional.ofNullable(measured.get(unpacedName(size)));
    }

    /** Why run {@code name} has no figure. */
    String whyNot(String name) {
        if (unavailable != null) {
            return "comparison skipped: " + unavailable;
        }
        return failures.getOrDefault(name, "not run: -Dbench.only=" + only + " does not select " + name);
    }

    /** Why {@code size}'s unpaced run has no figure. */
    String whyNotUnpaced(Dimension size) {
        return whyNot(unpacedName(size));
    }

    /** The report's section: how the tutorial was run, what it measured, and ours over its. */
    List<String> lines(List<Row> rows, List<CodecFloor> floors, long warmupMs, long measureMs) {
        List<String> lines = new ArrayList<>();
        if (unavailable != null) {
            lines.add("the tutorial's pipeline: comparison skipped, " + unavailable);
            return lines;
        }
        lines.add(format("the tutorial's pipeline, run by this benchmark: test/python/tutorial_sender.py and"
                + " tutorial_receiver.py under %s (OpenCV %s), over loopback on the same cores as ours",
                TutorialRun.PYTHON, openCvVersion));
        lines.add(format("  sender: its numpy picture at our JPEG quality, %d, its grain (noise, in 8-bit levels)"
                + " scaled until its JPEGs are ours in size; %d frames drawn up front and sent in turn, so that it"
                + " only encodes and sends, as behind a camera", Benchmark.QUALITY, TutorialRun.CYCLE_FRAMES));
        lines.add(format("  receiver: the tutorial's, stock receive buffer, cv2.imdecode on every frame; counts"
                + " %.1f s after %.1f s of warm-up", measureMs / 1000.0, warmupMs / 1000.0));
        lines.add("  frames/s: reassembled by the receiver; imdecode/s: of those, the ones cv2.imdecode returned a"
                + " picture for; broken/s: glued from two frames, or headless, by a lost datagram (its countdown"
                + " skipped, or no JPEG start), which imdecode often still returns a picture for; intact/s: decoded"
                + " and not broken; CPU ms/frame: sender + receiver");
        lines.add(format("  %-10s %-14s %7s %6s %8s %8s %8s %8s %10s %9s %9s %14s", "size", "run", "quality",
                "grain", "JPEG KB", "ours KB", "sent/s", "frames/s", "imdecode/s", "broken/s", "intact/s",
                "CPU ms/frame"));
        for (CodecFloor floor : floors) {
            lines.add(runLine(unpacedName(floor.size()), "unpaced", floor));
            if (floor.size().equals(PACED_SIZE)) {
                lines.add(runLine(pacedName(), format("paced %.0f fps", PACED_FPS), floor));
            }
        }
        lines.add("  ours / the tutorial's, intact frames/s over the measured seconds (ours unpaced: accepted, whole"
                + " and verified by CRC; ours decode all: decoded)");
        lines.add(format("  %-10s %9s %13s %7s %16s %7s", "size", "tutorial", "ours unpaced", "ratio",
                "ours decode all", "ratio"));
        for (CodecFloor floor : floors) {
            Optional<TutorialRow> tutorial = unpaced(floor.size());
            Optional<Row> unpaced = row(rows, floor.size(), PipelineRun.Mode.UNPACED);
            Optional<Row> decodeAll = row(rows, floor.size(), PipelineRun.Mode.DECODE_ALL);
            lines.add(format("  %-10s %9s %13s %7s %16s %7s", text(floor.size()),
                    tutorial.map(t -> format("%.1f", t.intactPerSecond())).orElse("-"),
                    unpaced.map(r -> format("%.1f", r.acceptedPerSecond())).orElse("-"),
                    ratio(unpaced.map(Row::acceptedPerSecond), tutorial),
                    decodeAll.map(r -> format("%.1f", r.decodedPerSecond())).orElse("-"),
                    ratio(decodeAll.map(Row::decodedPerSecond), tutorial)));
        }
        lines.add(cpuLine(rows));
        return lines;
    }

    private String runLine(String name, String label, CodecFloor floor) {
        TutorialRow run = measured.get(name);
        if (run == null) {
            return format("  %-10s %-14s %s", text(floor.size()), label, whyNot(name));
        }
        return format("  %-10s %-14s %7d %6.2f %8.1f %8.1f %8.1f %8.1f %10.1f %9.1f %9.1f %14s",
                text(floor.size()), label, run.quality(), run.grain(), run.jpegBytes() / 1000,
                floor.jpegBytes() / 1000.0, run.sentPerSecond(), run.frames() / run.seconds(),
                run.decodedPerSecond(), run.broken() / run.seconds(), run.intactPerSecond(),
                format("%.2f+%s", run.senderCpuMsPerFrame(), Double.isNaN(run.receiverCpuMsPerFrame()) ? "-"
                        : format("%.2f", run.receiverCpuMsPerFrame())));
    }

    /** Ours against the tutorial's CPU time per frame, at 720p and 30 fps. */
    private String cpuLine(List<Row> rows) {
        String what = format("  CPU ms per frame, sender and receiver together, paced %s at %.0f fps: ",
                text(PACED_SIZE), PACED_FPS);
        Optional<Row> ours = row(rows, PACED_SIZE, PipelineRun.Mode.PACED);
        TutorialRow tutorial = measured.get(pacedName());
        if (ours.isEmpty()) {
            return what + "ours not run: -Dbench.only=" + only + " does not select " + text(PACED_SIZE) + "/PACED";
        }
        if (tutorial == null) {
            return what + "ours " + format("%.2f", ours.get().cpuMsPerFrame()) + "; the tutorial's "
                    + whyNot(pacedName());
        }
        return what + format("ours %.2f (one JVM, all its threads, per accepted frame, drawing the test pattern"
                + " and painting included), the tutorial's %.2f (sender %.2f + receiver %.2f, per frame, its frames"
                + " drawn up front, none painted); ours / the tutorial's %.2f",
                ours.get().cpuMsPerFrame(), tutorial.cpuMsPerFrame(), tutorial.senderCpuMsPerFrame(),
                tutorial.receiverCpuMsPerFrame(), ours.get().cpuMsPerFrame() / tutorial.cpuMsPerFrame());
    }

    private static String ratio(Optional<Double> ours, Optional<TutorialRow> tutorial) {
        if (ours.isEmpty() || tutorial.isEmpty()) {
            return "-";
        }
        if (tutorial.get().intact() == 0) {
            return "no intact"; // the tutorial's receiver decoded nothing whole: any ratio would be infinite
        }
        return format("%.2f", ours.get() / tutorial.get().intactPerSecond());
    }

    private static Optional<Row> row(List<Row> rows, Dimension size, PipelineRun.Mode mode) {
        return rows.stream().filter(row -> row.size().equals(size) && row.mode() == mode).findFirst();
    }

    /** The name {@code -Dbench.only} selects the unpaced run at {@code size} by. */
    private static String unpacedName(Dimension size) {
        return text(size) + "/TUTORIAL_UNPACED";
    }

    /** The name {@code -Dbench.only} selects the paced run by. */
    private static String pacedName() {
        return text(PACED_SIZE) + "/TUTORIAL_PACED";
    }

    private static String text(Dimension size) {
        return size.width + "x" + size.height;
    }
}
