package dev.visionary.expand;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import dev.visionary.support.TestServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** "Describe an image" in a real browser: from the Studio's link, a picture chosen, its cards and thumbnail on the page. */
class DescribeBrowserIT {

  @Test
  void aPictureChosenFromTheStudiosLinkGivesCardsBesideItsThumbnail() throws IOException {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("describe"));
      page.getByTestId("describe-link").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Describe an image"))).isVisible();
      Browser.screenshots(page, "describe-form");

      page.getByLabel("Picture", new Page.GetByLabelOptions().setExact(true)).setInputFiles(new FilePayload("harbour-dusk.png", "image/png", sunset()));
      page.getByLabel("Target model").selectOption("midjourney");
      page.getByTestId("describe").click();

      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/x/[A-Za-z0-9]{10}$"));
      Locator card = page.getByTestId("expansion-card");
      assertThat(card).hasCount(1);
      assertThat(card).containsText("--ar 16:9");
      assertThat(card).containsText("not its content");
      Locator picture = page.getByTestId("described-picture").locator("img");
      assertThat(picture).isVisible();
      assertTrue((Boolean) picture.evaluate("img => img.complete && img.naturalWidth > 0"), "the thumbnail loads");
      assertThat(page.getByTestId("recent")).containsText("Picture: harbour-dusk.png");
      Browser.screenshots(page, "describe-result");
    }
  }

  @Test
  void aPicturePastedOnThePageIsDescribedAsIfChosen() throws IOException {
    try (BrowserContext context = Browser.newContext()) {
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("describepaste"));
      page.getByTestId("describe-link").click();
      // What a browser hands the page when a copied picture is pasted: a paste event carrying the picture as a file.
      page.evaluate("b64 => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
          + " const data = new DataTransfer(); data.items.add(new File([bytes], 'image.png', {type: 'image/png'}));"
          + " document.body.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true})); }",
          java.util.Base64.getEncoder().encodeToString(sunset()));
      assertThat(page.getByTestId("file-pasted")).containsText("Pasted: image.png");
      assertEquals(1, ((Number) page.getByLabel("Picture", new Page.GetByLabelOptions().setExact(true)).evaluate("input => input.files.length")).intValue());
      Browser.screenshots(page, "describe-pasted");
      page.getByLabel("Target model").selectOption("midjourney");
      page.getByTestId("describe").click();

      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/x/[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("expansion-card")).hasCount(1);
      assertThat(page.getByTestId("expansion-card")).containsText("--ar 16:9");
      assertThat(page.getByTestId("described-picture")).containsText("image.png");
    }
  }

  @Test
  void aWebpDescribedByAVisionModelStreamsOntoItsPageBesideThePictureAsUploaded() throws Exception {
    try (FakeOpenAi openai = new FakeOpenAi().answering("an orange dusk sky fading into deep blue over a still sea",
        "a gradient sunset, warm orange to night blue, minimal");
         App app = TestServer.startApp(openai.env());
         BrowserContext context = Browser.newContext("http://localhost:" + app.port())) {
      CountDownLatch last = openai.holdingTheLastChunk();
      Page page = context.newPage();
      Browser.signUp(page, Accounts.uniqueName("describewebp"));
      page.navigate("http://localhost:" + app.port() + "/describe");
      page.getByLabel("Picture", new Page.GetByLabelOptions().setExact(true))
          .setInputFiles(new FilePayload("dusk.webp", "image/webp", WebpSamples.LOSSY));
      page.getByLabel("Engine").selectOption("openai");
      page.getByLabel("Prompts").fill("2");
      page.getByTestId("describe").click();

      // The model has not finished (its last chunk is held), yet the page is there, the picture on it, the prompt forming.
      assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/x/[A-Za-z0-9]{10}$"));
      assertThat(page.getByTestId("stream-text")).containsText("an orange dusk sky fading into deep blue");
      assertThat(page.getByTestId("expansion-card")).hasCount(0);
      Locator picture = page.getByTestId("described-picture").locator("img");
      assertThat(picture).isVisible();
      assertEquals(40, ((Number) picture.evaluate("img => img.naturalWidth")).intValue(), "the browser shows the WebP as uploaded");
      assertThat(page.getByTestId("described-picture")).containsText("dusk.webp, 40 × 30 pixels");
      assertThat(page.getByTestId("recent")).containsText("running");
      Browser.screenshots(page, "describe-streaming");

      last.countDown();
      assertThat(page.getByTestId("expansion-card")).hasCount(2);
      assertThat(page.getByTestId("recent")).not().containsText("running");
      page.reload();
      assertThat(page.getByLabel("Your idea")).hasValue("an orange dusk sky fading into deep blue over a still sea");
      assertThat(page.locator(".expansion-head")).not().containsText("seed");
    }
  }

  /** A 16:9 dusk: a deep blue sky over an orange band of sea. */
  private static byte[] sunset() throws IOException {
    BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(20, 30, 90));
    g.fillRect(0, 0, 640, 220);
    g.setColor(new Color(230, 120, 30));
    g.fillRect(0, 220, 640, 140);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
