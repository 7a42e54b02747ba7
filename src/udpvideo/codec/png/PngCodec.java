package udpvideo.codec.png;

import udpvideo.codec.Codec;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameHeader;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Lossless frames as PNG files through ImageIO: every pixel arrives as it was sent, at the cost of frames about
 * fifteen times larger than JPEG's for camera-like pictures, and far slower to encode. A frame is one PNG file,
 * from its 8-byte signature to IEND, with the stamp in a {@code tEXt} chunk right after IHDR ({@link PngStamper}).
 *
 * <p>PNG has no quality, so {@code --quality} is ignored; the encoder and decoder use one thread, whatever
 * {@code threads} asks for.
 */
public final class PngCodec implements Codec {
    private final PngStamper stamper = new PngStamper();

    @Override
    public String name() {
        return "png";
    }

    /** The 8-byte signature, which a frame's first datagram always holds whole. */
    @Override
    public boolean startsFrame(byte[] data, int offset, int length) {
        return PngChunks.startsWithSignature(data, offset, length);
    }

    /** A PNG encoder; {@code quality} and {@code threads} are ignored (lossless, one thread). */
    @Override
    public FrameEncoder newEncoder(int quality, int threads) {
        return new PngEncoder();
    }

    /** A PNG decoder; {@code threads} is ignored (one thread). */
    @Override
    public FrameDecoder newDecoder(int threads) {
        return new PngDecoder();
    }

    @Override
    public Stamper stamper() {
        return stamper;
    }

    /** The whole chunk structure, every chunk's CRC, the size from IHDR, and where the stamp's digits are. */
    @Override
    public FrameHeader readHeader(byte[] frame, int length) throws MalformedFrameException {
        PngHeader header = PngHeader.parse(frame, length);
        return header.stamp == null
                ? new FrameHeader(header.width, header.height, null, 0, 0)
                : new FrameHeader(header.width, header.height, header.stamp,
                        header.stampEnd - 4 - FrameStamp.CRC_DIGITS, header.stampEnd); // the digits, the chunk's CRC
    }
}
