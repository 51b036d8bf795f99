package dev.visionary.generate;

import dev.visionary.config.Config;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO), addressed path-style: PUT and DELETE signed with an
 * Authorization header, GET handed to browsers as a short-lived presigned URL so image bytes never pass through
 * the app.
 */
final class ObjectStore {
  /**
   * URLs are signed as of the start of a window and stay valid for two: the same URL for a whole window (so the
   * browser's cache can keep the image), still at least one window left when handed out, and a leaked URL soon dead.
   */
  static final Duration PRESIGN_WINDOW = Duration.ofMinutes(5);
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([A-Za-z0-9.]{1,64})</Code>");
  /** S3 error bodies are a few hundred bytes; more than this is not read. */
  private static final int MAX_ERROR_BODY = 8192;

  /** Storage refused or could not be reached; {@code retryable} when trying again later may work. */
  static final class Failed extends RuntimeException {
    final boolean retryable;

    Failed(String message, boolean retryable, Throwable cause) {
      super(message, cause);
      this.retryable = retryable;
    }
  }

  private final Config.ObjectStorage target;
  private final S3Signer signer;
  private final HttpClient http;
  private final Clock clock;

  ObjectStore(Config.ObjectStorage target, Clock clock) {
    this.target = target;
    this.signer = new S3Signer(target.accessKey(), target.secretKey(), target.region());
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.clock = clock;
  }

  /** The object key for a name, under the configured prefix. */
  String key(String name) {
    return target.prefix().isEmpty() ? name : target.prefix() + "/" + name;
  }

  void put(String key, byte[] bytes, String contentType) {
    send("PUT", key, Map.of("content-type", contentType), bytes, 0);
  }

  /**
   * The object's bytes, for a picture Visionary draws on itself (a grid's PNG); browsers get a presigned URL instead.
   * An object longer than {@code limit} fails rather than filling the heap.
   */
  byte[] get(String key, int limit) {
    return send("GET", key, Map.of(), new byte[0], limit);
  }

  /** Deleting an object that is not there succeeds, as S3 answers 204 either way. */
  void delete(String key) {
    send("DELETE", key, Map.of(), new byte[0], 0);
  }

  /**
   * A GET URL anyone holding it may use until it expires; issue it only after the access check.
   *
   * @param downloadName when not null, storage answers with Content-Disposition: attachment under this name
   */
  URI presignedGet(String key, String downloadName) {
    String path = path(key);
    long window = PRESIGN_WINDOW.toSeconds();
    long signedAt = clock.instant().getEpochSecond() / window * window;
    Map<String, String> overrides = downloadName == null ? Map.of()
        : Map.of("response-content-disposition", "attachment; filename=\"" + downloadName + "\"");
    String query = signer.presignedQuery(path, host(), AMZ_DATE.format(java.time.Instant.ofEpochSecond(signedAt)), 2 * window, overrides);
    return URI.create(target.endpoint() + path + "?" + query);
  }

  /** Sends one signed request; returns up to {@code limit} bytes of a successful answer's body. */
  private byte[] send(String method, String key, Map<String, String> extra, byte[] body, int limit) {
    String path = path(key);
    String amzDate = AMZ_DATE.format(clock.instant());
    String payloadHash = S3Signer.sha256Hex(body);
    TreeMap<String, String> signed = new TreeMap<>(extra);
    signed.put("host", host());
    signed.put("x-amz-content-sha256", payloadHash);
    signed.put("x-amz-date", amzDate);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.endpoint() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("Authorization", signer.authorization(method, path, signed, amzDate, payloadHash));
    signed.forEach((name, value) -> {
      if (!name.equals("host")) { // the client sets Host itself
        request.header(name, value);
      }
    });
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Failed("image storage could not be reached (" + e.getClass().getSimpleName() + ")", true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failed("storing the image was interrupted", true, e);
    }
    try (InputStream in = response.body()) {
      int status = response.statusCode();
      if (status / 100 == 2) {
        byte[] content = in.readNBytes(limit);
        if (in.read() != -1) {
          throw new Failed("image storage sent more than " + limit + " bytes for " + key, false, null);
        }
        return content;
      }
      byte[] answer = in.readNBytes(MAX_ERROR_BODY);
      Matcher code = ERROR_CODE.matcher(new String(answer, StandardCharsets.UTF_8));
      String what = "image storage answered " + status + (code.find() ? " " + code.group(1) : "");
      throw new Failed(what, status >= 500 || status == 429, null);
    } catch (IOException e) {
      throw new Failed("image storage's answer could not be read", true, e);
    }
  }

  /** /bucket/key, each segment encoded the way SigV4 canonicalises it, so the signed path is the sent path. */
  private String path(String key) {
    return "/" + target.bucket() + "/" + S3Signer.encode(key, true);
  }

  private String host() {
    return target.endpoint().getRawAuthority();
  }
}
