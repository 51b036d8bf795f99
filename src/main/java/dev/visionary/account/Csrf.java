package dev.visionary.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * CSRF tokens derived from the visitor's session token with a server-side key, so a token is valid
 * only with the cookie it was made for, on every instance, without storing one per visitor.
 */
final class Csrf {
  private final Jdbi jdbi;
  /**
   * A Mac set up with the key, read on first use (the app is built while its database may still be starting).
   * Each token is made on a clone: looking up the algorithm and keying a Mac cost more than the HMAC itself, on
   * every request.
   */
  private volatile Mac keyed;

  Csrf(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private Mac mac() throws NoSuchAlgorithmException, InvalidKeyException, CloneNotSupportedException {
    Mac k = keyed;
    if (k == null) {
      // Two first requests at once both read the same row; loading is idempotent.
      k = Mac.getInstance("HmacSHA256");
      k.init(new SecretKeySpec(loadOrCreateKey(jdbi), "HmacSHA256"));
      keyed = k;
    }
    return (Mac) k.clone();
  }

  String tokenFor(String sessionToken) {
    try {
      Mac mac = mac();
      byte[] sig = mac.doFinal(("csrf:" + sessionToken).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException | CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean isValid(String sessionToken, String presented) {
    if (sessionToken == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        tokenFor(sessionToken).getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The first instance to start makes the key; the others read the same one. */
  private static byte[] loadOrCreateKey(Jdbi jdbi) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return jdbi.withHandle(h -> {
      h.createUpdate("insert into app_secrets(name, value) values ('csrf', :value) on conflict (name) do nothing")
          .bind("value", fresh).execute();
      return h.createQuery("select value from app_secrets where name = 'csrf'").mapTo(byte[].class).one();
    });
  }
}
