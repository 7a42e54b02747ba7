package udpvideo.codec.jpeg;

import udpvideo.codec.Codec;
import udpvideo.codec.FrameDecoder;
import udpvideo.codec.FrameEncoder;
import udpvideo.codec.FrameHeader;
import udpvideo.codec.MalformedFrameException;
import udpvideo.codec.jpeg.fast.StripDecoder;
import udpvideo.codec.jpeg.fast.StripEncoder;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Baseline JPEG through ImageIO: the tutorial's format and the default. A frame is one JPEG file, SOI (FF D8)
 * to EOI (FF D9), with the stamp in a comment segment ({@link JpegCommentStamper}).
 *
 * <p>The encoder and decoder it makes code a frame in strips on several cores ({@code fast/}, how to make it
 * fast); any decoder reads their frames as ordinary JPEGs, and they read anyone's.
 */
public final class JpegCodec implements Codec {
    private final JpegCommentStamper stamper = new JpegCommentStamper();

    @Override
    public String name() {
        return "jpeg";
    }

    @Override
    public boolean startsFrame(byte[] data, int offset, int length) {
        return length >= 2 && (data[offset] & 0xFF) == 0xFF && (data[offset + 1] & 0xFF) == JpegHeader.SOI;
    }

    @Override
    public FrameEncoder newEncoder(int quality, int threads) {
        return new StripEncoder(quality, threads);
    }

    @Override
    public FrameDecoder newDecoder(int threads) {
        return new StripDecoder(threads);
    }

    @Override
    public Stamper stamper() {
        return stamper;
    }

    /**
     * SOI at the start, EOI at the end, a header that parses up to the image data (a baseline or extended
     * sequential JPEG, {@link JpegHeader}), a single scan ({@link JpegScans}); where the stamp's digits are.
     */
    @Override
    public FrameHeader readHeader(byte[] frame, int length) throws MalformedFrameException {
        if (!startsFrame(frame, 0, length)) {
            throw new MalformedJpegException("no SOI at the start");
        }
        if (length < 4) {
            throw new MalformedJpegException(length + " bytes cannot hold SOI and EOI");
        }
        if ((frame[length - 2] & 0xFF) != 0xFF || (frame[length - 1] & 0xFF) != JpegHeader.EOI) {
            throw new MalformedJpegException("no EOI at the end");
        }
        JpegHeader header = JpegHeader.parse(frame, length);
        JpegScans.requireOne(frame, header.scanData, length);
        return header.stamp == null
                ? new FrameHeader(header.width, header.height, null, 0, 0)
                : new FrameHeader(header.width, header.height, header.stamp, header.crcDigitsAt,
                        header.crcDigitsAt + FrameStamp.CRC_DIGITS);
    }
}
