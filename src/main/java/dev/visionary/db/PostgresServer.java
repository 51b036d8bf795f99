package dev.visionary.db;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.JarURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.visionary.config.StartTimes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The bundled PostgreSQL binaries, run as a child process: initdb, the postmaster and its stop.
 *
 * <p>Replaces zonky's start path, which on every start read and MD5-hashed the 15 MB binaries archive, ran a
 * shell script and two {@code unshare} probes, started the server through {@code pg_ctl} and then polled it
 * every 100 ms with a signed-in JDBC connection. Here the unpacked binaries are found by the archive's CRC in
 * the jar's directory (no reading), the postmaster is started directly, and it is ready when its
 * {@code postmaster.pid} says so, the same signal {@code pg_ctl -w} waits for.
 */
final class PostgresServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  /** postmaster.pid's eighth line once the server accepts connections (PM_STATUS_READY). */
  private static final String READY = "ready";
  private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
  /** PostgreSQL refuses to run as root; in a new user namespace it runs as an unprivileged id, as zonky ran it. */
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  private final Path bin;
  private final Path pgData;
  private final Process process;
  private final int port;

  private PostgresServer(Path bin, Path pgData, Process process, int port) {
    this.bin = bin;
    this.pgData = pgData;
    this.process = process;
    this.port = port;
  }

  int port() {
    return port;
  }

  /**
   * The unpacked binaries under {@code cacheDir}, unpacked there first when missing. Named by the archive's
   * CRC and size, which the jar's directory holds, so a start does not read the archive to find them.
   */
  static Path binaries(Path cacheDir) throws IOException {
    String os = WINDOWS ? "windows" : System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin"
        : System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
    String name = "postgres-" + os + "-" + arch + ".txz";
    URL archive = PostgresServer.class.getResource("/" + name);
    if (archive == null) {
      throw new IOException("No PostgreSQL binaries are bundled for " + os + "/" + arch + " (" + name + ")");
    }
    Path dir = cacheDir.resolve("pg-" + fingerprint(archive));
    if (Files.exists(dir.resolve(".unpacked"))) {
      return dir;
    }
    Files.createDirectories(cacheDir);
    // Two first starts at once (two DATA_DIRs) unpack one after the other; the second finds the first's.
    try (FileChannel channel = FileChannel.open(cacheDir.resolve("unpack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      if (Files.exists(dir.resolve(".unpacked"))) {
        return dir;
      }
      log.info("Unpacking PostgreSQL into {}", dir);
      Path temp = cacheDir.resolve(dir.getFileName() + ".unpacking");
      deleteTree(temp);
      try (InputStream in = archive.openStream()) {
        unpack(in, temp);
      }
      Files.createFile(temp.resolve(".unpacked"));
      deleteTree(dir);
      Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
    }
    return dir;
  }

  private static String fingerprint(URL archive) throws IOException {
    URLConnection connection = archive.openConnection();
    if (connection instanceof JarURLConnection jar) {
      connection.setUseCaches(true); // the class loader's open JarFile, not a second one
      return Long.toHexString(jar.getJarEntry().getCrc()) + "-" + jar.getJarEntry().getSize();
    }
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    long size = 0;
    try (InputStream in = connection.getInputStream()) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; size += n) {
        crc.update(buffer, 0, n);
      }
    }
    return Long.toHexString(crc.getValue()) + "-" + size;
  }

  private static void unpack(InputStream archive, Path target) throws IOException {
    Files.createDirectories(target);
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive, 1 << 16)))) {
      for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(file.getParent());
          Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createDirectories(file.getParent());
          Files.createLink(file, target.resolve(entry.getLinkName()).normalize());
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(tar, file);
          if ((entry.getMode() & 0100) != 0 || entry.getName().replaceFirst("^\\./", "").startsWith("bin/")) {
            file.toFile().setExecutable(true, true);
          }
        }
      }
    }
  }

  /** Makes a new cluster in {@code pgData} (empty or absent) whose superuser signs in with the password in {@code pwFile}. */
  static void initdb(Path bin, Path pgData, Path pwFile, Path logFile) throws IOException {
    List<String> command = command(bin, "initdb");
    command.addAll(List.of("-A", "scram-sha-256", "-U", "postgres", "--pwfile=" + pwFile, "-E", "UTF-8", "-D", pgData.toString()));
    run(command, logFile, "initdb");
  }

  /** Runs one statement in single-user mode: no postmaster, no connections, so nothing can sign in meanwhile. */
  static void singleUser(Path bin, Path pgData, String statement, Path logFile) throws IOException {
    List<String> command = command(bin, "postgres");
    command.addAll(List.of("--single", "-D", pgData.toString(), "postgres"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write((statement + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    await(process, logFile, "postgres --single");
    // A failed statement does not change its exit status; its message is in the output.
    if (Files.readAllLines(logFile).stream().anyMatch(l -> l.contains("ERROR:") || l.contains("FATAL:"))) {
      throw new IOException("postgres --single failed: " + tail(logFile));
    }
  }

  /**
   * Starts the postmaster on a free loopback port and returns once it accepts connections. The settings given
   * win over postgresql.conf; its output goes to {@code logFile}, which a failed start quotes.
   */
  static PostgresServer start(Path bin, Path pgData, List<String> settings, Path logFile, StartTimes times) throws IOException {
    int port = freePort();
    List<String> command = command(bin, "postgres");
    command.addAll(List.of("-D", pgData.toString(), "-p", Integer.toString(port)));
    for (String setting : settings) {
      command.add("-c");
      command.add(setting);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    times.mark("PostgreSQL spawned");
    PostgresServer server = new PostgresServer(bin, pgData, process, port);
    try {
      server.awaitReady(logFile);
      times.mark("PostgreSQL ready");
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    return server;
  }

  private void awaitReady(Path logFile) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
    String pid = Long.toString(process.pid());
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("PostgreSQL stopped while starting (exit " + process.exitValue() + "): " + tail(logFile));
      }
      try {
        List<String> lines = Files.readAllLines(pidFile);
        // Written in steps by the server: its first line must be this process, its status line "ready".
        if (lines.size() >= 8 && lines.get(0).trim().equals(pid) && lines.get(7).trim().equals(READY)) {
          return;
        }
      } catch (IOException e) {
        // not written yet
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("Interrupted while PostgreSQL was starting");
      }
    }
    throw new IOException("PostgreSQL did not become ready within " + STARTUP_WAIT.toSeconds() + " s: " + tail(logFile));
  }

  /** A fast shutdown (sessions ended, a checkpoint written), as zonky did it; forcibly if that fails. */
  @Override
  public void close() throws IOException {
    if (!process.isAlive()) {
      return;
    }
    List<String> command = command(bin, "pg_ctl");
    command.addAll(List.of("-D", pgData.toString(), "stop", "-m", "fast", "-t", "20", "-w"));
    try {
      run(command, null, "pg_ctl stop");
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      log.warn("PostgreSQL did not stop cleanly, stopping it forcibly: {}", e.getMessage());
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static List<String> command(Path bin, String program) {
    List<String> command = new ArrayList<>();
    if (ROOT) {
      command.addAll(List.of("unshare", "-U"));
    }
    command.add(bin.resolve("bin").resolve(program + (WINDOWS ? ".exe" : "")).toString());
    return command;
  }

  private static void run(List<String> command, Path logFile, String what) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(logFile != null ? ProcessBuilder.Redirect.to(logFile.toFile()) : ProcessBuilder.Redirect.DISCARD);
    await(builder.start(), logFile, what);
  }

  private static void await(Process process, Path logFile, String what) throws IOException {
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(what + " did not finish within 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new InterruptedIOException(what + " was interrupted");
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " failed (exit " + process.exitValue() + ")" + (logFile != null ? ": " + tail(logFile) : ""));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The last lines of a log, for an error message. */
  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
