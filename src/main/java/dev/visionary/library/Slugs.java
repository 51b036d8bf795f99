package dev.visionary.library;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;

/** Readable URL slugs from titles, and the short random ids that make URLs unguessable. Public for the seed command. */
public final class Slugs {
  private static final String ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();
  static final int ID_LENGTH = 10;

  private Slugs() {}

  static String newId() {
    StringBuilder id = new StringBuilder(ID_LENGTH);
    for (int i = 0; i < ID_LENGTH; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  /** An id derived from a seed, so importing the same file twice lands on the same ids. */
  static String derivedId(String seed) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(ID_LENGTH);
      for (int i = 0; i < ID_LENGTH; i++) {
        id.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
      }
      return id.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean looksLikeId(String s) {
    return s != null && s.length() >= 4 && s.length() <= 32 && s.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c));
  }

  /** "Café at Dusk!" becomes "cafe-at-dusk"; letters of other scripts are kept, lower-cased. */
  public static String slug(String title) {
    String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-[^-]*$", "");
    }
    return slug.isEmpty() ? "prompt" : slug;
  }

  /** A title for a prompt saved without one: the idea it came from, else the start of its text. */
  public static String suggestTitle(String idea, String text) {
    String source = idea != null && !idea.isBlank() ? idea : text == null ? "" : text;
    String firstLine = source.strip().split("\n", 2)[0].replaceAll("\\s+", " ");
    if (firstLine.length() > 60) {
      int cut = firstLine.lastIndexOf(' ', 60);
      firstLine = firstLine.substring(0, cut > 20 ? cut : 60) + "…";
    }
    if (firstLine.isEmpty()) {
      return "Untitled prompt";
    }
    return Character.toUpperCase(firstLine.charAt(0)) + firstLine.substring(1);
  }
}
