package dev.visionary.expand;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.visionary.expand.llm.ChatRequest;
import dev.visionary.json.Json;
import dev.visionary.web.Urls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The described_images table: the picture an expansion was written from, as its page shows it (a JPEG thumbnail, or
 * a WebP as uploaded) and, when a vision model writes the prompts, as the model is sent it, so a retry needs nothing
 * from the person.
 */
final class DescribedPictures {
  /** The picture as its page shows it: its bytes and their media type. */
  record Shown(byte[] bytes, String mediaType) {}

  /**
   * What a model is given for an expansion written from a picture: the picture (null when it was measured offline,
   * where no model was sent it), and the prompt the file carried (null when none), which leads the model's cards.
   */
  record ForModel(ChatRequest.Image image, Variation fileCard) {}

  private final Jdbi jdbi;

  DescribedPictures(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** A finished expansion and its picture in one transaction: a description is never kept without the picture it describes. */
  Expansion insertFinished(Expansion x, String model, List<Variation> cards, Picture picture, String fileName) {
    byte[] thumbnail = picture.thumbnail();
    return jdbi.inTransaction(h -> {
      Expansion kept = Expansions.insertFinished(h, x, model, cards, null);
      insertPicture(h, x.id(), picture, thumbnail, fileName, null, null);
      return kept;
    });
  }

  /**
   * A running expansion, its picture and what its model is to be sent, in one transaction: the picture is kept
   * before the model is called, so a failed call loses nothing and Retry sends the same picture again.
   */
  void insertRunning(Expansion x, Picture picture, String fileName, Variation fileCard) {
    // Encoded before the transaction opens, so it holds its connection only for the two inserts.
    byte[] thumbnail = picture.thumbnail();
    ChatRequest.Image forModel = picture.forModel();
    jdbi.useTransaction(h -> {
      Expansions.insertRunning(h, x);
      insertPicture(h, x.id(), picture, thumbnail, fileName, forModel, fileCard);
    });
  }

  private static void insertPicture(Handle h, String id, Picture picture, byte[] thumbnail, String fileName, ChatRequest.Image forModel,
                                    Variation fileCard) {
    h.createUpdate("""
            insert into described_images (expansion_id, thumbnail, width, height, file_name, model_image, model_image_type, file_card)
            values (:id, :thumbnail, :width, :height, :fileName, :modelImage, :modelImageType, cast(:fileCard as jsonb))
            """)
        .bind("id", id).bind("thumbnail", thumbnail).bind("width", picture.width()).bind("height", picture.height())
        .bind("fileName", fileName)
        .bind("modelImage", forModel == null ? null : forModel.bytes())
        .bind("modelImageType", forModel == null ? null : forModel.mediaType())
        .bind("fileCard", fileCard == null ? null : json(fileCard))
        .execute();
  }

  /** The picture as the page shows it: the JPEG thumbnail, or a WebP's own bytes. */
  Optional<Shown> shown(String expansionId) {
    return jdbi.withHandle(h -> h.createQuery("""
            select coalesce(thumbnail, model_image) as bytes, case when thumbnail is null then model_image_type else 'image/jpeg' end as type
            from described_images where expansion_id = :id
            """)
        .bind("id", expansionId)
        .map((rs, ctx) -> new Shown(rs.getBytes("bytes"), rs.getString("type")))
        .findOne());
  }

  /** What a model is sent for this expansion; empty for an expansion not written from a picture. */
  Optional<ForModel> forModel(String expansionId) {
    return jdbi.withHandle(h -> h.createQuery("""
            select model_image, model_image_type, file_card::text as file_card from described_images where expansion_id = :id
            """)
        .bind("id", expansionId)
        .map((rs, ctx) -> new ForModel(rs.getBytes("model_image") == null ? null
            : new ChatRequest.Image(rs.getString("model_image_type"), rs.getBytes("model_image")), card(rs.getString("file_card"))))
        .findOne());
  }

  /** What the expansion page shows above the cards when the expansion was written from a picture, or null. */
  Map<String, Object> view(String expansionId) {
    return jdbi.withHandle(h -> h.createQuery("select width, height, file_name from described_images where expansion_id = :id")
        .bind("id", expansionId)
        .map((rs, ctx) -> Map.<String, Object>of("url", Urls.expansionPicture(expansionId), "fileName", rs.getString("file_name"),
            "width", rs.getInt("width"), "height", rs.getInt("height")))
        .findOne().orElse(null));
  }

  private static String json(Variation card) {
    try {
      return Json.MAPPER.writeValueAsString(card);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A card could not be written as JSON", e);
    }
  }

  private static Variation card(String json) {
    try {
      return json == null ? null : Json.MAPPER.readValue(json, Variation.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored card is not valid JSON", e);
    }
  }
}
