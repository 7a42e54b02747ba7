package udpvideo.codec.raw;

import udpvideo.codec.BigEndian;
import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameCheck;
import udpvideo.stamp.FrameStamp;
import udpvideo.stamp.Stamper;

/**
 * Fills a raw frame's stamp field with a {@link FrameStamp}'s text, its CRC over every byte of the frame but its
 * own 8 digits ({@link FrameCheck}). Pure; one may be shared.
 */
final class RawStamper implements Stamper {
    /**
     * Returns a new frame: {@code frame[0, length)}, whose stamp field is empty, with the stamp in it.
     *
     * @throws MalformedFrameException when the input is not a raw frame or already carries a stamp (the encoder
     *                                 misbehaved)
     */
    @Override
    public byte[] stamp(byte[] frame, int length, long frameNumber, long captureTimeMicros)
            throws MalformedFrameException {
        RawHeader header = RawHeader.parse(frame, length);
        if (header.stamp != null) {
            throw new MalformedFrameException("the raw frame already carries a stamp");
        }
        int pixels = length - header.pixelsAt;
        byte[] text = FrameStamp.placeholderText(frameNumber, captureTimeMicros);

        byte[] stamped = new byte[RawHeader.FIXED_BYTES + text.length + pixels];
        System.arraycopy(frame, 0, stamped, 0, RawHeader.STAMP_LENGTH_AT);
        BigEndian.writeInt(stamped, RawHeader.STAMP_LENGTH_AT, text.length);
        System.arraycopy(text, 0, stamped, RawHeader.FIXED_BYTES, text.length);
        System.arraycopy(frame, header.pixelsAt, stamped, RawHeader.FIXED_BYTES + text.length, pixels);
        int digitsAt = RawHeader.FIXED_BYTES + text.length - FrameStamp.CRC_DIGITS;
        FrameCheck.writeDigits(stamped, digitsAt, FrameCheck.crc(stamped, stamped.length, digitsAt,
                digitsAt + FrameStamp.CRC_DIGITS));
        return stamped;
    }
}
