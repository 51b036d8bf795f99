package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** "Describe an image" over HTTP: a picture in, a kept expansion with its thumbnail out; bad files refused in words. */
class DescribeHttpTest {
  private static final Pattern LOCATION_ID = Pattern.compile("^/x/([A-Za-z0-9]{10})$");

  /** Posts the describe form as a browser's multipart form does; {@code csrf} null leaves the token out. */
  static HttpResponse<String> describe(Http http, String csrf, String target, String fileName, byte[] content, String... fields) {
    String boundary = "----describe" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (csrf != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"target\"\r\n\r\n" + target + "\r\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < fields.length; i += 2) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n" + fields[i + 1] + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.post("/describe", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  static String described(Http http, String target, String fileName, byte[] content, String... fields) {
    HttpResponse<String> response = describe(http, Accounts.csrf(http, "/describe"), target, fileName, content, fields);
    assertEquals(303, response.statusCode(), response.body());
    Matcher m = LOCATION_ID.matcher(response.headers().firstValue("Location").orElse(""));
    assertTrue(m.matches(), response.headers().firstValue("Location").orElse("no location"));
    return m.group(1);
  }

  @Test
  void anA1111PngGivesItsOwnPromptBackFirstWithThePictureOnThePage() throws Exception {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describepng");
    BufferedImage image = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
    byte[] png = PngMetadata.encode(image, Map.of(PngMetadata.PARAMETERS,
        "a red fox asleep in fresh snow, morning light\nNegative prompt: blurry, watermark\n"
            + "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 96x64, Model: sdxl"));
    String id = described(http, "stable-diffusion", "fox.png", png);

    String page = http.get("/x/" + id).body();
    int own = page.indexOf("a red fox asleep in fresh snow, morning light");
    int measured = page.indexOf(MeasuredPrompt.NOTE.replace("'", "&#39;"));
    assertTrue(own > 0, page);
    assertTrue(page.contains("The prompt AUTOMATIC1111 saved in this file"), page);
    assertTrue(page.contains("blurry, watermark"), "its negative prompt comes back too");
    assertTrue(measured > own, "the file's own prompt is the first card, the measured one follows");
    assertTrue(page.contains("data-testid=\"described-picture\""), page);
    assertTrue(page.contains("fox.png, 96 × 64 pixels"), page);
    // The Studio form under it offers the first card's prompt to expand further, and no seed: none was used.
    assertTrue(page.contains(">a red fox asleep in fresh snow, morning light</textarea>"), page);
    assertFalse(page.contains(" · seed "), "no seed in the facts of a described picture: " + page);
    assertFalse(Pattern.compile("id=\"seed\"[^>]*value=\"0\"").matcher(page).find(), page);
    assertFalse(page.contains(">Picture: fox.png</textarea>"), page);

    HttpResponse<byte[]> thumbnail = http.getBytes("/x/" + id + "/picture");
    assertEquals(200, thumbnail.statusCode());
    assertEquals("image/jpeg", thumbnail.headers().firstValue("Content-Type").orElse(""));
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
    assertNotNull(shown);
    assertEquals(96, shown.getWidth());
    assertEquals(64, shown.getHeight());
  }

  @Test
  void aPlainJpegGivesAPromptNamingItsDominantColoursAndSaysHowItWasWritten() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describejpeg");
    // Left two thirds orange, right third deep blue: both colours are dominant, orange first.
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new Color(235, 125, 20));
    g.fillRect(0, 0, 200, 200);
    g.setColor(new Color(15, 30, 110));
    g.fillRect(200, 0, 100, 200);
    g.dispose();
    String id = described(http, "midjourney", "dusk.jpg", jpeg(image));

    String page = http.get("/x/" + id).body();
    assertTrue(page.contains("a scene in orange and deep blue tones"), page);
    assertTrue(page.contains("landscape framing"), page);
    assertTrue(page.contains("--ar 3:2"), "Midjourney gets the picture's aspect ratio: " + page);
    assertTrue(page.contains(MeasuredPrompt.NOTE.replace("'", "&#39;")), page);
    assertFalse(page.contains("saved in this file"), "a JPEG carries no prompt to give back");
    assertTrue(http.get("/").body().contains("Picture: dusk.jpg"), "it is kept in Recent like any expansion");
  }

  @Test
  void aDarkPlainPictureReadsAsNightInASentenceForOtherModels() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describenight");
    String id = described(http, "generic", "night.png", TestImages.png(120, 240, new Color(10, 14, 40)));
    String page = http.get("/x/" + id).body();
    assertTrue(page.contains("A scene in black tones, at night") || page.contains("A scene in deep blue tones, at night"), page);
    assertTrue(page.contains("tall vertical framing"), page);
  }

  @Test
  void filesThatAreNotPicturesOrTooLargeAreRefusedInWords() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describebad");
    String csrf = Accounts.csrf(http, "/describe");

    HttpResponse<String> text = describe(http, csrf, "generic", "notes.txt", "just some words".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, text.statusCode());
    assertTrue(text.body().contains("This file is not a picture"), text.body());

    byte[] webp = Arrays.copyOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);
    HttpResponse<String> webpResponse = describe(http, csrf, "generic", "photo.webp", webp);
    assertEquals(415, webpResponse.statusCode());
    assertTrue(webpResponse.body().contains("choose a vision model") && webpResponse.body().contains("save it as PNG or JPEG"),
        webpResponse.body());

    byte[] jpeg = TestImages.jpeg(200, 200, Color.RED);
    HttpResponse<String> cut = describe(http, csrf, "generic", "cut.jpg", Arrays.copyOf(jpeg, 40));
    assertEquals(400, cut.statusCode());
    assertTrue(cut.body().contains("could not be read"), cut.body());

    HttpResponse<String> bomb = describe(http, csrf, "generic", "bomb.png", declaredSize(100_000, 100_000));
    assertEquals(413, bomb.statusCode());
    assertTrue(bomb.body().contains("100000 × 100000 pixels"), bomb.body());

    // A JPEG's frame header can declare 60000 × 60000 too: a real small JPEG with its SOF0 size rewritten.
    byte[] jpegBomb = TestImages.jpeg(16, 16, Color.BLUE);
    for (int i = 2; i + 8 < jpegBomb.length; i++) {
      if ((jpegBomb[i] & 0xff) == 0xff && (jpegBomb[i + 1] & 0xff) == 0xc0) {
        jpegBomb[i + 5] = (byte) 0xea;
        jpegBomb[i + 6] = 0x60;
        jpegBomb[i + 7] = (byte) 0xea;
        jpegBomb[i + 8] = 0x60;
        break;
      }
    }
    HttpResponse<String> jpegBombResponse = describe(http, csrf, "generic", "bomb.jpg", jpegBomb);
    assertEquals(413, jpegBombResponse.statusCode(), jpegBombResponse.body());

    HttpResponse<String> target = describe(http, csrf, "dreamscape-9000", "red.jpg", jpeg);
    assertEquals(400, target.statusCode());
    assertTrue(target.body().contains("Unknown target model"), target.body());

    HttpResponse<String> oversized = describe(http, csrf, "generic", "huge.jpg", new byte[21 * 1024 * 1024]);
    assertEquals(413, oversized.statusCode());

    HttpResponse<String> empty = describe(http, csrf, "generic", "empty.png", new byte[0]);
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("Choose a picture"), empty.body());

    assertFalse(http.get("/").body().contains("Picture: "), "nothing refused was kept");
  }

  @Test
  void withoutTheCsrfTokenNothingIsDescribed() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describecsrf");
    HttpResponse<String> response = describe(http, null, "generic", "red.jpg", TestImages.jpeg(40, 40, Color.RED));
    assertEquals(403, response.statusCode(), response.body());
    assertFalse(http.get("/").body().contains("Picture: red.jpg"));
  }

  @Test
  void anotherPersonsDescriptionAndItsPictureAreNotFound() {
    Http owner = Http.toTestServer();
    Accounts.signedIn(owner, "describeowner");
    String id = described(owner, "generic", "mine.jpg", TestImages.jpeg(40, 40, Color.GREEN));
    Http other = Http.toTestServer();
    Accounts.signedIn(other, "describeother");
    assertEquals(404, other.get("/x/" + id).statusCode());
    assertEquals(404, other.getBytes("/x/" + id + "/picture").statusCode());
    assertEquals(200, owner.getBytes("/x/" + id + "/picture").statusCode());
  }

  @Test
  void theStudioLinksToTheDescribeForm() {
    Http http = Http.toTestServer();
    Accounts.signedIn(http, "describelink");
    assertTrue(http.get("/").body().contains("href=\"/describe\""));
    HttpResponse<String> form = http.get("/describe");
    assertEquals(200, form.statusCode());
    assertTrue(form.body().contains("enctype=\"multipart/form-data\""), form.body());
    assertTrue(form.body().contains("name=\"_csrf\""), form.body());
  }

  private static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "jpg", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A PNG whose header declares {@code width × height} pixels and that holds none: a decompression bomb's first bytes. */
  private static byte[] declaredSize(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(typeBytes);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
