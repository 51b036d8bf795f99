package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.visionary.support.TestServer;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Collections saved before positions were unique may hold ties; the migration numbers them apart in the order people saw. */
class CollectionPositionsMigrationTest {

  @Test
  void tiesFromBeforeAreNumberedApartAndMoveUpStepsOverOnePrompt() throws Exception {
    String name = "positions_" + Long.toString(System.nanoTime(), 36);
    try (Connection c = TestServer.postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("create database " + name);
    }
    String url = TestServer.postgres().getJdbcUrl("postgres", name);
    Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("11").load().migrate();
    Jdbi jdbi = Jdbi.create(url, "postgres", "postgres");
    jdbi.useHandle(h -> {
      long owner = h.createQuery("insert into users (username, password_hash) values ('ties', 'x') returning id").mapTo(Long.class).one();
      h.execute("insert into collections (id, owner_id, name, slug) values ('coll000001', ?, 'Ties', 'ties')", owner);
      for (String p : List.of("first00001", "twin000001", "twin000002", "last000001")) {
        h.execute("insert into prompts (id, owner_id, title, slug, text) values (?, ?, ?, ?, 'a prompt')", p, owner, p, p);
      }
      // Two saves at one moment once took the same place.
      h.execute("insert into collection_items (collection_id, prompt_id, position, added_at) values"
          + " ('coll000001', 'first00001', 1, now() - interval '3 minutes'), ('coll000001', 'twin000001', 2, now() - interval '2 minutes'),"
          + " ('coll000001', 'twin000002', 2, now() - interval '1 minute'), ('coll000001', 'last000001', 3, now())");
    });

    Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();

    PromptCollections collections = new PromptCollections(jdbi);
    List<String> order = List.of("first00001", "twin000001", "twin000002", "last000001");
    assertEquals(order, ids(jdbi), "the order people saw is kept, twins by when they were added");
    collections.move("coll000001", "twin000002", true);
    assertEquals(List.of("first00001", "twin000002", "twin000001", "last000001"), ids(jdbi), "up passes exactly the twin");
    collections.move("coll000001", "twin000002", false);
    collections.move("coll000001", "twin000002", false);
    assertEquals(List.of("first00001", "twin000001", "last000001", "twin000002"), ids(jdbi), "down, twice, to the end");
  }

  private static List<String> ids(Jdbi jdbi) {
    return jdbi.withHandle(h -> h.createQuery("select prompt_id from collection_items where collection_id = 'coll000001' order by position")
        .mapTo(String.class).list());
  }
}
