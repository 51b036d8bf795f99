package dev.visionary.generate;

import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.FakeServer.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An S3-compatible bucket on 127.0.0.1 speaking the wire format: every request's SigV4 signature (Authorization
 * header, or presigned query with its expiry) is recomputed with the secret it knows, and a mismatch gets S3's
 * 403 SignatureDoesNotMatch XML. It stores PUTs, answers GETs (honouring response-content-disposition) and
 * DELETEs, and can be told to answer 503 SlowDown or to hold uploads until released.
 */
final class FakeS3 implements AutoCloseable {
  static final String ACCESS_KEY = "AKIAFAKES3EXAMPLE";
  static final String SECRET_KEY = "fake/secret+key/for-tests";
  static final String REGION = "auto";
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  record StoredObject(String contentType, byte[] bytes) {}

  final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  volatile boolean slowDown;
  /** While set, each PUT counts {@link #putArrived} down and then waits (up to 30 s) for this latch: a slow upload. */
  volatile CountDownLatch holdPuts;
  volatile CountDownLatch putArrived = new CountDownLatch(1);
  private final S3Signer signer = new S3Signer(ACCESS_KEY, SECRET_KEY, REGION);
  private final FakeServer server;

  FakeS3() {
    server = FakeServer.start()
        .on("PUT", "/*", this::put)
        .on("GET", "/*", this::get)
        .on("DELETE", "/*", this::delete);
  }

  URI uri() {
    return server.uri();
  }

  private Reply put(Request request) {
    Reply refused = checkHeaderSignature(request);
    if (refused != null) {
      return refused;
    }
    if (slowDown) {
      return error(503, "SlowDown", "Please reduce your request rate.");
    }
    CountDownLatch hold = holdPuts;
    if (hold != null) {
      putArrived.countDown();
      try {
        hold.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    objects.put(request.path(), new StoredObject(request.headers().getFirst("Content-Type"), request.body()));
    return new Reply(200, Map.of("ETag", "\"" + S3Signer.sha256Hex(request.body()).substring(0, 32) + "\""), new byte[0]);
  }

  private Reply delete(Request request) {
    Reply refused = checkHeaderSignature(request);
    if (refused != null) {
      return refused;
    }
    objects.remove(request.path());
    return new Reply(204, Map.of(), new byte[0]);
  }

  private Reply get(Request request) {
    if (request.headers().getFirst("Authorization") != null) {
      Reply refused = checkHeaderSignature(request);
      return refused != null ? refused : stored(request.path(), Map.of());
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : (request.query() == null ? "" : request.query()).split("&")) {
      String[] kv = pair.split("=", 2);
      if (kv.length == 2) {
        query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
      }
    }
    String date = query.getOrDefault("X-Amz-Date", "");
    if (!date.matches("\\d{8}T\\d{6}Z") || !query.containsKey("X-Amz-Expires")) {
      return error(403, "AccessDenied", "Query-string authentication requires the X-Amz-Date and X-Amz-Expires parameters");
    }
    Map<String, String> overrides = new TreeMap<>();
    query.forEach((name, value) -> {
      if (name.startsWith("response-")) {
        overrides.put(name, value);
      }
    });
    String expected = signer.presignedQuery(request.path(), request.headers().getFirst("Host"), date,
        Long.parseLong(query.get("X-Amz-Expires")), overrides);
    if (!expected.endsWith("X-Amz-Signature=" + query.get("X-Amz-Signature"))) {
      return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    Instant signedAt = AMZ_DATE.parse(date, Instant::from);
    if (Instant.now().isAfter(signedAt.plusSeconds(Long.parseLong(query.get("X-Amz-Expires"))))) {
      return error(403, "AccessDenied", "Request has expired");
    }
    return stored(request.path(), overrides);
  }

  private Reply stored(String path, Map<String, String> overrides) {
    StoredObject object = objects.get(path);
    if (object == null) {
      return error(404, "NoSuchKey", "The specified key does not exist.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", object.contentType());
    if (overrides.containsKey("response-content-disposition")) {
      headers.put("Content-Disposition", overrides.get("response-content-disposition"));
    }
    return new Reply(200, headers, object.bytes());
  }

  /** Recomputes the Authorization header from the signed headers as received; null when it matches. */
  private Reply checkHeaderSignature(Request request) {
    String authorization = request.headers().getFirst("Authorization");
    String payloadHash = request.headers().getFirst("x-amz-content-sha256");
    String date = request.headers().getFirst("x-amz-date");
    if (authorization == null || payloadHash == null || date == null || !authorization.contains("SignedHeaders=")) {
      return error(403, "AccessDenied", "Access Denied");
    }
    if (!payloadHash.equals(S3Signer.sha256Hex(request.body()))) {
      return error(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    String signedNames = authorization.replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
    TreeMap<String, String> signed = new TreeMap<>();
    for (String name : signedNames.split(";")) {
      String value = request.headers().getFirst(name);
      if (value == null) {
        return error(403, "SignatureDoesNotMatch", "A signed header is missing: " + name);
      }
      signed.put(name, value);
    }
    String expected = signer.authorization(request.method(), request.path(), signed, date, payloadHash);
    return expected.equals(authorization) ? null
        : error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
  }

  private static Reply error(int status, String code, String message) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
    return new Reply(status, Map.of("Content-Type", "application/xml"), xml.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
  }
}
