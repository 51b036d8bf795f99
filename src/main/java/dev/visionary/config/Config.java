package dev.visionary.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Visionary reads from the environment, parsed and checked once at start-up.
 * An invalid value stops start-up with one line naming the variable.
 */
public record Config(int port, Optional<JdbcTarget> database, Path dataDir, Map<String, String> env) {

  /** A PostgreSQL server given by DATABASE_URL, in JDBC form with credentials kept apart from the URL. */
  public record JdbcTarget(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      // Never print the password, even by accident in a log line.
      return "JdbcTarget[" + jdbcUrl + ", user=" + user + "]";
    }
  }

  /** Thrown for a configuration a person must fix; the message is meant to be printed as it is. */
  public static final class Invalid extends RuntimeException {
    public Invalid(String message) {
      super(message);
    }
  }

  public static Config fromEnvironment() {
    return from(System.getenv());
  }

  public static Config from(Map<String, String> env) {
    int port = parsePort(env.get("PORT"));
    Optional<JdbcTarget> db = Optional.ofNullable(blankToNull(env.get("DATABASE_URL"))).map(Config::parseDatabaseUrl);
    String dataDir = blankToNull(env.get("DATA_DIR"));
    Path dir = dataDir != null ? Path.of(dataDir) : Path.of(System.getProperty("user.home"), ".visionary");
    return new Config(port, db, dir.toAbsolutePath(), Map.copyOf(env));
  }

  /** An optional variable, blank treated as unset. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(blankToNull(env.get(name)));
  }

  public int getInt(String name, int fallback, int min, int max) {
    Optional<String> raw = get(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw.get().trim());
      if (value < min || value > max) {
        throw new Invalid(name + " must be between " + min + " and " + max + ", got \"" + raw.get() + "\"");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Invalid(name + " must be a whole number, got \"" + raw.get() + "\"");
    }
  }

  static int parsePort(String raw) {
    if (blankToNull(raw) == null) {
      return 7070;
    }
    try {
      int port = Integer.parseInt(raw.trim());
      if (port < 0 || port > 65535) {
        throw new Invalid("PORT must be between 0 and 65535, got \"" + raw + "\"");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new Invalid("PORT must be a number between 0 and 65535, got \"" + raw + "\"");
    }
  }

  /** Accepts Heroku's {@code postgres://user:pass@host:port/db} and plain {@code jdbc:postgresql://…}. */
  static JdbcTarget parseDatabaseUrl(String raw) {
    String url = raw.trim();
    if (url.startsWith("jdbc:postgresql://")) {
      try {
        URI uri = new URI(url.substring("jdbc:".length()));
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
          throw new Invalid("DATABASE_URL must name a host and a database, like jdbc:postgresql://host:5432/visionary");
        }
      } catch (URISyntaxException e) {
        throw new Invalid("DATABASE_URL is not a valid URL: " + e.getReason());
      }
      return new JdbcTarget(url, null, null);
    }
    if (!(url.startsWith("postgres://") || url.startsWith("postgresql://"))) {
      throw new Invalid("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Invalid("DATABASE_URL is not a valid URL: " + e.getReason());
    }
    String host = uri.getHost();
    String path = uri.getRawPath();
    if (host == null || path == null || path.length() < 2) {
      throw new Invalid("DATABASE_URL must name a host and a database, like postgres://user:pass@host:5432/visionary");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new JdbcTarget("jdbc:postgresql://" + host + ":" + port + path + query, user, password);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
