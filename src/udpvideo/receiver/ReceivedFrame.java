package udpvideo.receiver;

import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import udpvideo.wire.FrameStamp;

/**
 * One accepted frame on its way to the screen. Immutable once built; the arrays inside are never written again.
 *
 * @param sender    where its datagrams came from
 * @param jpeg      the frame exactly as reassembled
 * @param stamp     its stamp, or null for a frame from a sender that does not stamp (the tutorial's)
 * @param decoded   the image when verifying it already needed a decode, else null (decoded later, if shown)
 * @param datagrams how many datagrams it was made of
 */
record ReceivedFrame(InetSocketAddress sender, byte[] jpeg, FrameStamp stamp, BufferedImage decoded,
        int datagrams) {
}
