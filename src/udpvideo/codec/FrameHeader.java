package udpvideo.codec;

import udpvideo.stamp.FrameStamp;

/**
 * What a codec reads from a frame's bytes without decoding it: the picture's size, and the stamp with the bytes
 * its check value covers.
 *
 * @param width      the picture's width in pixels, as the frame declares it
 * @param height     the picture's height in pixels
 * @param stamp      the stamp, or null for a frame without one (the tutorial's sender writes none)
 * @param checkedFrom where the bytes the stamp's CRC covers start; 0 without a stamp
 * @param checkedTo   where they end (exclusive); 0 without a stamp
 */
public record FrameHeader(int width, int height, FrameStamp stamp, int checkedFrom, int checkedTo) {
}
