package udpvideo.bench;

import java.awt.Dimension;
import udpvideo.receiver.ReceiverStats;
import udpvideo.sender.Sender;

/**
 * One measured row of the benchmark's table. Times in milliseconds; percentiles are NaN when nothing was measured.
 *
 * @param size               frame size
 * @param mode               how the pipeline was driven
 * @param kbPerFrame         the mean size of a frame sent, in KB (1,000 bytes), stamp included
 * @param sentPerSecond      frames the sender sent per second
 * @param acceptedPerSecond  frames the receiver accepted (whole and verified) per second
 * @param decodedPerSecond   frames the receiver decoded per second
 * @param incomplete         frames lost to a missing datagram, over the whole run
 * @param rejected           frames that failed a check, over the whole run
 * @param encodeMs           encode time median and p99
 * @param decodeMs           decode time median and p99
 * @param latencyMs          ready at the sender to painted, median and p99
 * @param latencyOverFloor   latency median / (encode + decode of the codec floor)
 * @param cpuMsPerFrame      CPU time of sender and receiver per accepted frame
 * @param heapAfterWarmUpMb  live heap (objects still reachable) after the warm-up
 * @param heapAtEndMb        live heap at the end
 * @param receiveBytesPerDatagram bytes the receive thread allocated per datagram
 * @param hostStalls         times the host stopped the VM while the row was measured (telling in paced rows only)
 */
record Row(Dimension size, PipelineRun.Mode mode, double kbPerFrame, double sentPerSecond, double acceptedPerSecond,
        double decodedPerSecond, long incomplete, long rejected, double[] encodeMs, double[] decodeMs,
        double[] latencyMs, double latencyOverFloor, double cpuMsPerFrame, double heapAfterWarmUpMb,
        double heapAtEndMb, double receiveBytesPerDatagram, HostStalls.Seen hostStalls) {
    private static final double[] UNMEASURED = {Double.NaN, Double.NaN};

    static Row of(Dimension size, PipelineRun.Mode mode, PipelineRun.Snapshot start,
            PipelineRun.Snapshot end, Sender sender, ReceiverStats stats, double heapAfterWarmUpMb,
            double heapAtEndMb, HostStalls.Seen hostStalls) {
        double seconds = (end.nanos() - start.nanos()) / 1e9;
        long accepted = end.accepted() - start.accepted();
        long datagrams = end.datagrams() - start.datagrams();
        double[] latency = orNaN(stats.latencyMillis(0.5, 0.99));
        long sent = end.sent() - start.sent();
        return new Row(size, mode,
                sent == 0 ? Double.NaN : (end.sentBytes() - start.sentBytes()) / 1000.0 / sent,
                sent / seconds,
                accepted / seconds,
                (end.decoded() - start.decoded()) / seconds,
                stats.incomplete(), stats.rejected(),
                orNaN(sender.stats().encodeMillis(0.5, 0.99)),
                orNaN(stats.decodeMillis(0.5, 0.99)),
                latency,
                Double.NaN, // known once the floor is: see withFloor
                accepted == 0 ? Double.NaN : (end.cpuNanos() - start.cpuNanos()) / 1e6 / accepted,
                heapAfterWarmUpMb, heapAtEndMb,
                datagrams == 0 ? Double.NaN
                        : (double) (end.receiveAllocatedBytes() - start.receiveAllocatedBytes()) / datagrams,
                hostStalls);
    }

    /** This row with its latency judged against {@code floor}. */
    Row withFloor(CodecFloor floor) {
        return new Row(size, mode, kbPerFrame, sentPerSecond, acceptedPerSecond, decodedPerSecond, incomplete, rejected,
                encodeMs, decodeMs, latencyMs, latencyMs[0] / floor.totalMs(), cpuMsPerFrame, heapAfterWarmUpMb,
                heapAtEndMb, receiveBytesPerDatagram, hostStalls);
    }

    private static double[] orNaN(double[] percentiles) {
        return percentiles == null ? UNMEASURED : percentiles;
    }

    /** "1280x720". */
    String sizeText() {
        return size.width + "x" + size.height;
    }
}
