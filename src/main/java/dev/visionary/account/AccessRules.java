package dev.visionary.account;

import java.util.List;
import java.util.Set;

/**
 * Who may reach what, in one place. Anyone may read the Studio, public prompts, profiles,
 * collections and /explore (the handlers hide private items with a 404); everything else, and
 * every change, needs a signed-in person.
 */
final class AccessRules {
  private static final List<String> SIGNED_IN_PREFIXES = List.of(
      "/library", "/bookmarks", "/collections", "/settings", "/export", "/import",
      "/expand", "/generate", "/jobs", "/prompts", "/x/", "/wildcards", "/instructions", "/account");
  /** Changes anyone may make: signing up and in, and leaving. */
  private static final Set<String> ANONYMOUS_POSTS = Set.of("/signup", "/login", "/logout");

  private AccessRules() {}

  static boolean needsSignIn(String method, String path) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return !ANONYMOUS_POSTS.contains(path);
    }
    for (String prefix : SIGNED_IN_PREFIXES) {
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/") || path.startsWith(prefix + "?")) {
        return true;
      }
    }
    return false;
  }

  /** Only same-site paths are followed after sign-in, never another host. */
  static String safeNext(String next) {
    if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || next.length() > 2000) {
      return "/";
    }
    return next;
  }
}
