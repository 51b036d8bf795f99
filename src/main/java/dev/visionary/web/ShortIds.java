package dev.visionary.web;

import java.security.SecureRandom;

/** Short random ids for URLs: unguessable, so a private item's address reveals nothing about others. */
public final class ShortIds {
  private static final char[] ALPHABET = "23456789abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ShortIds() {}

  /** 10 characters from a 56-letter alphabet without look-alikes: about 58 bits. */
  public static String next() {
    char[] id = new char[10];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }

  public static boolean looksValid(String id) {
    if (id == null || id.length() != 10) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (new String(ALPHABET).indexOf(id.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
