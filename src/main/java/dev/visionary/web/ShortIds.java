package dev.visionary.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Short random ids for URLs: unguessable, so a private item's address reveals nothing about others. */
public final class ShortIds {
  /** 56 letters and digits without look-alikes (0/O, 1/l/I); 10 of them are about 58 bits. */
  private static final String ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShortIds() {}

  public static String next() {
    char[] id = new char[LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(id);
  }

  /** An id derived from a seed, so doing the same thing twice (an import) lands on the same id. */
  public static String derived(String seed) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      char[] id = new char[LENGTH];
      for (int i = 0; i < id.length; i++) {
        id[i] = ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length());
      }
      return new String(id);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean looksValid(String id) {
    if (id == null || id.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (ALPHABET.indexOf(id.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
