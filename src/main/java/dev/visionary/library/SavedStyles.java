package dev.visionary.library;

import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.StyleBook;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A person's styles: their live prompts tagged {@value #TAG}. Importing a styles.csv tags each style; any other
 * prompt becomes a style when its owner adds the tag, which shows on the prompt like any tag and is searchable.
 */
public final class SavedStyles implements StyleBook {
  public static final String TAG = "style";
  /** More than a form can sensibly list; Forge's bundled styles.csv has 213. */
  static final int MAX_LISTED = 500;

  private final Jdbi jdbi;

  public SavedStyles(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Read on every view of /generate and of the Studio's form. Its plan is kept for the connection ({@link
   * PromptSearch#KEPT_PLAN}): it does not depend on the person or the tag, and planning the three-table join afresh,
   * as the pool's connections plan statements, cost PostgreSQL about ten times what running it does (0.35 ms).
   */
  @Override
  public List<SavedStyle> of(long ownerId) {
    return jdbi.inTransaction(h -> {
      h.createQuery(PromptSearch.KEPT_PLAN).mapTo(String.class).one();
      return h.createQuery("select p.id, p.title, p.text, p.negative from prompts p"
              + " join prompt_tags pt on pt.prompt_id = p.id join tags t on t.id = pt.tag_id"
              + " where p.owner_id = :o and p.deleted_at is null and t.owner_id = :o and t.name = :tag"
              + " order by lower(p.title), p.created_at, p.id limit :limit")
          .bind("o", ownerId).bind("tag", TAG).bind("limit", MAX_LISTED)
          .map((rs, ctx) -> new SavedStyle(rs.getString("id"), rs.getString("title"), rs.getString("text"), rs.getString("negative")))
          .list();
    });
  }
}
