package dev.visionary.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Visionary as a separate operating-system process, the way a person runs it, so tests can kill it. Its output
 * goes to a file, as a process manager's log would: read through a pipe, the last lines written before the
 * process exits were lost, since the JDK closes the pipe under a blocked reader when it sees the exit
 * ("Stream closed"), and those are the lines a shutdown logs.
 */
public final class AppProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)/");

  private final Process process;
  private final Path log;

  private AppProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code dev.visionary.App} with the test class path and the given environment. */
  public static AppProcess start(Map<String, String> env, String... args) {
    return start(List.of(), env, args);
  }

  /** The same, with options for the JVM (on the running JDK) before the class path. */
  public static AppProcess start(List<String> jvmOptions, Map<String, String> env, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(java(), "-Djava.awt.headless=true"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.visionary.App"));
    command.addAll(List.of(args));
    return launch(command, env, null);
  }

  /** {@code java <jvmOptions> -jar <jar>} on the running JDK, from the project directory, as the Procfile runs it. */
  public static AppProcess startJar(List<String> jvmOptions, String jar, Map<String, String> env) {
    return startJar(jvmOptions, jar, env, null);
  }

  /** The same from {@code directory}, as a service manager may run it; {@code jar} then needs its full path. */
  public static AppProcess startJar(List<String> jvmOptions, String jar, Map<String, String> env, Path directory) {
    List<String> command = new java.util.ArrayList<>(List.of(java()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar));
    return launch(command, env, directory);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static AppProcess launch(List<String> command, Map<String, String> env, Path directory) {
    try {
      Path log = Files.createTempFile("visionary-app", ".log");
      log.toFile().deleteOnExit();
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      if (directory != null) {
        builder.directory(directory.toFile());
      }
      builder.environment().remove("DATABASE_URL");
      builder.environment().putAll(env);
      return new AppProcess(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the "listening" log line and returns the port. */
  public int awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output()) {
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("App exited with " + process.exitValue() + ":\n" + String.join("\n", output()));
      }
      sleep(50);
    }
    throw new IllegalStateException("App did not start in " + timeout + ":\n" + String.join("\n", output()));
  }

  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("App did not exit in " + timeout + ":\n" + String.join("\n", output()));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGTERM, as a process manager or Heroku sends at shutdown. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: no shutdown hooks run. */
  public void kill() {
    process.destroyForcibly();
  }

  /** The operating system's id of the process. */
  public long pid() {
    return process.pid();
  }

  /** The lines written so far; the last one may be still half written while the process runs. */
  public List<String> output() {
    try {
      return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
