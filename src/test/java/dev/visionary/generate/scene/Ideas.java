package dev.visionary.generate.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The development ideas of the evaluation set, the copy of shared/eval/ideas-dev.txt kept with the tests. */
final class Ideas {

  private Ideas() {
  }

  static List<String> dev() {
    try (InputStream in = Ideas.class.getResourceAsStream("/eval/ideas-dev.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
