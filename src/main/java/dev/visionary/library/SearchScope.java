package dev.visionary.library;

/** Whose prompts a search looks at. Every scope leaves out what the viewer may not see. */
record SearchScope(Kind kind, long ownerId, long viewerId) {
  enum Kind { LIBRARY, EXPLORE, PROFILE, BOOKMARKS }

  static SearchScope library(long ownerId) {
    return new SearchScope(Kind.LIBRARY, ownerId, ownerId);
  }

  static SearchScope explore() {
    return new SearchScope(Kind.EXPLORE, -1, -1);
  }

  static SearchScope profile(long ownerId) {
    return new SearchScope(Kind.PROFILE, ownerId, -1);
  }

  static SearchScope bookmarks(long viewerId) {
    return new SearchScope(Kind.BOOKMARKS, -1, viewerId);
  }

  /** The "did you mean" words come from the person's own prompts, or from everyone's for shared listings. */
  boolean ownWords() {
    return kind == Kind.LIBRARY;
  }
}
