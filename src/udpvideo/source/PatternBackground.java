package udpvideo.source;

import java.awt.Color;
import java.util.SplittableRandom;

/**
 * The test pattern's background, drawn once: a hue gradient under camera-like grain and texture.
 *
 * <p>Why the noise: smooth gradients compress far better than a camera's picture, and a benchmark of the link
 * needs realistic frame sizes. The noise comes from a fixed seed, so every instance draws the same pixels;
 * unlike a sensor's it moves with the scene instead of changing every frame, which makes no difference to the
 * size of a JPEG.
 */
final class PatternBackground {
    /**
     * Seed of the grain and texture: fixed, so that a frame number gives the same pixels in every instance and
     * every run.
     */
    private static final long NOISE_SEED = 20_240_917L;
    /*
     * The grain and texture settings below were tuned together until frame 10 at JPEG quality 80 (JpegEncoder)
     * came to about 50 KB at 640x480 and 140 KB at 1280x720; TestPatternSourceTest checks that it stays so.
     */
    /** Levels (of 255) per step of {@link #coinTosses}, added to all three channels: luma grain, 5 levels RMS. */
    private static final float GRAIN_LEVELS_PER_STEP = 2.5f;
    /** Levels per step added to each channel on its own: colour grain, 2 levels RMS, weaker as in a sensor. */
    private static final float CHROMA_GRAIN_LEVELS_PER_STEP = 1f;
    /** Pixels between the texture's random points: mid-frequency detail, between the grain and the gradient. */
    private static final int TEXTURE_CELL_PIXELS = 8;
    /** The texture's brightness offsets are uniform in plus or minus this many levels. */
    private static final float TEXTURE_LEVELS = 16;

    private PatternBackground() {
    }

    /**
     * The background, twice the frame's width: hue going round once every {@code width} pixels, brightness falling
     * downwards, plus texture and grain. Column {@code x + width} repeats column {@code x}, noise included, so the
     * scrolling window shows no seam when it wraps. Written straight into the BGR bytes: {@code setRGB} per pixel
     * took several times longer (0.2 to 0.75 s at 1920x1080, against 0.1 s).
     */
    static byte[] draw(int width, int height) {
        int[] hue = hueAtFullBrightness(width);
        float[][] texture = textureGrid(width, height);
        SplittableRandom random = new SplittableRandom(NOISE_SEED);
        byte[] bgr = new byte[2 * width * height * 3];
        for (int y = 0; y < height; y++) {
            float brightness = 0.35f + 0.65f * (1 - (float) y / height);
            int row = y * 2 * width * 3;
            for (int x = 0; x < width; x++) {
                long bits = random.nextLong(); // one draw gives the four grain samples of this pixel
                float light = textureAt(texture, x, y) + GRAIN_LEVELS_PER_STEP * coinTosses(bits, 0);
                int rgb = hue[x];
                int i = row + 3 * x;
                for (int c = 0; c < 3; c++) { // c = 0, 1, 2: blue, green, red, the order of TYPE_3BYTE_BGR
                    float level = (rgb >> 8 * c & 0xFF) * brightness + light
                            + CHROMA_GRAIN_LEVELS_PER_STEP * coinTosses(bits, 16 * (c + 1));
                    byte value = (byte) Math.max(0, Math.min(255, Math.round(level)));
                    bgr[i + c] = value;
                    bgr[i + 3 * width + c] = value; // the second copy of the hue round
                }
            }
        }
        return bgr;
    }

    /** The colour of each column at brightness 1; a row's colour is this times its brightness. */
    private static int[] hueAtFullBrightness(int width) {
        int[] rgb = new int[width];
        for (int x = 0; x < width; x++) {
            rgb[x] = Color.HSBtoRGB((float) x / width, 0.8f, 1f);
        }
        return rgb;
    }

    /**
     * Random brightness offsets every {@link #TEXTURE_CELL_PIXELS} pixels, smoothed between them by
     * {@link #textureAt}: detail coarser than the grain, like surfaces in a real scene. The last column wraps to
     * the first, as the background does.
     */
    private static float[][] textureGrid(int width, int height) {
        SplittableRandom random = new SplittableRandom(NOISE_SEED + 1);
        float[][] grid = new float[height / TEXTURE_CELL_PIXELS + 2][(width + TEXTURE_CELL_PIXELS - 1)
                / TEXTURE_CELL_PIXELS];
        for (float[] row : grid) {
            for (int x = 0; x < row.length; x++) {
                row[x] = (float) ((random.nextDouble() * 2 - 1) * TEXTURE_LEVELS);
            }
        }
        return grid;
    }

    /** The texture at a pixel, interpolated bilinearly between the four grid points around it. */
    private static float textureAt(float[][] grid, int x, int y) {
        int gx = x / TEXTURE_CELL_PIXELS;
        int gy = y / TEXTURE_CELL_PIXELS;
        float fx = (float) (x % TEXTURE_CELL_PIXELS) / TEXTURE_CELL_PIXELS;
        float fy = (float) (y % TEXTURE_CELL_PIXELS) / TEXTURE_CELL_PIXELS;
        int nextX = (gx + 1) % grid[0].length;
        float top = grid[gy][gx] + (grid[gy][nextX] - grid[gy][gx]) * fx;
        float bottom = grid[gy + 1][gx] + (grid[gy + 1][nextX] - grid[gy + 1][gx]) * fx;
        return top + (bottom - top) * fy;
    }

    /**
     * Heads minus 8 in 16 coin tosses, read from 16 random bits starting at {@code shift}: -8..8, bell-shaped
     * with a standard deviation of 2 steps, close to a sensor's Gaussian noise and far cheaper to draw.
     */
    private static int coinTosses(long bits, int shift) {
        return Integer.bitCount((int) (bits >>> shift) & 0xFFFF) - 8;
    }
}
