package dev.visionary.bench;

import dev.visionary.App;
import dev.visionary.library.SearchPlans;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Latency and throughput of the library pages for a signed-in person with many prompts, in process, against
 * an embedded PostgreSQL. A measurement to run by hand, not a test:
 *
 * <pre>
 * ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.visionary.bench.LibraryTiming [prompts] [explain]
 * </pre>
 *
 * One person gets the prompts (with tags and collections); "sunset" is in about a quarter of them, "lantern"
 * in about one in 500, "sunest" is a misspelling. With {@code explain} it also prints the plans of the
 * statements one library page runs (the
 * session lookup, the tag counts, the bounded count, and the page statement for several searches).
 */
public final class LibraryTiming {
  private static final List<String> PATHS = List.of(
      "/health", "/library", "/library?q=lantern", "/library?q=sunset", "/library?q=sunset&sort=title", "/library?q=sunest",
      "/library?page=3", "/library?tag=tag7");

  private LibraryTiming() {}

  public static void main(String[] args) throws Exception {
    int prompts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    boolean explain = args.length > 1 && args[1].equals("explain");
    App app = TestServer.startApp(Map.of("LOG_LEVEL", "warn"));
    try {
      String base = "http://localhost:" + app.port();
      Http http = new Http(base);
      String name = Accounts.signedIn(http, "bench");
      String cookie = "visionary_session=" + Accounts.sessionCookie(http);
      long owner;
      try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        try (var find = c.prepareStatement("select id from users where username = ?")) {
          find.setString(1, name);
          ResultSet rs = find.executeQuery();
          rs.next();
          owner = rs.getLong(1);
        }
        seed(s, owner, prompts);
        if (explain) {
          explain(s, owner);
          for (String[] search : new String[][] {{"", ""}, {"lantern", ""}, {"sunset", ""}, {"", "tag7"}}) {
            System.out.println("== library search q=\"" + search[0] + "\" tag=\"" + search[1] + "\"");
            System.out.println(SearchPlans.explain(app.database().jdbi(), owner, search[0], search[1]));
          }
        }
      }
      HttpClient client = HttpClient.newHttpClient();
      for (String path : PATHS) {
        sequential(client, base, path, cookie, 300);
      }
      System.out.printf("%ncores %d, Java %s, %,d prompts; latency of one client at a time (ms)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), prompts);
      for (String path : PATHS) {
        long[] nanos = sequential(client, base, path, cookie, 400);
        System.out.printf("%-22s p50 %6.2f  p95 %6.2f  p99 %6.2f%n", path, ms(nanos, 0.5), ms(nanos, 0.95), ms(nanos, 0.99));
      }
      System.out.println("throughput, 8 clients, 5 s each");
      double health = 0;
      for (String path : List.of("/health", "/library", "/library?q=lantern")) {
        double perSecond = throughput(base, path, cookie, 8, 5_000);
        if (path.equals("/health")) {
          health = perSecond;
        }
        System.out.printf("%-22s %8.0f req/s  (%.0f%% of /health)%n", path, perSecond, 100 * perSecond / health);
      }
    } finally {
      app.close();
      System.exit(0);
    }
  }

  /** Prompts built from a small vocabulary, two tags each out of 40, and five collections of 200 prompts. */
  private static void seed(Statement s, long owner, int prompts) throws Exception {
    long started = System.nanoTime();
    s.execute("insert into prompts (id, owner_id, title, slug, text, target, visibility, created_at, updated_at)"
        + " select 'bench' || g || 'o" + owner + "', " + owner + ","
        + " (array['Misty','Golden','Quiet','Neon','Ancient','Frozen'])[1 + g % 6] || ' ' || (array['harbour','forest','city','temple','valley'])[1 + g % 5] || ' ' || g,"
        + " 'prompt-' || g,"
        + " 'A ' || (array['sunset','dawn','storm','night'])[1 + g % 4] || ' over the ' || (array['harbour','forest','city','temple','valley'])[1 + g % 5]"
        + " || case when g % 500 = 0 then ' with a paper lantern' else '' end"
        + " || ', ' || (array['watercolor','oil painting','photograph','ink drawing','3d render','pencil sketch'])[1 + g % 6]"
        + " || ', ' || (array['soft light','hard shadows','volumetric fog','rim light','backlit','overcast'])[1 + g % 7 % 6]"
        + " || ', highly detailed, ' || (array['wide angle','close-up','aerial view','portrait framing'])[1 + g % 11 % 4],"
        + " (array['generic','sdxl','midjourney','flux'])[1 + g % 4], 'private',"
        + " now() - g * interval '1 minute', now() - g * interval '1 minute'"
        + " from generate_series(1, " + prompts + ") g");
    s.execute("insert into tags (owner_id, name) select " + owner + ", 'tag' || g from generate_series(0, 39) g");
    // The per-row trigger that keeps tag_text would rewrite each prompt once per tag; one update does it for all.
    s.execute("alter table prompt_tags disable trigger prompt_tags_text");
    s.execute("insert into prompt_tags (prompt_id, tag_id) select p.id, t.id from prompts p join tags t on t.owner_id = p.owner_id"
        + " and t.name in ('tag' || (hashtext(p.id) & 1023) % 40, 'tag' || (hashtext(p.id) & 1023) % 37) where p.owner_id = " + owner);
    s.execute("alter table prompt_tags enable trigger prompt_tags_text");
    s.execute("update prompts p set tag_text = (select string_agg(t.name::text, ' ' order by t.name) from prompt_tags pt"
        + " join tags t on t.id = pt.tag_id where pt.prompt_id = p.id) where p.owner_id = " + owner);
    s.execute("insert into collections (id, owner_id, name, slug) select 'benchc' || g || 'o" + owner + "', " + owner
        + ", 'Collection ' || g, 'collection-' || g from generate_series(1, 5) g");
    s.execute("insert into collection_items (collection_id, prompt_id, position) select 'benchc' || (1 + n % 5) || 'o" + owner + "', p.id, n"
        + " from (select id, row_number() over (order by id) as n from prompts where owner_id = " + owner + ") p where n <= 1000");
    s.execute("vacuum analyze");
    System.out.printf("seeded %,d prompts in %.1f s%n", prompts, (System.nanoTime() - started) / 1e9);
  }

  /** The plans of what one library page runs, with the seeded person's id in place of the parameters. */
  private static void explain(Statement s, long owner) throws Exception {
    List<String> statements = List.of(
        "select t.name::text as name, count(p.id) as n from tags t join prompt_tags pt on pt.tag_id = t.id"
            + " join prompts p on p.id = pt.prompt_id and p.deleted_at is null where t.owner_id = " + owner
            + " group by t.id, t.name order by count(p.id) desc, lower(t.name) limit 200",
        "select count(*) from (select 1 from prompts p where p.deleted_at is null and p.owner_id = " + owner + " limit 1001) c");
    for (String sql : statements) {
      System.out.println("== " + sql);
      ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql);
      while (rs.next()) {
        System.out.println(rs.getString(1));
      }
    }
  }

  private static long[] sequential(HttpClient client, String base, String path, String cookie, int count) throws Exception {
    long[] nanos = new long[count];
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      nanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double throughput(String base, String path, String cookie, int clients, long millis) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Integer>> done = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      done.add(pool.submit(() -> {
        int n = 0;
        while (!stop.get()) {
          client.send(request, HttpResponse.BodyHandlers.discarding());
          n++;
        }
        return n;
      }));
    }
    Thread.sleep(millis);
    stop.set(true);
    int total = 0;
    for (Future<Integer> f : done) {
      total += f.get();
    }
    pool.shutdown();
    return total * 1000.0 / millis;
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
  }
}
