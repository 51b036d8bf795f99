package dev.visionary.generate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a generated image says about how it was made, as other tools read it. */
class ImageRequestTest {
  @Test
  void describesItsImageInTheUsualKeyOrder() {
    ImageRequest request = new ImageRequest("a fox", "", 512, 768, 1, 5L, "sd_xl_base_1.0", null, null, 25, 7.0,
        "Euler a", "Karras");
    assertEquals("a fox\nSteps: 25, Sampler: Euler a, Schedule type: Karras, CFG scale: 7, Seed: 5, Size: 512x768, "
        + "Model: sd_xl_base_1.0, Engine: automatic1111", request.infotext("automatic1111", 5L, 512, 768, null).format());
  }
}
