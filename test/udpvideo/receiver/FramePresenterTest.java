package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpvideo.cli.StopSignal;
import udpvideo.viewer.FrameView;

class FramePresenterTest {
    /** Remembers what it was asked to show, and paints at once. */
    private static final class RecordingView implements FrameView {
        final List<BufferedImage> shown = new ArrayList<>();
        final List<String> overlays = new ArrayList<>();
        int noSignals;

        @Override
        public void show(BufferedImage frame, String overlay, Runnable onPainted) {
            shown.add(frame);
            overlays.add(overlay);
            onPainted.run();
        }

        @Override
        public void showNoSignal() {
            noSignals++;
        }

        @Override
        public void setStatus(String status) {
            // not under test here
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());
    private static final long SECOND = 1_000_000_000L;
    /** Times are on System.nanoTime's scale, which the presenter starts from; 10 s on, to be clear of it. */
    private static final long T = System.nanoTime() + 10 * SECOND;

    private final RecordingView view = new RecordingView();
    private final ReceiverStats stats = new ReceiverStats();
    private final FramePresenter presenter = presenter(true);

    private FramePresenter presenter(boolean isOverlaid) {
        return new FramePresenter(view, stats, new FrameAcceptor(stats, new FrameMailbox(),
                new SinkThread(List.of(), NOWHERE), 0, new StopSignal()), NOWHERE, () -> 0, isOverlaid);
    }

    private static BufferedImage image() {
        return new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void showsEachFrameItIsGivenAndCountsIt() {
        BufferedImage first = image();
        BufferedImage second = image();
        presenter.show(first, null, T);
        presenter.show(second, null, T + SECOND);
        assertEquals(List.of(first, second), view.shown);
        assertEquals(2, stats.shown.get());
    }

    @Test
    void drawsTheFrameRateOverThePictureUnlessTurnedOff() {
        presenter.show(image(), null, T);
        presenter(false).show(image(), null, T);
        assertTrue(view.overlays.get(0).startsWith("FPS: "), view.overlays.get(0));
        assertNull(view.overlays.get(1), "--no-overlay");
    }

    @Test
    void waitsOutTheRestOfASixtiethOfASecond() {
        presenter.show(image(), null, T);
        assertEquals(FramePresenter.MIN_SHOW_INTERVAL_NANOS - SECOND / 100,
                presenter.nanosUntilNextShow(T + SECOND / 100));
        assertEquals(0, presenter.nanosUntilNextShow(T + SECOND));
    }

    @Test
    void showsNoSignalOnceAfterASecondWithoutFrames() {
        presenter.show(image(), null, T);
        presenter.tick(T + SECOND / 2);
        assertEquals(0, view.noSignals, "half a second");
        presenter.tick(T + SECOND + 1);
        presenter.tick(T + 2 * SECOND);
        assertEquals(1, view.noSignals);
    }

    @Test
    void lendsBackAnImageNotShown() {
        BufferedImage image = presenter.acquire(64, 48);
        presenter.unused(image);
        assertSame(image, presenter.acquire(64, 48));
    }
}
