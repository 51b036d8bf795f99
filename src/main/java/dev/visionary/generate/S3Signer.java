package dev.visionary.generate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for S3, by hand: the JDK has HMAC-SHA256, and the SDK would be tens of megabytes for
 * three requests. Checked against the examples in AWS's S3 documentation (S3SignerTest).
 */
final class S3Signer {
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final String accessKey;
  private final String secretKey;
  private final String region;

  S3Signer(String accessKey, String secretKey, String region) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
  }

  /**
   * The Authorization header of a request; {@code headers} are the ones signed (lower-case names, host and
   * x-amz-date and x-amz-content-sha256 among them).
   */
  String authorization(String method, String rawPath, SortedMap<String, String> headers, String amzDate, String payloadSha256) {
    String signed = String.join(";", headers.keySet());
    String canonical = method + "\n" + rawPath + "\n\n"
        + headers.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue().strip() + "\n").collect(Collectors.joining())
        + "\n" + signed + "\n" + payloadSha256;
    return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope(amzDate) + ",SignedHeaders=" + signed
        + ",Signature=" + signature(canonical, amzDate);
  }

  /**
   * The query string of a presigned GET (query authentication), signing only the host header; {@code overrides}
   * are S3's response-* parameters (unencoded), such as response-content-disposition.
   */
  String presignedQuery(String rawPath, String host, String amzDate, long expiresSeconds, Map<String, String> overrides) {
    SortedMap<String, String> query = new TreeMap<>(Map.of(
        "X-Amz-Algorithm", "AWS4-HMAC-SHA256",
        "X-Amz-Credential", encode(accessKey + "/" + scope(amzDate)),
        "X-Amz-Date", amzDate,
        "X-Amz-Expires", Long.toString(expiresSeconds),
        "X-Amz-SignedHeaders", "host"));
    overrides.forEach((name, value) -> query.put(name, encode(value)));
    String queryString = query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    String canonical = "GET\n" + rawPath + "\n" + queryString + "\nhost:" + host + "\n\nhost\nUNSIGNED-PAYLOAD";
    return queryString + "&X-Amz-Signature=" + signature(canonical, amzDate);
  }

  private String scope(String amzDate) {
    return amzDate.substring(0, 8) + "/" + region + "/s3/aws4_request";
  }

  private String signature(String canonicalRequest, String amzDate) {
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope(amzDate) + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), amzDate.substring(0, 8));
    key = hmac(key, region);
    key = hmac(key, "s3");
    key = hmac(key, "aws4_request");
    return HexFormat.of().formatHex(hmac(key, toSign));
  }

  /** URI-encodes as SigV4 requires: everything but A-Z a-z 0-9 - _ . ~ (and '/' in paths when {@code path}). */
  static String encode(String text, boolean path) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
          || c == '~' || (path && c == '/')) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String encode(String text) {
    return encode(text, false);
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
