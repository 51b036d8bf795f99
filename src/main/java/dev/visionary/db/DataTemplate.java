package dev.visionary.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import dev.visionary.config.StartTimes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A new data directory's PostgreSQL cluster made once, at build time, with every migration applied, so a first
 * start copies it instead of running initdb and the migrations (most of a cold start).
 *
 * <p>The build writes it beside the jar ({@code target/visionary-pgdata}, see pom.xml). A copy gets a password of its
 * own before its server ever listens: set in single-user mode, which takes no connections, so the cluster never
 * knows the template's throwaway password when it starts. The template lists the migrations it holds with their
 * SHA-256; one that no longer matches the jar's (a changed migration in a development build) is not used, and a
 * start without a usable template runs initdb as before.
 */
final class DataTemplate {
  private static final Logger log = LoggerFactory.getLogger(DataTemplate.class);
  static final String DIRECTORY = "visionary-pgdata";
  private static final String MIGRATIONS = "migrations.sha256";
  private static final String MIGRATION_LOCATION = "db/migration/";

  private final Path dir;

  private DataTemplate(Path dir) {
    this.dir = dir;
  }

  /** The template beside the jar this class was loaded from, when there is one and it matches the jar's migrations. */
  static Optional<DataTemplate> besideJar() {
    try {
      Path code = jar();
      if (!Files.isRegularFile(code)) {
        return Optional.empty(); // classes in a directory (tests, an IDE): no build made a template for them
      }
      return at(code.resolveSibling(DIRECTORY));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The jar this runs from. {@code java -jar} puts just that jar on the class path, as it was given, relative to
   * the directory the JVM started in. The class's code source is not asked first: loaded from the AOT cache, it
   * names the jar as the build's training run gave it ({@code target/visionary.jar}, relative to the project),
   * which from any other directory names nothing, and every new data directory ran initdb and every migration.
   */
  private static Path jar() throws URISyntaxException {
    String classPath = System.getProperty("java.class.path", "");
    if (!classPath.isEmpty() && !classPath.contains(java.io.File.pathSeparator)) {
      return Path.of(classPath).toAbsolutePath();
    }
    return Path.of(DataTemplate.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  static Optional<DataTemplate> at(Path dir) {
    if (!Files.isRegularFile(dir.resolve(MIGRATIONS)) || !Files.isRegularFile(dir.resolve("pgdata/PG_VERSION"))) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(dir.resolve(MIGRATIONS))) {
        String[] parts = line.split(" ", 2);
        if (parts.length == 2 && !parts[0].equals(sha256(MIGRATION_LOCATION + parts[1]))) {
          log.info("Not using the data template in {}: migration {} changed since it was made", dir, parts[1]);
          return Optional.empty();
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(new DataTemplate(dir));
  }

  /**
   * Copies the template's cluster to {@code pgData} (absent or empty) and gives its superuser {@code password}. Copied beside it and moved into place, so a start interrupted halfway leaves no cluster.
   */
  void copyTo(Path bin, Path pgData, String password, Path logFile, StartTimes times) throws IOException {
    Path temp = pgData.resolveSibling(pgData.getFileName() + ".copying");
    PostgresServer.deleteTree(temp);
    copyTree(dir.resolve("pgdata"), temp);
    times.mark("template copied");
    PostgresServer.singleUser(bin, temp, ScramPassword.alterSuperuser(password), logFile);
    times.mark("password set");
    if (Files.exists(pgData)) {
      Files.delete(pgData); // empty: made by the caller, and a cluster is never copied over one
    }
    Files.move(temp, pgData, StandardCopyOption.ATOMIC_MOVE);
    fsync(pgData.getParent());
  }

  /**
   * Makes a template in {@code target}: a new cluster, migrated, cleanly stopped. The build's
   * {@code java -jar target/visionary.jar data-template target/visionary-pgdata}.
   */
  static void build(Path target, Path cacheDir) throws IOException {
    Path work = Files.createTempDirectory("visionary-template");
    try {
      Path pgData = work.resolve("pgdata");
      Path passwordFile = work.resolve("pw");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random); // thrown away: every copy gets its own password
      String password = HexFormat.of().formatHex(random);
      Files.writeString(passwordFile, password + "\n");
      Path bin = PostgresServer.binaries(cacheDir);
      Path logFile = work.resolve("postgres.log");
      PostgresServer.initdb(bin, pgData, passwordFile, logFile);
      List<String> applied = new ArrayList<>();
      try (PostgresServer server = PostgresServer.start(bin, pgData, List.of("listen_addresses=127.0.0.1", "unix_socket_directories="), logFile,
          StartTimes.sinceNow())) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl("jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres");
        ds.setUser("postgres");
        ds.setPassword(password);
        Flyway flyway = Flyway.configure().dataSource(ds).locations("classpath:" + MIGRATION_LOCATION).load();
        flyway.migrate();
        for (MigrationInfo m : flyway.info().applied()) {
          if (m.getScript() != null && m.getVersion() != null) {
            applied.add(sha256(MIGRATION_LOCATION + m.getScript()) + " " + m.getScript());
          }
        }
      }
      Files.deleteIfExists(pgData.resolve("postmaster.opts"));
      Path staged = target.resolveSibling(target.getFileName() + ".new");
      PostgresServer.deleteTree(staged);
      Files.createDirectories(staged);
      Files.move(pgData, staged.resolve("pgdata"));
      Files.write(staged.resolve(MIGRATIONS), applied);
      PostgresServer.deleteTree(target);
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      System.out.println("data template with " + applied.size() + " migrations in " + target);
    } finally {
      PostgresServer.deleteTree(work);
    }
  }

  private static String sha256(String resource) throws IOException {
    try (InputStream in = DataTemplate.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "missing";
      }
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Copies with owner-only permissions, each file synced: the cluster must survive a crash, as initdb's does.
   * Many files are synced at once because each sync alone waits for its own journal commit: one after the
   * other, the template's thousand files took 2.5 s; 32 at a time, 0.2 s.
   */
  private static void copyTree(Path from, Path to) throws IOException {
    List<Path> dirs = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(from)) {
      paths.forEach(p -> (Files.isDirectory(p) ? dirs : files).add(p));
    }
    boolean posix = from.getFileSystem().supportedFileAttributeViews().contains("posix");
    for (Path d : dirs) {
      Files.createDirectories(to.resolve(from.relativize(d).toString()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<Future<?>> copies = new ArrayList<>();
      for (Path source : files) {
        Path target = to.resolve(from.relativize(source).toString());
        copies.add(pool.submit(() -> {
          if (posix) {
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          }
          try (InputStream in = Files.newInputStream(source);
              FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            in.transferTo(Channels.newOutputStream(out));
            out.force(true);
          }
          return null;
        }));
      }
      for (Future<?> copy : copies) {
        copy.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while copying the data template");
    } finally {
      pool.shutdownNow();
    }
    for (Path d : dirs) {
      Path target = to.resolve(from.relativize(d).toString());
      if (posix) {
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
      }
      fsync(target);
    }
  }

  private static void fsync(Path path) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // some file systems cannot sync a directory; the files themselves were synced
    }
  }
}
