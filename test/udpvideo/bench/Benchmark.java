package udpvideo.bench;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;
import udpvideo.source.TestPatternSource;

/**
 * {@code make bench}: the codec floor, then the real sender and receiver in this JVM over loopback at three sizes
 * and three modes, each size followed by the classic Python tutorial's pipeline at the same size
 * ({@link TutorialComparison}, when python3-opencv is installed), then the time to the first picture with both
 * scripts started as a user would. Prints one table, the tutorial's figures beside ours, and the targets it is held
 * to, and writes the same to {@code build/bench.txt}.
 *
 * <p>{@code -Dbench.only=TEXT} runs only the rows whose {@code SIZE/MODE} name contains TEXT, such as
 * {@code 1280x720/DECODE_ALL}, and only the tutorial's runs whose names contain it ({@code 1280x720/TUTORIAL_UNPACED},
 * {@code 1280x720/TUTORIAL_PACED}; {@code TUTORIAL} for all of them); it prints the tables, not the targets.
 */
public final class Benchmark {
    static final List<Dimension> SIZES =
            List.of(new Dimension(640, 480), new Dimension(1280, 720), new Dimension(1920, 1080));
    static final int QUALITY = 80;
    private static final int CODEC_ROUNDS = 60;
    private static final long WARMUP_MS = 2_000;
    /** 450 frames at 30 fps: the p99 is then the 5th slowest, so one stall of a shared host does not decide it. */
    private static final long PACED_MEASURE_MS = 15_000;
    private static final long UNPACED_MEASURE_MS = 5_000;
    /** The tutorial's receiver counts from its first frame on: Python has no JIT compiler to wait for. */
    private static final long TUTORIAL_WARMUP_MS = 1_000;
    /** 150 frames paced, and 5 s unpaced like our rows. */
    private static final long TUTORIAL_MEASURE_MS = 5_000;
    private static final Path REPORT = Path.of("build", "bench.txt");

    private Benchmark() {
    }

    /** Runs everything and prints the report. */
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Report report = new Report();
        report.header(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
        List<ImageIoAsIs> asIs = new ArrayList<>();
        for (Dimension size : SIZES) {
            asIs.add(ImageIoAsIs.measure(size, QUALITY)); // first: see ImageIoAsIs
        }
        List<CodecFloor> floors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String only = System.getProperty("bench.only", ""); // e.g. 1280x720/DECODE_ALL, to profile one row
        TutorialComparison tutorial = TutorialComparison.probe(only);
        for (Dimension size : SIZES) {
            // measured on either side of the size's rows, the lower kept: the machine's speed drifts, and a
            // floor measured during a slow spell would flatter every row judged against it
            CodecFloor before = CodecFloor.measure(size, QUALITY, CODEC_ROUNDS);
            List<PipelineRun.Mode> modes = new ArrayList<>();
            for (PipelineRun.Mode mode : PipelineRun.Mode.values()) {
                if (mode.runsAt(size) && (size.width + "x" + size.height + "/" + mode.name()).contains(only)) {
                    modes.add(mode);
                }
            }
            List<Row> sizeRows = new ArrayList<>();
            for (PipelineRun.Mode mode : modes) {
                long measureMs = mode.fps > 0 ? PACED_MEASURE_MS : UNPACED_MEASURE_MS;
                sizeRows.add(PipelineRun.run(size, mode, QUALITY, WARMUP_MS, measureMs));
            }
            CodecFloor after = CodecFloor.measure(size, QUALITY, CODEC_ROUNDS);
            CodecFloor floor = after.totalMs() < before.totalMs() ? after : before;
            floors.add(floor);
            for (Row row : sizeRows) {
                rows.add(row.withFloor(floor));
            }
            // after ours has stopped, so that the two never share the cores
            tutorial.measure(size, QUALITY, floor, TUTORIAL_WARMUP_MS, TUTORIAL_MEASURE_MS);
        }
        report.floors(floors, asIs);
        report.table(rows);
        report.tutorial(tutorial.lines(rows, floors, TUTORIAL_WARMUP_MS, TUTORIAL_MEASURE_MS));
        if (!only.isEmpty()) {
            System.exit(0);
        }
        Path repo = Path.of("").toAbsolutePath();
        Path video = Files.createTempFile("udpvideo-bench", ".avi");
        try {
            writeVideo(video, SIZES.get(0), 150);
            report.firstFrame(FirstFrame.seconds(repo, "--source", "test", "--frames", "300"),
                    FirstFrame.seconds(repo, "--source", video.toString()));
        } finally {
            Files.deleteIfExists(video);
        }
        report.targets(floors, asIs, rows, tutorial);
        report.footer((System.nanoTime() - start) / 1e9);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report.text());
        System.out.println("written to " + REPORT);
        System.exit(0); // the last row's window-less AWT bits must not keep the JVM alive
    }

    /** Writes {@code frames} test pattern frames as an MJPEG AVI with OpenCV's own writer (no FFmpeg needed). */
    private static void writeVideo(Path path, Dimension size, int frames) throws IOException {
        nu.pattern.OpenCV.loadLocally();
        VideoWriter writer = new VideoWriter(path.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), TestPatternSource.FRAMES_PER_SECOND,
                new Size(size.width, size.height));
        if (!writer.isOpened()) {
            throw new IOException("OpenCV cannot write " + path);
        }
        TestPatternSource pattern = new TestPatternSource(size);
        Mat mat = new Mat(size.height, size.width, CvType.CV_8UC3);
        try {
            for (int i = 0; i < frames; i++) {
                BufferedImage image = pattern.render(i);
                mat.put(0, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData());
                writer.write(mat);
            }
        } finally {
            writer.release();
            mat.release();
        }
    }

    /** Formats numbers the same way everywhere in the report. */
    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
