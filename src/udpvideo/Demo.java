package udpvideo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import udpvideo.cli.Program;
import udpvideo.cli.StopSignal;
import udpvideo.receiver.Receiver;
import udpvideo.receiver.ReceiverConfig;
import udpvideo.sender.Sender;
import udpvideo.sender.SenderConfig;
import udpvideo.viewer.Display;
import udpvideo.viewer.FrameView;
import udpvideo.viewer.FrameWindow;
import udpvideo.viewer.OffscreenView;

/**
 * {@code make demo}: the test pattern streamed to a receiver over loopback, in one process. The receiver takes
 * a free port, so the demo never collides with a receiver already running. Shows a window when there is a
 * display, prints the receiver's stats otherwise (no DISPLAY, or one that cannot be reached). Ctrl-C, q, Esc or
 * closing the window stops both.
 */
public final class Demo {
    private Demo() {
    }

    /** Runs the demo until stopped. */
    public static void main(String[] args) throws Exception {
        Program.exitOnUncaughtException("demo");
        StopSignal stop = new StopSignal();
        stop.stopOnShutdown();
        FrameView view;
        String absence = Display.absence();
        if (absence != null) {
            Display.useNone(); // a display that cannot be reached would fail the first picture drawn, too
            System.err.println("demo: " + absence + ", printing the receiver's stats instead of a window");
            view = new OffscreenView(System.err);
        } else {
            view = FrameWindow.open("udpvideo demo", () -> stop.stop("window closed"));
        }
        ReceiverConfig receiverConfig = ReceiverConfig.onPort(0).bind(InetAddress.getLoopbackAddress()).build();
        Receiver receiver = Receiver.start(receiverConfig, view, stop, System.err);
        try {
            InetSocketAddress target = receiver.localAddress();
            System.err.println("demo: receiver listening on port " + target.getPort() + "; sending the test pattern");
            try (Sender sender = Sender.open(SenderConfig.to(target).source("test").build(), System.err, () -> { })) {
                sender.run(stop);
                System.err.println(sender.summary());
            }
        } finally {
            receiver.close();
            System.err.println(receiver.summary());
            stop.cleanupDone();
        }
        System.exit(0);
    }
}
