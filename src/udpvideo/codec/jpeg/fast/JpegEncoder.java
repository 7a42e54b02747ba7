package udpvideo.codec.jpeg.fast;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Encodes images as baseline JPEG with ImageIO, reusing one writer for every frame.
 *
 * <p>ImageIO writes a JFIF APP0 segment after SOI, which is what the tutorial's OpenCV decoder expects, and a
 * restart marker after every row of MCUs, so a receiver can decode the rows on several cores. A
 * {@code TYPE_3BYTE_BGR} frame is first copied into R, G, B order, the layout the writer copies fastest
 * ({@link PixelLayout}). Not thread-safe: one encoding thread owns an encoder and closes it.
 */
public final class JpegEncoder implements AutoCloseable {
    /** ImageIO's own JPEG metadata format, the one that describes every marker segment. */
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private final ImageWriter writer;
    private final ImageWriteParam param;
    /** Where a frame's bytes are written; replaced by a larger one when a frame does not fit. */
    private byte[] output = new byte[256 * 1024];
    /** Where a frame is copied in R, G, B order before encoding; reused while frames keep their width. */
    private BufferedImage rgb;
    /** The header with restart markers for the last width and number of bands encoded; rebuilt when they change. */
    private IIOMetadata restarts;
    private int restartsWidth;
    private int restartsBands;

    /** An encoder at JPEG quality 1..100 (as in OpenCV's IMWRITE_JPEG_QUALITY). */
    public JpegEncoder(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + quality);
        }
        writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
    }

    /** Sets the JPEG quality, 1..100, for the images encoded from now on. */
    public void setQuality(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + quality);
        }
        param.setCompressionQuality(quality / 100f);
        restarts = null; // its tables were made at the old quality: build the header again
    }

    /** Encodes one image and returns the JPEG file's bytes. */
    public byte[] encode(BufferedImage image) throws IOException {
        return encodeRows(image, 0, image.getHeight());
    }

    /** Encodes rows {@code [y, y + rows)} of {@code image} as a JPEG image of their own, and returns its bytes. */
    public byte[] encodeRows(BufferedImage image, int y, int rows) throws IOException {
        if (y < 0 || rows < 1 || y + rows > image.getHeight()) {
            throw new IllegalArgumentException("rows " + y + ".." + (y + rows) + " are outside the image's "
                    + image.getHeight());
        }
        BufferedImage source;
        if (PixelLayout.isPackedBgr(image)) {
            source = inRgbOrder(image, y, rows);
        } else { // another layout (the screen's ints): ImageIO converts it, slowly but correctly
            source = rows == image.getHeight() ? image : image.getSubimage(0, y, image.getWidth(), rows);
        }
        try (ByteArrayImageOutputStream stream = new ByteArrayImageOutputStream(output)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(source, null, restartAtEveryRow(source)), param);
            output = stream.bytes();
            return Arrays.copyOf(output, (int) stream.length());
        } finally {
            writer.setOutput(null);
        }
    }

    /**
     * ImageIO's own header for {@code image}, plus a restart interval of one row of MCUs (DRI), so that a receiver
     * can cut any run of rows out of the frame ({@link udpvideo.codec.jpeg.fast.JpegStrips}). Built once per image layout.
     */
    private IIOMetadata restartAtEveryRow(BufferedImage image) throws IOException {
        int bands = image.getSampleModel().getNumBands();
        if (restarts != null && restartsWidth == image.getWidth() && restartsBands == bands) {
            return restarts;
        }
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                param);
        IIOMetadataNode tree = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
        int mostSamples = 1; // the MCU is 8 pixels times the largest horizontal sampling factor
        NodeList components = tree.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            Element component = (Element) components.item(i);
            mostSamples = Math.max(mostSamples, Integer.parseInt(component.getAttribute("HsamplingFactor")));
        }
        int mcuWidth = 8 * mostSamples;
        IIOMetadataNode restart = new IIOMetadataNode("dri");
        restart.setAttribute("interval", Integer.toString((image.getWidth() + mcuWidth - 1) / mcuWidth));
        Node markers = tree.getElementsByTagName("markerSequence").item(0);
        markers.insertBefore(restart, markers.getFirstChild());
        metadata.setFromTree(NATIVE_FORMAT, tree);
        restarts = metadata;
        restartsWidth = image.getWidth();
        restartsBands = bands;
        return metadata;
    }

    private BufferedImage inRgbOrder(BufferedImage bgr, int y, int rows) {
        int width = bgr.getWidth();
        if (rgb == null || rgb.getWidth() != width || rgb.getHeight() < rows) {
            rgb = PixelLayout.newRgbImage(width, rows);
        }
        PixelLayout.bgrToRgb(PixelLayout.bytes(bgr), y * width, PixelLayout.bytes(rgb), rows * width);
        // a shorter strip than the last one uses the top of the same image
        return rows == rgb.getHeight() ? rgb : rgb.getSubimage(0, 0, width, rows);
    }

    @Override
    public void close() {
        writer.dispose();
    }
}
