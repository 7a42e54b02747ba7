package udpvideo.receiver;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Decode destinations come back only once the view can no longer paint them. */
class ImageRecyclerTest {
    private final ImageRecycler images = new ImageRecycler();

    @Test
    void reusesAnImageOnceALaterOneWasPainted() {
        BufferedImage first = images.acquire(64, 48);
        images.show(first).run();
        BufferedImage second = images.acquire(64, 48);
        assertNotSame(first, second, "the view may still repaint the only frame it has");
        images.show(second).run();
        assertSame(first, images.acquire(64, 48), "a newer frame was painted: the first is free");
    }

    @Test
    void neverReusesAnImageWhileNoLaterOneWasPainted() {
        BufferedImage first = images.acquire(64, 48);
        images.show(first).run();
        BufferedImage second = images.acquire(64, 48);
        Runnable secondPainted = images.show(second); // shown, but the view has not painted it yet
        BufferedImage third = images.acquire(64, 48);
        assertNotSame(first, third);
        assertNotSame(second, third);
        secondPainted.run();
        assertSame(first, images.acquire(64, 48));
    }

    @Test
    void givesBackAnUnusedImageFirst() {
        BufferedImage image = images.acquire(64, 48);
        images.unused(image);
        assertSame(image, images.acquire(64, 48));
    }

    @Test
    void makesANewImageWhenTheSizeChanged() {
        BufferedImage small = images.acquire(64, 48);
        images.unused(small);
        BufferedImage large = images.acquire(128, 96);
        assertNotSame(small, large);
    }
}
