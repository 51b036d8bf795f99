package dev.visionary.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The threads of this JVM running code of a given class, virtual ones included. On JDK 21+ the app serves
 * requests on virtual threads, which {@link Thread#getAllStackTraces()} does not list; the JDK's thread dump
 * does, so a test asking "is any request still running?" gets a true answer on every JDK.
 */
public final class LiveThreads {
  private LiveThreads() {}

  /** Names (or dump headers) of the threads, other than the caller, with a frame of a class starting with {@code classPrefix}. */
  public static List<String> runningCodeOf(String classPrefix) {
    if (Runtime.version().feature() < 21) {
      return Thread.getAllStackTraces().entrySet().stream()
          .filter(e -> e.getKey() != Thread.currentThread())
          .filter(e -> Stream.of(e.getValue()).anyMatch(frame -> frame.getClassName().startsWith(classPrefix)))
          .map(e -> e.getKey().getName())
          .toList();
    }
    String dump = dumpAllThreads();
    @SuppressWarnings("deprecation") // threadId() is JDK 19+; the tests compile for 17
    String self = "#" + Thread.currentThread().getId() + " ";
    List<String> found = new ArrayList<>();
    // The plain-text dump: one block per thread, a header line ("#id "name" virtual") and then "at" lines.
    for (String block : dump.split("\n\\s*\n")) {
      String header = block.strip().lines().findFirst().orElse("");
      if (!header.startsWith(self) && block.contains("at " + classPrefix)) {
        found.add(header);
      }
    }
    return found;
  }

  /** HotSpotDiagnosticMXBean.dumpThreads (JDK 21+), called reflectively because the tests compile for 17. */
  private static String dumpAllThreads() {
    try {
      Path file = Files.createTempFile("threads", ".txt");
      Files.delete(file); // the dump refuses to overwrite
      try {
        Class<?> bean = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
        Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
        Object diagnostic = ManagementFactory.getPlatformMXBean(bean.asSubclass(java.lang.management.PlatformManagedObject.class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object text = Enum.valueOf((Class) format, "TEXT_PLAIN");
        bean.getMethod("dumpThreads", String.class, format).invoke(diagnostic, file.toString(), text);
        return Files.readString(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JDK cannot dump its threads", e);
    }
  }
}
