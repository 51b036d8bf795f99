package dev.visionary.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Procfile's web command, which the README's run command matches, read so tests start the app with it. */
public final class Procfile {
  public static final String JAR = "target/visionary.jar";
  public static final String AOT_OPTION = "-XX:AOTCache=";

  private Procfile() {}

  /** The JVM options: the words between {@code java} and {@code -jar target/visionary.jar}. */
  public static List<String> jvmOptions() {
    String web;
    try {
      web = Files.readAllLines(Path.of("Procfile")).stream().filter(l -> l.startsWith("web:")).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> words = List.of(web.substring("web:".length()).trim().split("\\s+"));
    int jar = words.indexOf("-jar");
    if (!words.get(0).equals("java") || jar < 0 || !words.get(jar + 1).equals(JAR)) {
      throw new IllegalStateException("Unexpected Procfile web command: " + web);
    }
    return words.subList(1, jar);
  }

  /** The same options with the AOT cache option pointed at {@code cache}; fails if there is none. */
  public static List<String> jvmOptionsWithCache(Path cache) {
    List<String> options = jvmOptions();
    if (options.stream().noneMatch(o -> o.startsWith(AOT_OPTION))) {
      throw new IllegalStateException("The Procfile no longer starts with the AOT cache: " + options);
    }
    return options.stream().map(o -> o.startsWith(AOT_OPTION) ? AOT_OPTION + cache : o).toList();
  }
}
