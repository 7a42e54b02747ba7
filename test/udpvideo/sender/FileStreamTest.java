package udpvideo.sender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;
import udpvideo.cli.StopSignal;
import udpvideo.sink.MjpegReader;
import udpvideo.receiver.Receiver;
import udpvideo.receiver.ReceiverConfig;
import udpvideo.viewer.OffscreenView;
import udpvideo.packet.CountdownPacketizer;

/** A video file goes through the camera's capture code, the sender and the receiver, frame for frame. */
@Timeout(60)
class FileStreamTest {
    @TempDir
    Path dir;

    @Test
    void streamsEveryFrameOfAVideoFileAndStopsAtItsEnd() throws Exception {
        Path video = dir.resolve("clip.avi");
        nu.pattern.OpenCV.loadLocally();
        VideoWriter writer = new VideoWriter(video.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), 50, new Size(640, 360));
        Mat frame = new Mat(360, 640, CvType.CV_8UC3);
        for (int i = 0; i < 20; i++) {
            frame.setTo(new Scalar(10 * i, 255 - 10 * i, 128));
            writer.write(frame);
        }
        writer.release();
        frame.release();

        Path received = dir.resolve("received.mjpeg");
        Path sent = dir.resolve("sent.mjpeg");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ReceiverConfig receiverConfig = ReceiverConfig.onPort(0)
                .bind(InetAddress.getLoopbackAddress())
                .record(received)
                .build();
        try (Receiver receiver = Receiver.start(receiverConfig, new OffscreenView(new PrintStream(log)),
                new StopSignal(), new PrintStream(log))) {
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    receiver.localAddress().getPort());
            SenderConfig config = SenderConfig.to(target)
                    .source(video.toString())
                    .width(320)
                    .record(sent)
                    .build();
            try (Sender sender = Sender.open(config, new PrintStream(log), () -> { })) {
                sender.run(new StopSignal());
                assertEquals(20, sender.stats().frames());
                assertTrue(sender.summary().contains("stopped: end of file"), sender.summary());
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (receiver.stats().accepted() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(10); // polling a counter, bounded
            }
            assertEquals(20, receiver.stats().accepted());
        }
        List<byte[]> sentFrames = MjpegReader.readFrames(sent);
        List<byte[]> receivedFrames = MjpegReader.readFrames(received);
        assertEquals(20, receivedFrames.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(HexFormat.of().formatHex(sentFrames.get(i)),
                    HexFormat.of().formatHex(receivedFrames.get(i)), "frame " + i);
        }
        // --width 320 halved the 640x360 frames
        BufferedImage first = ImageIO.read(new ByteArrayInputStream(receivedFrames.get(0)));
        assertEquals(320, first.getWidth());
        assertEquals(180, first.getHeight());
    }
}
