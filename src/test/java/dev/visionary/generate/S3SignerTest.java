package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.TreeMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked examples of AWS's "Signature Version 4 for S3" pages, with their published signatures. */
class S3SignerTest {
  private final S3Signer aws = new S3Signer("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");

  @Test
  void presignedGetObjectMatchesAwsExample() {
    String query = aws.presignedQuery("/test.txt", "examplebucket.s3.amazonaws.com", "20130524T000000Z", 86400, Map.of());
    assertEquals("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
        + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", query);
  }

  @Test
  void getObjectAuthorizationHeaderMatchesAwsExample() {
    TreeMap<String, String> headers = new TreeMap<>(Map.of("host", "examplebucket.s3.amazonaws.com", "range", "bytes=0-9",
        "x-amz-content-sha256", S3Signer.EMPTY_SHA256, "x-amz-date", "20130524T000000Z"));
    assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
        aws.authorization("GET", "/test.txt", headers, "20130524T000000Z", S3Signer.EMPTY_SHA256));
  }
}
