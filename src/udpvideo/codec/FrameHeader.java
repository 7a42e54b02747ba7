package udpvideo.codec;

import udpvideo.stamp.FrameCheck;
import udpvideo.stamp.FrameStamp;

/**
 * What a codec reads from a frame's bytes without decoding it: the picture's size, and the stamp with the bytes
 * its check value cannot cover ({@link FrameCheck}).
 *
 * @param width         the picture's width in pixels, as the frame declares it
 * @param height        the picture's height in pixels
 * @param stamp         the stamp, or null for a frame without one (the tutorial's sender writes none)
 * @param uncheckedFrom where the bytes the check skips start: the stamp's 8 hex digits; 0 without a stamp
 * @param uncheckedTo   where they end (exclusive): past the digits, and for PNG past the stamp chunk's own CRC,
 *                      which covers them; 0 without a stamp
 */
public record FrameHeader(int width, int height, FrameStamp stamp, int uncheckedFrom, int uncheckedTo) {
}
