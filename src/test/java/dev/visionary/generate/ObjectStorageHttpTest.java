package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.App;
import dev.visionary.config.Config;
import dev.visionary.png.Infotext;
import dev.visionary.png.PngMetadata;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With IMAGE_STORE_URL set, images go to an S3-compatible bucket (a fake that checks every signature) and back. */
class ObjectStorageHttpTest {
  private static FakeS3 s3;
  private static App app;
  private static Jdbi db;
  private static Http http;
  private static Config.ObjectStorage target;
  private final HttpClient browser = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    s3 = new FakeS3();
    String url = TestServer.freshDatabaseUrl();
    Map<String, String> env = Map.of("DATABASE_URL", url, "IMAGE_STORE_URL", s3.uri() + "/pictures/visionary?region=" + FakeS3.REGION,
        "IMAGE_STORE_ACCESS_KEY", FakeS3.ACCESS_KEY, "IMAGE_STORE_SECRET_KEY", FakeS3.SECRET_KEY);
    app = TestServer.startApp(env);
    target = Config.from(env).storage().objects().orElseThrow();
    db = Jdbi.create(url);
    http = new Http("http://localhost:" + app.port());
  }

  @AfterAll
  static void stop() {
    app.close();
    s3.close();
  }

  @Test
  void imagesAreStoredInTheBucketServedToTheOwnerOnlyAndDeletedWithTheAccount() throws Exception {
    s3.slowDown = false;
    Accounts.signedIn(http, "bucketowner");
    String job = Jobs.submit(http, "prompt", "a lighthouse in fog", "engine", "builtin", "size", "512x512", "seed", "77");
    String card = Jobs.awaitFinished(http, job, Duration.ofSeconds(60));
    assertTrue(card.contains("data-status=\"succeeded\""), card);
    String image = Jobs.imageIds(card).get(0);

    String sha = db.withHandle(h -> h.createQuery("select encode(sha256, 'hex') from images where id = :id").bind("id", image)
        .mapTo(String.class).one());
    assertEquals(0, (int) db.withHandle(h -> h.createQuery("select count(*) from image_blobs where encode(sha256, 'hex') = :sha "
        + "and (bytes is not null or thumb is not null)").bind("sha", sha).mapTo(Integer.class).one()), "no bytes in PostgreSQL");
    assertTrue(s3.objects.containsKey("/pictures/visionary/" + sha + ".png"), s3.objects.keySet().toString());
    assertTrue(s3.objects.keySet().stream().anyMatch(k -> k.startsWith("/pictures/visionary/" + sha + "-thumb.")), s3.objects.keySet().toString());

    HttpResponse<byte[]> redirect = http.getBytes("/images/" + image);
    assertEquals(302, redirect.statusCode());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertTrue(location.startsWith(s3.uri() + "/pictures/visionary/" + sha + ".png?"), location);
    assertTrue(location.contains("X-Amz-Signature="), location);
    HttpResponse<byte[]> png = follow(location);
    assertEquals(200, png.statusCode());
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
    assertEquals("a lighthouse in fog", Infotext.parse(PngMetadata.readParameters(png.body()).orElseThrow()).prompt());

    HttpResponse<byte[]> thumb = follow(http.getBytes("/images/" + image + "/thumb").headers().firstValue("Location").orElseThrow());
    assertEquals(200, thumb.statusCode());
    assertTrue(thumb.body().length < png.body().length, "the thumbnail is smaller");
    HttpResponse<byte[]> download = follow(http.getBytes("/images/" + image + "?download=1").headers().firstValue("Location").orElseThrow());
    assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), download.headers().map().toString());
    assertArrayEquals(png.body(), download.body());

    Http stranger = new Http(http.base());
    Accounts.signedIn(stranger, "bucketstranger");
    HttpResponse<byte[]> refused = stranger.getBytes("/images/" + image);
    assertEquals(404, refused.statusCode());
    assertEquals(Optional.empty(), refused.headers().firstValue("Location"), "no URL to storage for a stranger");
    assertEquals(404, new Http(http.base()).getBytes("/images/" + image + "/thumb").statusCode());

    HttpResponse<String> deleted = http.postForm("/settings/delete", Http.form(
        "_csrf", Accounts.csrf(http, "/settings"), "confirm_password", Accounts.PASSWORD));
    assertEquals(303, deleted.statusCode(), deleted.body());
    // The sweep housekeeping runs each minute, run here at once on the same database.
    new ImageStore(db, Optional.of(target)).sweepReleasedObjects();
    assertTrue(s3.objects.keySet().stream().noneMatch(k -> k.contains(sha)), "the objects left with the last image: " + s3.objects.keySet());
  }

  @Test
  void aGridsPngDrawsCellsWhosePicturesLiveInTheBucket() throws Exception {
    s3.slowDown = false;
    Http someone = new Http(http.base());
    Accounts.signedIn(someone, "bucketgrid");
    String grid = GridSupport.make(someone, "prompt", "a {red|blue} kite over a beach", "engine", "builtin", "rows", "option", "cols", "none");
    GridSupport.awaitFinished(someone, grid, Duration.ofSeconds(60));
    HttpResponse<byte[]> png = someone.getBytes("/grids/" + grid + "/grid.png");
    assertEquals(200, png.statusCode());
    java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
    assertTrue(GridSupport.cellDrawn(picture, 0, 0) && GridSupport.cellDrawn(picture, 1, 0), "both cells drawn from storage");
  }

  @Test
  void aStorageOutageFailsTheJobWithAClearMessageAndLeavesNoImageRow() {
    Http someone = new Http(http.base());
    Accounts.signedIn(someone, "outage");
    s3.slowDown = true;
    try {
      String job = Jobs.submit(someone, "prompt", "a storm over the sea", "engine", "builtin", "size", "512x512", "seed", "5");
      String card = Jobs.awaitFinished(someone, job, Duration.ofSeconds(60));
      assertTrue(card.contains("data-status=\"failed\""), card);
      assertTrue(card.contains("The images could not be stored: image storage answered 503 SlowDown"), card);
      assertEquals(List.of(), Jobs.imageIds(card));
      assertEquals(0, (int) db.withHandle(h -> h.createQuery("select count(*) from images where job_id = :job").bind("job", job)
          .mapTo(Integer.class).one()));
    } finally {
      s3.slowDown = false;
    }
  }

  @Test
  void slowUploadsHoldNoDatabaseConnectionSoPagesStillAnswer() throws Exception {
    // Two connections (Flyway needs both to migrate) and two jobs whose uploads storage keeps waiting.
    Map<String, String> env = Map.of("DB_POOL_SIZE", "2", "IMAGE_STORE_URL", s3.uri() + "/slow?region=" + FakeS3.REGION,
        "IMAGE_STORE_ACCESS_KEY", FakeS3.ACCESS_KEY, "IMAGE_STORE_SECRET_KEY", FakeS3.SECRET_KEY);
    CountDownLatch release = new CountDownLatch(1);
    s3.putArrived = new CountDownLatch(2);
    s3.holdPuts = release;
    try (App small = TestServer.startIsolatedApp(env)) {
      Http someone = new Http("http://localhost:" + small.port());
      Accounts.signedIn(someone, "slowbucket");
      String first = Jobs.submit(someone, "prompt", "a harbour at dawn", "engine", "builtin", "size", "512x512", "seed", "9");
      String second = Jobs.submit(someone, "prompt", "a harbour at dusk", "engine", "builtin", "size", "512x512", "seed", "10");
      assertTrue(s3.putArrived.await(60, TimeUnit.SECONDS), "both uploads began");
      // With both uploads waiting on storage, the pool's connections are free and a page that reads the database answers.
      HttpResponse<String> page = someone.get("/generate");
      assertEquals(200, page.statusCode(), page.body());
      release.countDown();
      for (String job : List.of(first, second)) {
        String card = Jobs.awaitFinished(someone, job, Duration.ofSeconds(60));
        assertTrue(card.contains("data-status=\"succeeded\""), card);
        assertTrue(!Jobs.imageIds(card).isEmpty(), card);
      }
    } finally {
      s3.holdPuts = null;
      release.countDown();
    }
  }

  @Test
  void aWrongSecretIsRefusedByStorageAndFailsAtOnceWithoutRetrying() {
    Map<String, String> env = Map.of("IMAGE_STORE_URL", s3.uri() + "/pictures?region=" + FakeS3.REGION,
        "IMAGE_STORE_ACCESS_KEY", FakeS3.ACCESS_KEY, "IMAGE_STORE_SECRET_KEY", "not-the-secret");
    try (App wrong = TestServer.startIsolatedApp(env)) {
      Http someone = new Http("http://localhost:" + wrong.port());
      Accounts.signedIn(someone, "wrongkey");
      String job = Jobs.submit(someone, "prompt", "a quiet lake", "engine", "builtin", "size", "512x512");
      String card = Jobs.awaitFinished(someone, job, Duration.ofSeconds(60));
      assertTrue(card.contains("data-status=\"failed\""), card);
      assertTrue(card.contains("image storage answered 403 SignatureDoesNotMatch"), card);
      assertTrue(!card.contains("not-the-secret") && !card.contains(FakeS3.ACCESS_KEY), "no credentials on the page");
    }
  }

  private HttpResponse<byte[]> follow(String location) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
