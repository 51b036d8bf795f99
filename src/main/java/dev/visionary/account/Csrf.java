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
  /** Read on first use, not when built: the app is built while its database may still be starting. */
  private volatile SecretKeySpec key;

  Csrf(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  private SecretKeySpec key() {
    SecretKeySpec k = key;
    if (k == null) {
      // Two first requests at once both read the same row; loading is idempotent.
      k = new SecretKeySpec(loadOrCreateKey(jdbi), "HmacSHA256");
      key = k;
    }
    return k;
  }

  String tokenFor(String sessionToken) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      byte[] sig = mac.doFinal(("csrf:" + sessionToken).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
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
