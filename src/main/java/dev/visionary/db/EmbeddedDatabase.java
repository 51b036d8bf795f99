package dev.visionary.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import dev.visionary.config.StartTimes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 run by Visionary itself, with its data kept under DATA_DIR so a laptop install
 * needs nothing else, with durability on (fsync, synchronous commit, full-page writes) whatever its config says.
 *
 * <p>Locked down for a shared machine: it listens on 127.0.0.1 only, its socket sits in DATA_DIR (0700),
 * and every connection signs in with a SCRAM password generated on first start and kept in
 * {@code DATA_DIR/pg-password} (0600), which initdb is given so the cluster asks for it from the start. A data
 * directory made by a release before passwords gets one on its next start.
 */
final class EmbeddedDatabase {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private static final SecureRandom RANDOM = new SecureRandom();

  private EmbeddedDatabase() {}

  /** A running embedded server, how the app reaches it, and the lock that makes this process its only owner. */
  record Running(PostgresServer server, String jdbcUrl, String password, DataDirectoryLock lock) {
    @Override
    public String toString() {
      return "Running[" + jdbcUrl + "]"; // never the password
    }
  }

  /** The superuser password, random per data directory; only the DATA_DIR owner can read it. */
  static final String PASSWORD_FILE = "pg-password";
  private static final String SETTINGS_FILE = "visionary.conf";
  /** The server's output (and initdb's) from the latest start, quoted when a start fails. */
  private static final String LOG_FILE = "postgres.log";
  /** The longest path a Unix socket may have (sun_path holds 108 bytes with the terminating NUL). */
  private static final int MAX_SOCKET_PATH = 107;

  /** Starts on {@code dataDir}; a new one is copied from {@code template} when given, else made by initdb. */
  static Running start(Path dataDir, Optional<DataTemplate> template) throws IOException {
    return start(dataDir, () -> template, StartTimes.sinceNow());
  }

  /**
   * Starts on {@code dataDir}, a new one copied from the build's template beside the jar when there is a usable one,
   * marking each step in {@code times}. The template is looked for only then: checking it hashes every migration.
   */
  static Running start(Path dataDir, StartTimes times) throws IOException {
    return start(dataDir, DataTemplate::besideJar, times);
  }

  private static Running start(Path dataDir, Supplier<Optional<DataTemplate>> templates, StartTimes times) throws IOException {
    Files.createDirectories(dataDir);
    ownerOnly(dataDir);
    // Before anything looks at PostgreSQL's own files: whatever runs there now belongs to the lock's holder.
    DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
    times.mark("data directory locked");
    try {
      return start(dataDir, templates, lock, times);
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  private static Running start(Path dataDir, Supplier<Optional<DataTemplate>> templates, DataDirectoryLock lock,
      StartTimes times) throws IOException {
    Path pgData = dataDir.resolve("pgdata");
    Files.createDirectories(pgData);
    Path socketDir = dataDir.resolve("run");
    Files.createDirectories(socketDir);
    ownerOnly(socketDir);
    boolean existing = Files.exists(pgData.resolve("PG_VERSION"));
    boolean initdb = !Files.exists(pgData.resolve("postgresql.conf"));
    Optional<DataTemplate> template = initdb ? templates.get() : Optional.empty();
    Path passwordFile = dataDir.resolve(PASSWORD_FILE);
    if (initdb && !Files.exists(passwordFile)) {
      writePassword(passwordFile, newPassword());
    }
    // A data directory from a release before passwords (trust for everyone): its role has no password yet.
    boolean upgrade = !Files.exists(passwordFile);
    String password = upgrade ? null : Files.readString(passwordFile).trim();
    clearStalePostmaster(pgData);
    log.info("Starting embedded PostgreSQL ({} data directory {})", existing ? "existing" : initdb && template.isPresent() ? "new, from the build's template" : "new", pgData);
    Path bin = PostgresServer.binaries(binariesDirectory(dataDir));
    times.mark("binaries found");
    Path logFile = dataDir.resolve(LOG_FILE);
    if (initdb && template.isPresent()) {
      template.get().copyTo(bin, pgData, password, logFile, times);
    } else if (initdb) {
      // Scram from the first moment: the new cluster never trusts anyone, even before our pg_hba.conf.
      PostgresServer.initdb(bin, pgData, passwordFile, logFile);
      times.mark("initdb");
    }
    configure(pgData, socketDir, upgrade);
    times.mark("configured");
    // Durability on whatever postgresql.conf says; command-line settings win over it.
    PostgresServer server = PostgresServer.start(bin, pgData,
        List.of("fsync=on", "synchronous_commit=on", "full_page_writes=on"), logFile, times);
    String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
    if (upgrade) {
      try {
        password = lockDown(jdbcUrl, pgData, passwordFile);
      } catch (IOException | RuntimeException e) {
        server.close();
        throw e;
      }
    }
    return new Running(server, jdbcUrl, password, lock);
  }

  /**
   * Settings written before every start, so a data directory from any earlier release gets them: TCP on the
   * loopback address only, the Unix socket in a directory only DATA_DIR's owner can enter, and who may sign in.
   */
  private static void configure(Path pgData, Path socketDir, boolean upgrade) {
    try {
      Path conf = pgData.resolve("postgresql.conf");
      String include = "include_if_exists = '" + SETTINGS_FILE + "'";
      if (Files.readAllLines(conf).stream().noneMatch(include::equals)) {
        Files.writeString(conf, "\n" + include + "\n", StandardOpenOption.APPEND);
      }
      String socketDirs = socketDir.toString();
      if (socketDirs.length() + "/.s.PGSQL.65535".length() > MAX_SOCKET_PATH) {
        log.warn("DATA_DIR is too long a path for PostgreSQL's Unix socket; it listens on 127.0.0.1 only");
        socketDirs = "";
      }
      Files.writeString(pgData.resolve(SETTINGS_FILE), String.join("\n",
          "# Written by Visionary on every start.",
          "listen_addresses = '127.0.0.1'",
          "unix_socket_directories = " + quoted(socketDirs),
          "unix_socket_permissions = 0700",
          "password_encryption = 'scram-sha-256'",
          ""));
      writeHba(pgData, upgrade ? "trust" : "scram-sha-256");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not configure the embedded database in " + pgData, e);
    }
  }

  /**
   * Once, for a data directory made before passwords: sets a random password (sent as a SCRAM verifier, so
   * the password itself never travels or lands in a server log), keeps it in DATA_DIR and stops trusting.
   * The server was started trusting only loopback and the private socket, as that release already did.
   */
  private static String lockDown(String jdbcUrl, Path pgData, Path passwordFile) throws IOException {
    String password = newPassword();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", null); Statement s = c.createStatement()) {
      s.execute(ScramPassword.alterSuperuser(password));
      // Written only once the role has it: a crash before this leaves a directory that upgrades again.
      writePassword(passwordFile, password);
      writeHba(pgData, "scram-sha-256");
      s.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IOException("Could not set the embedded database's password: " + e.getMessage(), e);
    }
    log.info("Embedded PostgreSQL now asks for a password (kept in {})", passwordFile);
    return password;
  }

  private static void writeHba(Path pgData, String method) throws IOException {
    Files.writeString(pgData.resolve("pg_hba.conf"), String.join("\n",
        "# Written by Visionary on every start: the socket in DATA_DIR and loopback TCP, nothing else.",
        "local all all " + method,
        "host all all 127.0.0.1/32 " + method,
        ""));
  }

  private static String quoted(String setting) {
    return "'" + setting.replace("'", "''") + "'";
  }

  private static String newPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Written to a file created 0600 and moved into place, so it is never readable by others, even briefly. */
  private static void writePassword(Path file, String password) throws IOException {
    Path temp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(temp);
    if (posix(file)) {
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, password + "\n");
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Where the PostgreSQL binaries are unpacked: not zonky's default, the shared and world-writable
   * java.io.tmpdir/embedded-pg, where another local account could put its own binaries before ours; but a
   * directory of this account's own, {@code ~/.cache/visionary/postgres} (0700), shared by every DATA_DIR so
   * that a new one does not unpack them again (that doubled a cold start). If that directory cannot be made
   * ours, they go under DATA_DIR.
   */
  static Path binariesDirectory(Path dataDir) {
    Path shared = Path.of(System.getProperty("user.home"), ".cache", "visionary", "postgres");
    try {
      Files.createDirectories(shared);
      ownerOnly(shared.getParent());
      ownerOnly(shared);
      if (!posix(shared) || Files.getOwner(shared).equals(Files.getOwner(dataDir))) {
        return shared;
      }
    } catch (IOException | UnsupportedOperationException e) {
      log.debug("Unpacking PostgreSQL under DATA_DIR: {} is not usable ({})", shared, e.toString());
    }
    return dataDir.resolve("pgbin");
  }

  private static void ownerOnly(Path dir) throws IOException {
    if (posix(dir)) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /**
   * A JVM killed with -9 leaves its postmaster running (or just its pid file), and the next
   * start would fail with "lock file postmaster.pid already exists". Stop that server first: called only
   * with the data directory's lock held, so no live Visionary owns it.
   */
  static void clearStalePostmaster(Path pgData) throws IOException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parsePid(lines.get(0)).flatMap(ProcessHandle::of);
    if (process.isPresent() && process.get().isAlive() && isPostgres(process.get())) {
      log.warn("Stopping PostgreSQL left running by an earlier process (pid {})", process.get().pid());
      process.get().destroy(); // SIGTERM: "smart" shutdown, lets it write a checkpoint
      waitForExit(process.get(), Duration.ofSeconds(20));
      if (process.get().isAlive()) {
        process.get().destroyForcibly();
        waitForExit(process.get(), Duration.ofSeconds(5));
      }
    }
    Files.deleteIfExists(pidFile);
  }

  private static Optional<Long> parsePid(String line) {
    try {
      return Optional.of(Long.parseLong(line.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  private static void waitForExit(ProcessHandle process, Duration timeout) {
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      // still alive after the timeout: the caller escalates
    }
  }
}
