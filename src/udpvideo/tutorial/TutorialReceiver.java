package udpvideo.tutorial;

import static java.util.Locale.ROOT;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import javax.imageio.ImageIO;
import javax.swing.ImageIcon;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * The tutorial's receiver, told literally: skip to the end of a frame, then glue datagrams together until the
 * countdown reaches 1, decode the JPEG and show it. Read {@link TutorialSender} first.
 * Usage: {@code TutorialReceiver [PORT]} (12345 by default; 0 picks a free port). For tests,
 * {@code -Dtutorial.frames=N} stops it after N frames, with a line "frames N decoded D failed F" on stdout.
 */
public final class TutorialReceiver {
    /** 2^16, the tutorial's recvfrom size: more than any UDP payload (65,507 bytes), so no datagram is cut. */
    static final int MAX_DATAGRAM_BYTES = 65_536;
    /** The window, opened by the first frame; touched only on Swing's event thread. */
    private static JFrame window;

    public static void main(String[] args) throws IOException {
        // Step 1: the arguments. A user's mistake gets one line and exit status 2, never a stack trace.
        int port = args.length == 0 ? 12_345 : args[0].matches("\\d{1,5}") ? Integer.parseInt(args[0]) : -1;
        if (args.length > 1 || port < 0 || port > 65_535) {
            System.err.println("usage: TutorialReceiver [PORT], PORT 0..65535 (0 picks a free one)");
            System.exit(2);
        }
        long frameLimit = Long.getLong("tutorial.frames", 0); // 0: no limit (close the window, or Ctrl-C)
        boolean isHeadless = GraphicsEnvironment.isHeadless(); // no display: decode and count, show nothing
        ImageIO.setUseCache(false); // keeps ImageIO's working buffer in memory, not in a temporary file

        // Step 2: listen on every interface (0.0.0.0), so a sender on another machine reaches us.
        try (DatagramSocket socket = new DatagramSocket(port)) {
            System.out.println("listening on 0.0.0.0:" + socket.getLocalPort());
            if (isHeadless) {
                System.err.println("no display: frames are decoded and counted, not shown");
            }
            byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);

            // Step 3: the tutorial's dump_buffer. Started mid-frame, we would glue half a frame to the next one,
            // so skip up to and including a frame's last datagram (countdown 1). An empty one has no countdown.
            do {
                socket.receive(datagram);
            } while (datagram.getLength() == 0 || buffer[0] != 1);

            // Step 4: glue each datagram's JPEG bytes to the ones before, until the countdown says the frame
            // ends (1, or anything below 2, as the tutorial reads it); then decode it and show it.
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            long frames = 0;
            long decoded = 0;
            long decodedThen = 0; // frames decoded when the rate was last printed
            long since = System.nanoTime(); // when the rate was last printed
            while (frameLimit == 0 || frames < frameLimit) {
                socket.receive(datagram);
                if (datagram.getLength() == 0) {
                    continue;
                }
                jpeg.write(buffer, 1, datagram.getLength() - 1);
                if ((buffer[0] & 0xFF) > 1) { // the countdown is one unsigned byte, 0..255
                    continue; // more of this frame to come
                }
                BufferedImage image = null;
                try { // ImageIO.read: null when no decoder knows the format
                    image = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
                } catch (IOException | RuntimeException ignored) { // broken frames are normal on UDP: count, go on
                }
                jpeg.reset();
                frames++;
                if (image != null) {
                    decoded++;
                    if (!isHeadless) {
                        show(image);
                    }
                }
                long now = System.nanoTime();
                if (now - since >= 1_000_000_000L) { // like the tutorial's FPS overlay (printed as frames come)
                    System.err.printf(ROOT, "received %.1f frames/s%n", (decoded - decodedThen) * 1e9 / (now - since));
                    decodedThen = decoded;
                    since = now;
                }
            }
            System.out.println("frames " + frames + " decoded " + decoded + " failed " + (frames - decoded));
        } catch (BindException e) {
            System.err.println("TutorialReceiver: cannot listen on port " + port + ": " + e.getMessage());
            System.exit(2);
        }
        System.exit(0); // the window's event thread would keep the program running
    }

    /** Puts {@code image} in the window, on Swing's event thread; the first call opens the window. */
    static void show(BufferedImage image) {
        SwingUtilities.invokeLater(() -> {
            if (window == null) {
                window = new JFrame("TutorialReceiver");
                window.setDefaultCloseOperation(JFrame.EXIT_ON_CLOSE); // closing the window ends the program
                window.add(new JLabel());
                window.setVisible(true);
            }
            ((JLabel) window.getContentPane().getComponent(0)).setIcon(new ImageIcon(image));
            window.pack(); // fits the window to the picture
        });
    }
}
/*
 * What this version gets wrong, and which class of src/udpvideo/ deals with it (more in TutorialSender):
 * - Loss: after a lost datagram the frame is decoded short, or its rest glued to the next frame.
 *   packet/CountdownDepacketizer checks the countdown runs n, n-1, ..., 1 and resyncs at the next frame start.
 * - Splices: pieces of two frames glued together may decode, a picture of two halves. codec/FrameInspector
 *   checks the CRC-32 in the stamp/FrameStamp the full sender writes into each frame.
 * - Decompression bombs: 700 bytes of JPEG may declare 20,000 x 20,000 pixels: ImageIO.read allocates 1.2 GB
 *   and works for seconds, or OutOfMemoryError stops this receiver. codec/FrameInspector refuses > 8192 x 8192.
 * - Garbage: datagrams from anyone are glued in, and ImageIO.read ignores its decoder's warnings, so a damaged
 *   frame is shown, part grey. codec/jpeg/fast/JpegDecoder takes warnings as errors; a depacketizer per sender.
 * - Queues and latency: decoding runs on the receiving thread and each picture joins Swing's event queue; when
 *   either is slower than the stream, the window falls behind. receiver/FrameMailbox: the newest frame wins.
 * - Receive buffers: the socket keeps the system's default (Linux: net.core.rmem_default, often 212,992
 *   bytes); a burst of large frames overflows it. receiver/ReceiverConfig.DEFAULT_RECEIVE_BUFFER_BYTES: 4 MiB.
 */
