package udpvideo.codec.png;

import udpvideo.codec.MalformedFrameException;
import udpvideo.stamp.FrameStamp;
import udpvideo.codec.BigEndian;

/**
 * The few facts udpvideo reads from a PNG frame without decoding it: its size and our stamp, checked against the
 * file's whole structure.
 *
 * <p>Walks every chunk from the signature to IEND, checking each length against the buffer (garbage from the
 * network cannot send it out of bounds), each type, and each chunk's own CRC. It insists on what our encoder and
 * stamper write: IHDR first, at least one IDAT, IEND last and ending exactly at the frame's end, and at most one
 * udpvideo stamp chunk, right after IHDR. Anything else throws {@link MalformedFrameException}, nothing else.
 */
final class PngHeader {
    /** Image width in pixels, from IHDR. */
    final int width;
    /** Image height in pixels, from IHDR. */
    final int height;
    /** Our stamp, or null when the frame carries none. */
    final FrameStamp stamp;
    /** Offset just past the stamp chunk, whose last 12 bytes are the stamp's digits and the chunk's CRC; 0 without. */
    final int stampEnd;

    private PngHeader(int width, int height, FrameStamp stamp, int stampEnd) {
        this.width = width;
        this.height = height;
        this.stamp = stamp;
        this.stampEnd = stampEnd;
    }

    /** Reads the structure of the PNG in {@code png[0, length)}. */
    static PngHeader parse(byte[] png, int length) throws MalformedFrameException {
        if (!PngChunks.startsWithSignature(png, 0, length)) {
            throw new MalformedFrameException("no PNG signature (89 50 4E 47 0D 0A 1A 0A) at the start");
        }
        int width = 0;
        int height = 0;
        FrameStamp stamp = null;
        int stampEnd = 0;
        int imageDataChunks = 0;
        int pos = PngChunks.SIGNATURE.length;
        while (true) {
            if (length - pos < PngChunks.OVERHEAD_BYTES) {
                throw new MalformedFrameException("frame ends at byte " + length + ", inside the chunk at byte "
                        + pos + ", before IEND");
            }
            long dataLength = BigEndian.readInt(png, pos) & 0xFFFF_FFFFL; // unsigned: garbage may set the top bit
            int type = BigEndian.readInt(png, pos + 4);
            String name = PngChunks.typeName(png, pos + 4);
            if (dataLength > length - pos - PngChunks.OVERHEAD_BYTES) {
                throw new MalformedFrameException("chunk " + name + " at byte " + pos + " claims " + dataLength
                        + " bytes, only " + (length - pos - PngChunks.OVERHEAD_BYTES) + " remain");
            }
            if (!PngChunks.isValidType(png, pos + 4)) {
                throw new MalformedFrameException("chunk type " + name + " at byte " + pos + " is not 4 letters");
            }
            int data = pos + 8;
            int end = data + (int) dataLength + 4;
            if (PngChunks.crc(png, pos + 4, (int) dataLength) != BigEndian.readInt(png, end - 4)) {
                throw new MalformedFrameException("chunk " + name + " at byte " + pos + " fails its CRC");
            }
            if (pos == PngChunks.SIGNATURE.length) {
                if (type != PngChunks.IHDR || dataLength != PngChunks.IHDR_DATA_BYTES) {
                    throw new MalformedFrameException("the first chunk must be a 13-byte IHDR, was " + name
                            + " of " + dataLength + " bytes");
                }
                checkImageHeader(png, data);
                width = BigEndian.readInt(png, data);
                height = BigEndian.readInt(png, data + 4);
            } else if (type == PngChunks.IHDR) {
                throw new MalformedFrameException("a second IHDR at byte " + pos);
            } else if (type == PngChunks.IDAT) {
                imageDataChunks++;
            } else if (type == PngChunks.TEXT && PngChunks.hasStampKeyword(png, data, (int) dataLength)) {
                if (pos != PngChunks.IHDR_END) {
                    // where our stamper puts it: one place, so a frame has one layout
                    throw new MalformedFrameException("udpvideo stamp chunk at byte " + pos
                            + ": there may be one, right after IHDR (byte " + PngChunks.IHDR_END + ")");
                }
                stamp = parseStamp(png, data, (int) dataLength);
                stampEnd = end;
            } else if (type == PngChunks.IEND) {
                if (dataLength != 0 || end != length) {
                    throw new MalformedFrameException("IEND at byte " + pos + " must be empty and end the frame;"
                            + " it has " + dataLength + " bytes and " + (length - end) + " follow it");
                }
                break;
            }
            pos = end;
        }
        if (imageDataChunks == 0) {
            throw new MalformedFrameException("no image data (IDAT) before IEND");
        }
        return new PngHeader(width, height, stamp, stampEnd);
    }

    /** Checks IHDR's fields against the values PNG allows, so a decoder is never handed nonsense. */
    private static void checkImageHeader(byte[] png, int data) throws MalformedFrameException {
        int width = BigEndian.readInt(png, data);
        int height = BigEndian.readInt(png, data + 4);
        if (width <= 0 || height <= 0) { // PNG allows 1..2^31-1; above that the int is negative
            throw new MalformedFrameException("IHDR size must be 1..2147483647 each way, was "
                    + Integer.toUnsignedString(width) + "x" + Integer.toUnsignedString(height));
        }
        int bitDepth = png[data + 8] & 0xFF;
        int colourType = png[data + 9] & 0xFF;
        if (!isAllowedDepth(colourType, bitDepth)) {
            throw new MalformedFrameException("IHDR colour type " + colourType + " with bit depth " + bitDepth
                    + " is not a PNG pixel format");
        }
        if (png[data + 10] != 0 || png[data + 11] != 0 || (png[data + 12] & 0xFF) > 1) {
            throw new MalformedFrameException("IHDR compression, filter and interlace must be 0, 0 and 0 or 1, were "
                    + (png[data + 10] & 0xFF) + ", " + (png[data + 11] & 0xFF) + " and " + (png[data + 12] & 0xFF));
        }
    }

    /** The pairs PNG defines: grey 1..16 bits, RGB 8 or 16, palette 1..8, grey+alpha and RGBA 8 or 16. */
    private static boolean isAllowedDepth(int colourType, int bitDepth) {
        switch (colourType) {
            case 0:
                return bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3:
                return bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2:
            case 4:
            case 6:
                return bitDepth == 8 || bitDepth == 16;
            default:
                return false;
        }
    }

    /** Our stamp from a udpvideo tEXt chunk's data: the keyword, a NUL, then {@link FrameStamp#text()}. */
    private static FrameStamp parseStamp(byte[] png, int data, int length) throws MalformedFrameException {
        int text = PngChunks.STAMP_KEYWORD.length() + 1;
        try {
            return FrameStamp.parse(png, data + text, length - text);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad udpvideo stamp chunk: " + e.getMessage());
        }
    }
}
