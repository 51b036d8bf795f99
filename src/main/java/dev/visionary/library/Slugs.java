package dev.visionary.library;

import java.text.Normalizer;
import java.util.Locale;

/** Readable URL slugs from titles. Public for the seed command. */
public final class Slugs {
  private Slugs() {}

  /** Ids made elsewhere (an import from another Visionary) are accepted when they look like ids. */
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
