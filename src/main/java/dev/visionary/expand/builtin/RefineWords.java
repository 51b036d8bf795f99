package dev.visionary.expand.builtin;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.visionary.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The words a refinement works with, read once from {@code vocabulary/refine.json}: detail boilerplate, framing
 * words (close and wide), palette temperature words (warm and cool), seasons, and the phrases each change adds
 * in each dialect.
 */
final class RefineWords {
  /** One phrase per dialect: a sentence part for natural text, a Midjourney phrase, Stable Diffusion tags. */
  record Phrases(String natural, String midjourney, String tag, List<String> tags) {
    Phrases {
      tags = tags != null ? List.copyOf(tags) : tag != null ? List.of(tag) : List.of();
    }
  }

  record Season(String id, String phrase, List<String> triggers, List<String> details, List<String> contradictions) {}

  record File(List<String> detailBoilerplate, Phrases moreDetails, Phrases fewerDetails, List<String> close,
                      List<String> wide, Phrases closer, Phrases wider, List<String> warm, List<String> cool,
                      List<String> colorish, Phrases warmer, Phrases cooler, List<String> lensWords, List<String> closeShot,
                      List<String> wideShot, List<String> moodish, List<String> paletteWords, List<Season> seasons) {}

  private static final class Holder {
    static final RefineWords STANDARD = load();
  }

  final File file;
  final Terms detailBoilerplate;
  final Terms close;
  final Terms wide;
  final Terms warm;
  final Terms cool;
  final Terms colorish;
  final Terms lensWords;
  final Terms closeShot;
  final Terms wideShot;
  final Terms moodish;
  final Terms paletteWords;
  final List<Season> seasons;
  private final Terms seasonTriggers;

  private RefineWords(File file) {
    this.file = file;
    detailBoilerplate = Terms.of(file.detailBoilerplate());
    close = Terms.of(file.close());
    wide = Terms.of(file.wide());
    warm = Terms.of(file.warm());
    cool = Terms.of(file.cool());
    colorish = Terms.of(file.colorish());
    lensWords = Terms.of(file.lensWords());
    closeShot = Terms.of(file.closeShot());
    wideShot = Terms.of(file.wideShot());
    moodish = Terms.of(file.moodish());
    paletteWords = Terms.of(file.paletteWords());
    seasons = List.copyOf(file.seasons());
    java.util.Map<String, List<String>> byId = new java.util.LinkedHashMap<>();
    seasons.forEach(s -> byId.put(s.id(), s.triggers()));
    seasonTriggers = Terms.owned(byId);
  }

  static RefineWords standard() {
    return Holder.STANDARD;
  }

  private static RefineWords load() {
    try (InputStream in = RefineWords.class.getResourceAsStream("/vocabulary/refine.json")) {
      if (in == null) {
        throw new IllegalStateException("Missing vocabulary file /vocabulary/refine.json");
      }
      return new RefineWords(Json.MAPPER.readValue(in, new TypeReference<File>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read vocabulary file /vocabulary/refine.json: " + e.getMessage(), e);
    }
  }

  /** The season the text names ("make it autumn"), recording where; null when it names none. */
  String seasonIn(Text text, List<Text.Span> consumed) {
    List<Terms.Match> matches = seasonTriggers.matches(text);
    if (matches.isEmpty()) {
      return null;
    }
    matches.forEach(m -> consumed.add(m.span()));
    return matches.get(0).owner();
  }

  Season season(String id) {
    return seasons.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
