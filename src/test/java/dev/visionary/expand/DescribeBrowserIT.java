package dev.visionary.expand;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.visionary.support.Accounts;
import dev.visionary.support.Browser;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
