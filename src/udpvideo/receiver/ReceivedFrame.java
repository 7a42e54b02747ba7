package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.Arrays;
import udpvideo.stamp.FrameStamp;

/**
 * One frame that passed its checks, on its way to the screen. The bytes are {@code jpeg[0, length)}; on the
 * receive thread they are the assembler's own buffer, valid only during the call they are passed to, so whoever
 * keeps a frame copies it ({@link #copy()}, or the mailbox into its slot).
 *
 * @param sender    where its datagrams came from
 * @param jpeg      holds the frame exactly as reassembled, from index 0
 * @param length    the frame's length in bytes
 * @param stamp     its stamp, or null for a frame from a sender that does not stamp (the tutorial's)
 * @param decoded   the image when verifying it already needed a decode, else null (decoded later, if shown)
 * @param datagrams how many datagrams it was made of
 * @param width     the image width its header declares
 * @param height    the image height its header declares
 */
record ReceivedFrame(InetSocketAddress sender, byte[] jpeg, int length, FrameStamp stamp, BufferedImage decoded,
        int datagrams, int width, int height) {
    /** The same frame in an array of its own, for keeping beyond the call. */
    ReceivedFrame copy() {
        return new ReceivedFrame(sender, Arrays.copyOf(jpeg, length), length, stamp, decoded, datagrams, width,
                height);
    }

    /** The same frame, with the image a clean decode of it produced. */
    ReceivedFrame withDecoded(BufferedImage image) {
        return new ReceivedFrame(sender, jpeg, length, stamp, image, datagrams, width, height);
    }
}
