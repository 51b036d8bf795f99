package dev.visionary.library;

import java.util.Arrays;
import java.util.Optional;

/** Who may see a prompt or a collection. */
public enum Visibility {
  PRIVATE("private", "Private", "Only you"),
  UNLISTED("unlisted", "Unlisted", "Anyone with the link"),
  PUBLIC("public", "Public", "Listed in Explore and on your profile");

  private final String id;
  private final String label;
  private final String meaning;

  Visibility(String id, String label, String meaning) {
    this.id = id;
    this.label = label;
    this.meaning = meaning;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }

  /** Unlisted and public pages may be shared, so they carry link previews. */
  public boolean shareable() {
    return this != PRIVATE;
  }

  public static Optional<Visibility> byId(String id) {
    return Arrays.stream(values()).filter(v -> v.id.equals(id)).findFirst();
  }
}
