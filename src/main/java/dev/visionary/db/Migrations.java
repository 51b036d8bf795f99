package dev.visionary.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to the jar's migrations. A database already at them (every start but the first after
 * an upgrade) is recognised by one query of Flyway's history, compared with the checksums of the jar's files,
 * so Flyway's scan, parse and validation of every migration is skipped; anything else (a new or failed
 * migration, an edited file, no history yet, a checksum this class computes differently) runs Flyway as before.
 */
final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  static final String LOCATION = "db/migration";
  private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__.+\\.sql");

  private Migrations() {}

  static void migrate(DataSource ds) {
    if (current(ds)) {
      log.info("Schema up to date: its history holds the jar's migrations with the same checksums; Flyway not run");
      return;
    }
    run(ds, LOCATION);
  }

  /** Runs Flyway with the migrations in {@code location} (a classpath folder). */
  static void run(DataSource ds, String location) {
    Flyway.configure()
        .dataSource(withoutNetworkTimeout(ds))
        .locations("classpath:" + location)
        .load()
        .migrate();
  }

  /**
   * The pool's connections give up on a server that stays silent for two minutes, but a migration that rewrites a
   * large table (V25 at a million prompts) is silent for longer; cut off, it rolls back and the upgrade can never
   * finish. Flyway's connections wait as long as the migration takes (the pool restores the timeout on return).
   */
  private static DataSource withoutNetworkTimeout(DataSource ds) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
      Object result;
      try {
        result = method.invoke(ds, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (result instanceof Connection c) {
        c.setNetworkTimeout(Runnable::run, 0);
      }
      return result;
    });
  }

  /** True when the history holds exactly the jar's migrations, each succeeded with the same checksum. */
  static boolean current(DataSource ds) {
    Map<String, Integer> bundled;
    try {
      bundled = bundled();
    } catch (IOException | RuntimeException e) {
      return false;
    }
    if (bundled.isEmpty()) {
      return false;
    }
    Map<String, Integer> applied = new HashMap<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select version, checksum, success, type from flyway_schema_history")) {
      while (rs.next()) {
        Object checksum = rs.getObject(2);
        if (!rs.getBoolean(3) || !"SQL".equals(rs.getString(4)) || rs.getString(1) == null || checksum == null) {
          return false;
        }
        applied.put(rs.getString(1), ((Number) checksum).intValue());
      }
    } catch (SQLException e) {
      return false; // no history table yet, or one this code does not understand: Flyway decides
    }
    return applied.equals(bundled);
  }

  /** The jar's versioned migrations: Flyway's version string to the checksum Flyway records for the file. */
  static Map<String, Integer> bundled() throws IOException {
    Map<String, Integer> out = new HashMap<>();
    for (String name : names()) {
      Matcher m = VERSIONED.matcher(name);
      if (!m.matches()) {
        continue;
      }
      try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(LOCATION + "/" + name)) {
        if (in == null) {
          throw new IOException("Missing " + name);
        }
        out.put(m.group(1).replace('_', '.'), checksum(in));
      }
    }
    return out;
  }

  /**
   * Flyway's checksum of a migration: CRC-32 of its lines' UTF-8 bytes without line endings, a byte order mark
   * dropped (flyway-core's ChecksumCalculator); a mismatch only costs a run of Flyway.
   */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
    String line = reader.readLine();
    if (line != null && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    for (; line != null; line = reader.readLine()) {
      crc.update(line.getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  /** File names in the migrations folder, from the jar or, in tests, the classes directory. */
  private static List<String> names() throws IOException {
    URL url = Migrations.class.getClassLoader().getResource(LOCATION);
    if (url == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    if (url.getProtocol().equals("jar")) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        String prefix = LOCATION + "/";
        jar.stream().map(e -> e.getName())
            .filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0 && n.length() > prefix.length())
            .forEach(n -> names.add(n.substring(prefix.length())));
      }
    } else if (url.getProtocol().equals("file")) {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    return names;
  }
}
