package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.TestServer;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The triggers that keep search words current do their work when a searched text changes and none when only a
 * counter does: a prompt used a thousand times a day must not be split into words a thousand times.
 */
class PromptTriggersTest {

  @Test
  void aCounterBumpCollectsNoWordsAndAnEditCollectsTheNewOnes() {
    LibraryClient me = LibraryClient.signedIn("triggers");
    String id = LibraryClient.idOf(me.save("title", "Amber lantern", "text", "an amber lantern on a windowsill"));

    TestServer.app().database().jdbi().useTransaction(h -> {
      // Counts this transaction's calls of PL/pgSQL functions, so the test sees exactly what its updates ran.
      h.execute("set local track_functions = 'pl'");
      h.createUpdate("update prompts set use_count = use_count + 1, image_count = image_count + 1 where id = :id")
          .bind("id", id).execute();
      assertEquals(0, wordCollections(h), "a counter bump does not re-tokenise the prompt");

      h.createUpdate("update prompts set title = 'Verdigris lantern' where id = :id").bind("id", id).execute();
      assertEquals(1, wordCollections(h), "an edited title is split into words once");
      assertTrue(words(h, id).contains("verdigris"), "and its new word can be suggested");
    });
  }

  @Test
  void aNewTagReachesTheSearchWordsThroughTheChain() {
    LibraryClient me = LibraryClient.signedIn("tagchain");
    String id = LibraryClient.idOf(me.save("title", "Pewter jug", "text", "a pewter jug"));
    assertEquals(303, me.post("/p/" + id + "/tags", "tags", "tableware").statusCode());
    TestServer.app().database().jdbi().useHandle(h -> assertTrue(words(h, id).contains("tableware")));
  }

  /** Explore and everyone's bookmarks are kept under the shared revision: it must follow every change they can show, and only those. */
  @Test
  void onlyChangesOthersCanSeeMoveTheSharedRevision() {
    LibraryClient me = LibraryClient.signedIn("sharedrev");
    String id = LibraryClient.idOf(me.save("title", "Quiet sketch", "text", "a quiet sketch kept to myself"));
    TestServer.app().database().jdbi().useHandle(h -> {
      h.begin();
      try {
        h.createUpdate("update prompts set use_count = use_count + 1 where id = :id").bind("id", id).execute();
        assertFalse(movedByThisTransaction(h), "a private prompt's change moves nothing others see");
        h.createUpdate("update prompts set visibility = 'unlisted' where id = :id").bind("id", id).execute();
        assertTrue(movedByThisTransaction(h), "sharing it does");
      } finally {
        h.rollback();
      }
      h.begin();
      try {
        h.createUpdate("update users set username = username || 'x' where username = :name").bind("name", me.username).execute();
        assertTrue(movedByThisTransaction(h), "a new name shows on that person's cards");
      } finally {
        h.rollback();
      }
    });
  }

  /**
   * A rating is its owner's alone (V22): rating a public prompt moves its owner's revision, so their kept pages show it,
   * and not the shared revision, so Explore's and everyone's bookmarks' kept pages stay as they are.
   */
  @Test
  void ratingASharedPromptMovesOnlyItsOwnersRevision() {
    LibraryClient me = LibraryClient.signedIn("ratedrev");
    String id = LibraryClient.idOf(me.save("title", "Shared dune", "text", "a dune at noon", "visibility", "public"));
    TestServer.app().database().jdbi().useHandle(h -> {
      h.begin();
      try {
        h.createUpdate("update prompts set rating = 5 where id = :id").bind("id", id).execute();
        assertFalse(movedByThisTransaction(h), "a rating moves nothing others see");
        assertTrue(h.createQuery("select revision = pg_current_xact_id()::text::bigint from users where username = :name")
            .bind("name", me.username).mapTo(Boolean.class).one(), "it moves its owner's revision");
        h.createUpdate("update prompts set text = 'a dune at dusk' where id = :id").bind("id", id).execute();
        assertTrue(movedByThisTransaction(h), "a change of its text still does");
      } finally {
        h.rollback();
      }
    });
  }

  /** Runs the transaction's deferred triggers now and says whether the shared revision is now this transaction's id. */
  private static boolean movedByThisTransaction(Handle h) {
    h.execute("set constraints all immediate");
    return h.createQuery("select revision = pg_current_xact_id()::text::bigint from shared_revision").mapTo(Boolean.class).one();
  }

  private static long wordCollections(Handle h) {
    return h.createQuery("select coalesce(sum(calls), 0) from pg_stat_xact_user_functions where funcname = 'prompt_collect_words'")
        .mapTo(Long.class).one();
  }

  private static List<String> words(Handle h, String promptId) {
    return h.createQuery("select w.word from search_words w join prompts p on p.owner_id = w.owner_id where p.id = :id")
        .bind("id", promptId).mapTo(String.class).list();
  }
}
