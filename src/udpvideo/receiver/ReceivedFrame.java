package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.util.Arrays;
import udpvideo.codec.Codec;
import udpvideo.stamp.FrameStamp;

/**
 * One frame that passed its checks, on its way to the screen. The bytes are {@code bytes[0, length)}; on the
 * receive thread they are the transport's own buffer, valid only during the call they are passed to, so whoever
 * keeps a frame copies it ({@link #copy()}, or the mailbox into its slot).
 *
 * @param sender    where its packets came from
 * @param bytes     holds the frame exactly as reassembled, from index 0
 * @param length    the frame's length in bytes
 * @param codec     the codec its first bytes name, which decodes it
 * @param stamp     its stamp, or null for a frame from a sender that does not stamp (the tutorial's)
 * @param decoded   the image when verifying it already needed a decode, else null (decoded later, if shown)
 * @param packets   how many packets it was made of
 * @param width     the image width its header declares
 * @param height    the image height its header declares
 */
record ReceivedFrame(InetSocketAddress sender, byte[] bytes, int length, Codec codec, FrameStamp stamp,
        BufferedImage decoded, int packets, int width, int height) {
    /** The same frame in an array of its own, for keeping beyond the call. */
    ReceivedFrame copy() {
        return new ReceivedFrame(sender, Arrays.copyOf(bytes, length), length, codec, stamp, decoded, packets, width,
                height);
    }

    /** The same frame, with the image a clean decode of it produced. */
    ReceivedFrame withDecoded(BufferedImage image) {
        return new ReceivedFrame(sender, bytes, length, codec, stamp, image, packets, width, height);
    }
}
