package udpvideo.sender;

/**
 * Keeps frames small enough for a packet format that carries each in one datagram (PyShine's: at most 49,128
 * bytes of JPEG). A frame that comes out larger cannot be sent; it is skipped, and the frames after it are
 * encoded at a quality lowered in proportion to how far it overshot, with a fifth to spare. While frames
 * come out well under the limit, the quality climbs back, a step a frame, to {@code --quality} and never above.
 *
 * <p>The JPEG size of a picture falls with the quality, but not in proportion (at 1280x720 the test pattern is
 * 142 KB at 80 and 39 KB at 25), so the proportional cut undershoots and the climb finds the rest: a frame that
 * fits leaves, and only a picture that suddenly grows costs one more frame. Thread-safe: sending threads ask for
 * the quality before they encode and report the size after.
 */
final class QualityGovernor {
    /** Where a lowered quality aims: this share of the limit, so that the next frames are not on its edge. */
    static final double AIM = 0.8;
    /** Quality climbs again while frames take at most this share of the limit. */
    static final double CLIMB_BELOW = 0.85;

    /** The quality asked for ({@code --quality}): the most it ever is. */
    private final int maxQuality;
    /** The largest frame that can be sent, in bytes. */
    private final int limitBytes;
    /** The quality the next frame is encoded at; guarded by this. */
    private int quality;
    /** Frames that fit only because they were encoded below {@link #maxQuality}; guarded by this. */
    private long shrunkFrames;

    /**
     * A governor for frames of at most {@code limitBytes}, at quality {@code maxQuality} (1..100) while they fit.
     */
    QualityGovernor(int maxQuality, int limitBytes) {
        if (maxQuality < 1 || maxQuality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, was " + maxQuality);
        }
        if (limitBytes < 1) {
            throw new IllegalArgumentException("the frame limit must be 1 byte or more, was " + limitBytes);
        }
        this.maxQuality = maxQuality;
        this.limitBytes = limitBytes;
        this.quality = maxQuality;
    }

    /** The quality to encode the next frame at. */
    synchronized int quality() {
        return quality;
    }

    /**
     * Takes the size of a frame encoded at {@code usedQuality} and sets the quality of the frames to come. A frame
     * over the limit is not sent: the packetizer refuses it, and it is counted as too large.
     */
    synchronized void encoded(int usedQuality, int frameBytes) {
        if (frameBytes > limitBytes) {
            // a frame encoded at an older, higher quality says nothing new once the quality is already lower
            if (usedQuality <= quality) {
                quality = Math.max(1, (int) (usedQuality * AIM * limitBytes / frameBytes)); // below it: AIM < 1
            }
            return;
        }
        if (usedQuality < maxQuality) {
            shrunkFrames++;
        }
        if (usedQuality == quality && quality < maxQuality && frameBytes <= CLIMB_BELOW * limitBytes) {
            quality++;
        }
    }

    /** Frames that fit only because they were encoded below the quality asked for. */
    synchronized long shrunkFrames() {
        return shrunkFrames;
    }
}
