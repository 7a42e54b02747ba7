package udpvideo.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusEchoTest {
    /** Remembers what it was told. */
    private static final class Remembering implements FrameView {
        final List<String> calls = new ArrayList<>();

        @Override
        public void show(BufferedImage frame, String overlay, Runnable onPainted) {
            calls.add("show " + overlay);
            onPainted.run();
        }

        @Override
        public void showNoSignal() {
            calls.add("no signal");
        }

        @Override
        public void setStatus(String status) {
            calls.add("status " + status);
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }

    @Test
    void theStatusGoesToTheViewAndTheTerminalAndTheRestToTheViewAlone() {
        Remembering view = new Remembering();
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        List<String> painted = new ArrayList<>();
        try (StatusEcho echo = new StatusEcho(view, new PrintStream(terminal, true, StandardCharsets.UTF_8))) {
            echo.show(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "FPS: 1.0", () -> painted.add("painted"));
            echo.showNoSignal();
            echo.setStatus("udpvideo waiting for a sender");
        }
        assertEquals(List.of("show FPS: 1.0", "no signal", "status udpvideo waiting for a sender", "close"),
                view.calls);
        assertEquals(List.of("painted"), painted);
        assertEquals("udpvideo waiting for a sender" + System.lineSeparator(),
                terminal.toString(StandardCharsets.UTF_8));
    }
}
