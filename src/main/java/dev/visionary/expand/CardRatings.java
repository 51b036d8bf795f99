package dev.visionary.expand;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The expansion_card_ratings table: a person's rating of each card of their expansions, keyed by the expansion and
 * the card's index in its results. No row is unrated.
 */
final class CardRatings {
  private final Jdbi jdbi;

  CardRatings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The ratings of these expansions' cards: expansion id to card index to rating; no query when there are none. */
  Map<String, Map<Integer, Short>> of(Collection<String> expansionIds) {
    Map<String, Map<Integer, Short>> out = new HashMap<>();
    if (expansionIds.isEmpty()) {
      return out;
    }
    jdbi.useHandle(h -> h.createQuery("select expansion_id, card, rating from expansion_card_ratings where expansion_id = any(:ids)")
        .bindArray("ids", String.class, expansionIds)
        .map((rs, ctx) -> {
          out.computeIfAbsent(rs.getString("expansion_id"), k -> new HashMap<>()).put(rs.getInt("card"), rs.getShort("rating"));
          return null;
        })
        .list());
    return out;
  }

  /** Sets a card's rating, or clears it (null), in one statement either way. */
  void set(String expansionId, int card, long ownerId, Short rating) {
    jdbi.useHandle(h -> {
      if (rating == null) {
        h.createUpdate("delete from expansion_card_ratings where expansion_id = :x and card = :card")
            .bind("x", expansionId).bind("card", card).execute();
      } else {
        h.createUpdate("insert into expansion_card_ratings (expansion_id, card, owner_id, rating) values (:x, :card, :owner, :rating)"
                + " on conflict (expansion_id, card) do update set rating = excluded.rating")
            .bind("x", expansionId).bind("card", card).bind("owner", ownerId).bind("rating", rating).execute();
      }
    });
  }
}
