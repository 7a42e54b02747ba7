package udpvideo.codec.raw;

import udpvideo.codec.Codec;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameHeader;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Uncompressed frames: a small header and the pixels' bytes as they lie in memory, the seed tutorial's idea for a
 * low-latency remote desktop. Lossless and nearly free to code, but big: 1280x720 is 2.7 MB a frame (about 43
 * datagrams of 65,472 bytes), so 30 frames/s need some 660 Mbit/s.
 *
 * <p>The layout, byte by byte; every number is an unsigned 32-bit big-endian ("network order") integer. The
 * tutorial packs its header in the sending machine's own order ({@code struct.pack('III', ...)}), which a machine
 * of the other kind (big- against little-endian) reads as different numbers; a fixed order means the same to all.
 * <pre>
 * offset  bytes      field
 *      0  8          magic: ASCII "UDPVRAW1" (55 44 50 56 52 41 57 31); the 1 is the layout's version
 *      8  4          height in pixels, 1..8192
 *     12  4          width in pixels, 1..8192
 *     16  4          channels: 3 (each pixel is B, G, R)
 *     20  4          S, the stamp's length in bytes, 0..255; 0 when the frame carries no stamp
 *     24  S          the stamp, ASCII: "udpvideo frame=42 time_us=1763700000123456 crc32=1a2b3c4d"
 * 24 + S  H * W * 3  the pixels, rows top to bottom, each row left to right, each pixel B, G, R
 *                    (the order of OpenCV and of Java's TYPE_3BYTE_BGR)
 * </pre>
 * A frame is exactly {@code 24 + S + H * W * 3} bytes; the stamp's crc32 covers every byte of it but its own 8
 * digits, as the JPEG comment's and the PNG chunk's do. The header's numbers are checked by that length.
 *
 * <p>There is no quality (nothing is thrown away), so {@code --quality} is ignored; coding takes one copy of
 * the pixels, on one thread, whatever {@code threads} asks for.
 */
public final class RawCodec implements Codec {
    private final RawStamper stamper = new RawStamper();

    @Override
    public String name() {
        return "raw";
    }

    /** The 8-byte magic, which a frame's first datagram always holds whole. */
    @Override
    public boolean startsFrame(byte[] data, int offset, int length) {
        return RawHeader.startsWithMagic(data, offset, length);
    }

    /** A raw encoder; {@code quality} and {@code threads} are ignored (nothing to choose, one thread). */
    @Override
    public FrameEncoder newEncoder(int quality, int threads) {
        return new RawEncoder();
    }

    /** A raw decoder; {@code threads} is ignored (one thread). */
    @Override
    public FrameDecoder newDecoder(int threads) {
        return new RawDecoder();
    }

    @Override
    public Stamper stamper() {
        return stamper;
    }

    /** The header's fields, the frame's exact length, and where the stamp's digits are. */
    @Override
    public FrameHeader readHeader(byte[] frame, int length) throws MalformedFrameException {
        RawHeader header = RawHeader.parse(frame, length);
        return header.stamp == null
                ? new FrameHeader(header.width, header.height, null, 0, 0)
                : new FrameHeader(header.width, header.height, header.stamp,
                        header.pixelsAt - FrameStamp.CRC_DIGITS, header.pixelsAt); // the stamp's last 8 bytes
    }
}
