package dev.visionary.expand;

import dev.visionary.web.Urls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The described_images table: the thumbnail of the picture an expansion was written from. */
final class DescribedPictures {
  /** One thumbnail as its page shows it. */
  record Stored(byte[] thumbnail, int width, int height, String fileName) {}

  private final Jdbi jdbi;

  DescribedPictures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The expansion and its picture in one transaction: a description is never kept without the picture it describes. */
  Expansion insert(Expansion x, String model, List<Variation> cards, Picture picture, byte[] thumbnail, String fileName) {
    return jdbi.inTransaction(h -> {
      Expansion kept = Expansions.insertFinished(h, x, model, cards, null);
      h.createUpdate("""
              insert into described_images (expansion_id, thumbnail, width, height, file_name)
              values (:id, :thumbnail, :width, :height, :fileName)
              """)
          .bind("id", x.id()).bind("thumbnail", thumbnail).bind("width", picture.width()).bind("height", picture.height())
          .bind("fileName", fileName).execute();
      return kept;
    });
  }

  Optional<Stored> find(String expansionId) {
    return jdbi.withHandle(h -> h.createQuery("select thumbnail, width, height, file_name from described_images where expansion_id = :id")
        .bind("id", expansionId)
        .map((rs, ctx) -> new Stored(rs.getBytes("thumbnail"), rs.getInt("width"), rs.getInt("height"), rs.getString("file_name")))
        .findOne());
  }

  /** What the expansion page shows above the cards when the expansion was written from a picture, or null. */
  Map<String, Object> view(String expansionId) {
    return find(expansionId).<Map<String, Object>>map(p -> Map.of("url", Urls.expansionPicture(expansionId),
        "fileName", p.fileName(), "width", p.width(), "height", p.height())).orElse(null);
  }
}
