package dev.visionary.account;

/** Where to go after signing in: a page of this site, never another host. */
final class NextPage {
  private NextPage() {}

  static String safe(String next) {
    if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f) || next.length() > 2000) {
      return "/";
    }
    return next;
  }
}
