package udpvideo.bench;

import java.awt.Dimension;

/**
 * One measured run of the tutorial's pipeline ({@link TutorialRun}). Counts cover the receiver's measured window.
 *
 * @param size           frame size
 * @param quality        the JPEG quality both pipelines encoded at
 * @param grain          the noise the sender's picture was given so that its JPEGs are ours in size
 * @param jpegBytes      mean size of the JPEGs the sender sent
 * @param sentPerSecond  frames the sender sent per second, over its whole loop
 * @param seconds        the receiver's measured window
 * @param frames         frames the receiver reassembled and decoded, or tried to, in the window
 * @param decoded        of those, the frames {@code cv2.imdecode} returned a picture for: the tutorial's own success
 * @param broken         of those, the frames a lost datagram had glued from two, or cut the head off
 * @param intact         frames decoded and not broken
 * @param senderCpuMsPerFrame   the sender's process CPU time per frame sent, drawing excluded (drawn up front)
 * @param receiverCpuMsPerFrame the receiver's process CPU time per frame in the window; NaN without one
 */
record TutorialRow(Dimension size, int quality, double grain, double jpegBytes, double sentPerSecond,
        double seconds, long frames, long decoded, long broken, long intact, double senderCpuMsPerFrame,
        double receiverCpuMsPerFrame) {
    /** Intact frames per second: the figure ours is judged against. */
    double intactPerSecond() {
        return intact / seconds;
    }

    /** Frames {@code cv2.imdecode} returned a picture for, per second, glued ones included. */
    double decodedPerSecond() {
        return decoded / seconds;
    }

    /** Sender and receiver together, per frame. */
    double cpuMsPerFrame() {
        return senderCpuMsPerFrame + receiverCpuMsPerFrame;
    }
}
