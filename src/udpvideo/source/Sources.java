package udpvideo.source;

import java.awt.Dimension;
import java.nio.file.Path;
import java.util.List;

/**
 * Every kind of frame source, in one list: {@code --source} text goes to the first kind that takes it. A new
 * kind of source is one new class and one line here.
 */
public final class Sources {
    /** Opens a source from the {@code --source} text and the {@code --size} (null for the default). */
    @FunctionalInterface
    private interface Opener {
        FrameSource open(String spec, Dimension size) throws SourceException;
    }

    /** What a kind of source reads from, which decides what must be checked before it opens. */
    private enum Reads {
        /** Nothing outside the program: the test pattern. */
        NOTHING,
        /** The screen: needs a display. */
        SCREEN,
        /** A camera. */
        DEVICE,
        /** A video file or image sequence, named by the {@code --source} text. */
        FILE
    }

    /**
     * One kind of source.
     *
     * @param takes  which {@code --source} texts are this kind's
     * @param reads  what it reads from
     * @param opener how to open one
     */
    private record Kind(Takes takes, Reads reads, Opener opener) {
    }

    /** Whether a {@code --source} text names this kind. */
    @FunctionalInterface
    private interface Takes {
        boolean test(String spec);
    }

    /** Tried in order; a video file takes whatever the others did not, so it comes last. */
    private static final List<Kind> KINDS = List.of(
            new Kind(spec -> spec.equals("test"), Reads.NOTHING, (spec, size) ->
                    new TestPatternSource(size == null ? TestPatternSource.DEFAULT_SIZE : size)),
            new Kind(spec -> spec.equals("screen"), Reads.SCREEN, (spec, size) -> {
                rejectSize(spec, size);
                return ScreenSource.open();
            }),
            new Kind(spec -> spec.equals("camera") || spec.startsWith("camera:"), Reads.DEVICE, Sources::openCamera),
            new Kind(spec -> spec.startsWith("/dev/"), Reads.DEVICE, OpenCvSource::openDevice),
            new Kind(spec -> true, Reads.FILE, (spec, size) -> {
                rejectSize(spec, size);
                return OpenCvSource.openFile(Path.of(spec));
            }));

    private Sources() {
    }

    /**
     * Opens the source the text names: {@code test}, {@code screen}, {@code camera}, {@code camera:N}, a device
     * path such as {@code /dev/video2}, or else a video file.
     *
     * @param size for {@code test} the pattern's size, for a camera the capture size asked of it; null for default
     * @throws SourceException with a message for the user when it cannot be opened
     */
    public static FrameSource open(String spec, Dimension size) throws SourceException {
        return kindOf(spec).opener().open(spec, size);
    }

    /** Whether the source the text names needs a display ({@code screen}); the others draw without one. */
    public static boolean needsDisplay(String spec) {
        return kindOf(spec).reads() == Reads.SCREEN;
    }

    /** The file the text names, for a video file or image sequence; null for the other kinds. */
    public static Path fileOf(String spec) {
        return kindOf(spec).reads() == Reads.FILE ? Path.of(spec) : null;
    }

    private static Kind kindOf(String spec) {
        for (Kind kind : KINDS) {
            if (kind.takes().test(spec)) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind of source takes '" + spec + "'"); // the file kind takes all
    }

    private static FrameSource openCamera(String spec, Dimension size) throws SourceException {
        String index = spec.equals("camera") ? "0" : spec.substring("camera:".length());
        if (!index.matches("[0-9]{1,3}")) {
            throw new SourceException("--source camera:N needs a camera index such as camera:1, was '" + spec + "'");
        }
        return OpenCvSource.openCamera(Integer.parseInt(index), size);
    }

    private static void rejectSize(String spec, Dimension size) throws SourceException {
        if (size != null) {
            throw new SourceException("--size applies to test and camera sources, not '" + spec
                    + "'; use --width to resize what is sent");
        }
    }
}
