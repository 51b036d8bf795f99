package dev.visionary.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Visionary reads from the environment, parsed and checked once at start-up, each value typed and
 * grouped by what it is for. No other class reads the environment. An invalid value stops start-up with one
 * line naming the variable.
 *
 * @param port      PORT: the HTTP port
 * @param storage   where the data lives
 * @param web       who may see what at the edge
 * @param limits    how much one person or address may do
 * @param jobs      the image job runner
 * @param images    how long remote image engines are waited for
 * @param providers the language-model and image provider variables
 * @param local     looking for language-model servers on this computer
 * @param passwords what one password hash costs; not read from the environment
 */
public record Config(int port, Storage storage, Web web, Limits limits, Jobs jobs, ImageProviders images, Providers providers,
    Expansion expansion, LocalModels local, PasswordHashing passwords) {

  /**
   * @param database DATABASE_URL: a PostgreSQL server; empty runs the embedded one
   * @param dataDir  DATA_DIR: where the embedded database lives
   * @param poolSize DB_POOL_SIZE: database connections per instance (by default from the cores, {@link #defaultPoolSize})
   * @param objects  IMAGE_STORE_URL and its keys: S3-compatible storage for images; empty keeps them in PostgreSQL
   */
  public record Storage(Optional<JdbcTarget> database, Path dataDir, int poolSize, Optional<ObjectStorage> objects) {}

  /**
   * An S3-compatible bucket, always addressed path-style (https://endpoint/bucket/key), which AWS S3, Cloudflare R2
   * and MinIO all accept.
   *
   * @param endpoint  scheme, host and port of IMAGE_STORE_URL
   * @param bucket    its first path segment
   * @param prefix    the rest of its path (may be empty), put before every object key
   * @param region    its region query parameter, us-east-1 when absent (R2 takes auto)
   * @param accessKey IMAGE_STORE_ACCESS_KEY
   * @param secretKey IMAGE_STORE_SECRET_KEY
   */
  public record ObjectStorage(URI endpoint, String bucket, String prefix, String region, String accessKey, String secretKey) {
    @Override
    public String toString() {
      return "ObjectStorage[" + endpoint + "/" + bucket + "/" + prefix + ", region " + region + "]"; // the keys stay out of logs
    }
  }

  /**
   * @param trustedProxies TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed (parsed by web.TrustedProxies)
   * @param metricsToken   METRICS_TOKEN: when set, /metrics answers only this bearer token
   */
  public record Web(Optional<String> trustedProxies, Optional<String> metricsToken) {}

  /**
   * @param expandPerMinute   EXPAND_PER_MINUTE: expansions per person per minute
   * @param generatePerMinute GENERATE_PER_MINUTE: image jobs per person per minute
   * @param loginsPerAddress  LOGIN_LIMIT_PER_ADDRESS: sign-in attempts per address per 15 minutes
   * @param signupsPerAddress SIGNUP_LIMIT_PER_ADDRESS: sign-ups per address per hour
   * @param promptsPerImport  IMPORT_MAX_PROMPTS: prompts one import may hold
   * @param promptsPerPerson  MAX_PROMPTS_PER_USER: prompts one person may keep, trash included
   */
  public record Limits(int expandPerMinute, int generatePerMinute, int loginsPerAddress, int signupsPerAddress,
      int promptsPerImport, int promptsPerPerson) {}

  /**
   * @param threads   JOB_THREADS: job threads per instance
   * @param retryBase JOB_RETRY_BASE_MS: first retry delay of a job (doubles each attempt)
   * @param heartbeat JOB_HEARTBEAT_MS: how often a running job says it is alive
   */
  public record Jobs(int threads, Duration retryBase, Duration heartbeat) {}

  /**
   * @param concurrency       IMAGE_ENGINE_CONCURRENCY: concurrent calls per remote image engine
   * @param requestTimeout    IMAGE_PROVIDER_TIMEOUT_MS: one short call to an image server
   * @param generationTimeout IMAGE_PROVIDER_GENERATION_TIMEOUT_MS: one whole generation
   * @param pollInterval      IMAGE_PROVIDER_POLL_MS: the pause between progress polls
   */
  public record ImageProviders(int concurrency, Duration requestTimeout, Duration generationTimeout, Duration pollInterval) {}

  /**
   * Argon2id's cost for each password hashed. Always {@link #OWASP} when read from the environment: no variable can
   * weaken it. Only the fast tests use a cheaper one ({@link #withPasswordHashing}), as they make hundreds of
   * accounts and each cost about 100 ms of CPU.
   *
   * @param memoryKib memory per hash, in KiB
   * @param passes    passes over that memory
   */
  public record PasswordHashing(int memoryKib, int passes) {
    /** OWASP's recommended minimum for Argon2id: 19 MiB, 2 passes. */
    public static final PasswordHashing OWASP = new PasswordHashing(19 * 1024, 2);
  }

  /** This configuration with another password hashing cost; for tests only (see {@link PasswordHashing}). */
  public Config withPasswordHashing(PasswordHashing cost) {
    return new Config(port, storage, web, limits, jobs, images, providers, expansion, local, cost);
  }

  /** @param deadline EXPAND_DEADLINE_MS: the longest a whole expansion may take, every call and wait included */
  public record Expansion(Duration deadline) {}

  /**
   * @param discovery LOCAL_MODEL_DISCOVERY: {@code on} (default) offers an Ollama or LM Studio found at the addresses below
   *                  without configuration; {@code off} never looks
   * @param ollama    LOCAL_OLLAMA_URL: where to look for Ollama
   * @param lmStudio  LOCAL_LMSTUDIO_URL: where to look for LM Studio
   */
  public record LocalModels(boolean discovery, URI ollama, URI lmStudio) {}

  /**
   * The provider variables ({@link #PROVIDER_VARIABLES}) as set, blank ones left out. Which of them turn which
   * engine on, and what their URLs must look like, is the provider layer's to say: it checks them when the app
   * is built, before it listens, with the same one-line message naming the variable.
   */
  public record Providers(Map<String, String> variables) {}

  /** Every language-model and image provider variable; see README's configuration table. */
  public static final List<String> PROVIDER_VARIABLES = List.of(
      "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_CHAT_MODEL", "OPENAI_IMAGE_MODEL",
      "OLLAMA_URL", "OLLAMA_MODEL",
      "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL",
      "A1111_URL", "A1111_AUTH",
      "COMFYUI_URL", "COMFYUI_WORKFLOW",
      "RUNWAY_API_KEY", "RUNWAY_BASE_URL");

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
    return new Config(parsePort(env.get("PORT")), storage(env), web(env), limits(env), jobs(env), images(env), providers(env),
        new Expansion(millis(env, "EXPAND_DEADLINE_MS", 120_000, 100, 3_600_000)), local(env), PasswordHashing.OWASP);
  }

  private static LocalModels local(Map<String, String> env) {
    String discovery = text(env, "LOCAL_MODEL_DISCOVERY").map(String::strip).orElse("on");
    if (!discovery.equals("on") && !discovery.equals("off")) {
      throw new Invalid("LOCAL_MODEL_DISCOVERY must be on or off, got \"" + discovery + "\"");
    }
    return new LocalModels(discovery.equals("on"), httpUrl(env, "LOCAL_OLLAMA_URL", "http://127.0.0.1:11434"),
        httpUrl(env, "LOCAL_LMSTUDIO_URL", "http://127.0.0.1:1234"));
  }

  private static URI httpUrl(Map<String, String> env, String name, String fallback) {
    String raw = text(env, name).map(String::strip).orElse(fallback).replaceAll("/+$", "");
    try {
      URI uri = new URI(raw);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new Invalid(name + " must be an http:// or https:// URL, got \"" + raw + "\"");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new Invalid(name + " is not a valid URL: \"" + raw + "\"");
    }
  }

  private static Storage storage(Map<String, String> env) {
    Optional<JdbcTarget> db = text(env, "DATABASE_URL").map(Config::parseDatabaseUrl);
    Path dir = text(env, "DATA_DIR").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home"), ".visionary"));
    return new Storage(db, dir.toAbsolutePath(), number(env, "DB_POOL_SIZE", defaultPoolSize(Runtime.getRuntime().availableProcessors()), 1, 200),
        objectStorage(env));
  }

  /**
   * Three connections per core and one more, from 4 to 10. Each connection is a PostgreSQL process that works
   * when a request does, so more connections than the cores can keep busy only take turns at them: on two cores
   * shared with the embedded database, ten connections left one request in a hundred of a prompt's page waiting
   * 55–80 ms for its statement, seven 22–29 ms, at the same requests per second (32 connections of wrk); five cut
   * it further but served about a tenth fewer. Requests beyond the pool wait their turn in order (see WhenReady).
   */
  static int defaultPoolSize(int cores) {
    return Math.max(4, Math.min(10, 3 * cores + 1));
  }

  private static Optional<ObjectStorage> objectStorage(Map<String, String> env) {
    Optional<String> url = text(env, "IMAGE_STORE_URL").map(String::strip);
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String access = text(env, "IMAGE_STORE_ACCESS_KEY").map(String::strip)
        .orElseThrow(() -> new Invalid("IMAGE_STORE_URL is set, so IMAGE_STORE_ACCESS_KEY must be too"));
    String secret = text(env, "IMAGE_STORE_SECRET_KEY").map(String::strip)
        .orElseThrow(() -> new Invalid("IMAGE_STORE_URL is set, so IMAGE_STORE_SECRET_KEY must be too"));
    String form = "IMAGE_STORE_URL must look like https://host[:port]/bucket[/prefix][?region=name], got \"" + url.get() + "\"";
    URI uri;
    try {
      uri = new URI(url.get());
    } catch (URISyntaxException e) {
      throw new Invalid(form);
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || uri.getRawPath() == null) {
      throw new Invalid(form);
    }
    String[] path = uri.getRawPath().replaceAll("^/+|/+$", "").split("/", 2);
    if (path[0].isEmpty() || !path[0].matches("[a-z0-9][a-z0-9.-]{1,62}")) {
      throw new Invalid(form);
    }
    String region = "us-east-1";
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        if (kv.length == 2 && kv[0].equals("region") && kv[1].matches("[a-z0-9-]{1,40}")) {
          region = kv[1];
        } else {
          throw new Invalid(form);
        }
      }
    }
    URI endpoint = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    return Optional.of(new ObjectStorage(endpoint, path[0], path.length > 1 ? path[1] : "", region, access, secret));
  }

  private static Web web(Map<String, String> env) {
    return new Web(text(env, "TRUSTED_PROXIES"), text(env, "METRICS_TOKEN").map(String::trim));
  }

  private static Limits limits(Map<String, String> env) {
    return new Limits(number(env, "EXPAND_PER_MINUTE", 30, 1, 10_000_000), number(env, "GENERATE_PER_MINUTE", 10, 1, 10_000_000),
        number(env, "LOGIN_LIMIT_PER_ADDRESS", 50, 1, 1_000_000), number(env, "SIGNUP_LIMIT_PER_ADDRESS", 20, 1, 1_000_000),
        number(env, "IMPORT_MAX_PROMPTS", 5_000, 1, 1_000_000), number(env, "MAX_PROMPTS_PER_USER", 50_000, 1, 100_000_000));
  }

  private static Jobs jobs(Map<String, String> env) {
    return new Jobs(number(env, "JOB_THREADS", 4, 1, 64), millis(env, "JOB_RETRY_BASE_MS", 2000, 1, 600_000),
        millis(env, "JOB_HEARTBEAT_MS", 2000, 100, 600_000));
  }

  private static ImageProviders images(Map<String, String> env) {
    return new ImageProviders(number(env, "IMAGE_ENGINE_CONCURRENCY", 2, 1, 64),
        millis(env, "IMAGE_PROVIDER_TIMEOUT_MS", 120_000, 100, 3_600_000),
        millis(env, "IMAGE_PROVIDER_GENERATION_TIMEOUT_MS", 600_000, 100, 7_200_000),
        millis(env, "IMAGE_PROVIDER_POLL_MS", 1000, 10, 60_000));
  }

  private static Providers providers(Map<String, String> env) {
    Map<String, String> set = new LinkedHashMap<>();
    for (String name : PROVIDER_VARIABLES) {
      text(env, name).ifPresent(value -> set.put(name, value));
    }
    return new Providers(Collections.unmodifiableMap(set));
  }

  /** An optional variable, blank treated as unset. */
  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(blankToNull(env.get(name)));
  }

  private static Duration millis(Map<String, String> env, String name, int fallback, int min, int max) {
    return Duration.ofMillis(number(env, name, fallback, min, max));
  }

  private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
    Optional<String> raw = text(env, name);
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
