package dev.visionary.expand;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.visionary.prompt.SavedStyle;
import dev.visionary.prompt.StylePreset;
import dev.visionary.prompt.Target;
import dev.visionary.web.Ratings;
import dev.visionary.web.Urls;
import dev.visionary.json.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** View models for expansions and their cards, computed here so templates only loop and test. */
final class ExpansionViews {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ExpansionViews() {}

  /** One card: a variation with everything its actions need, and its owner's rating of it. */
  record CardView(String domId, String expansionId, int index, int number, String rootId, String prompt, String negative,
                  String parameterLine, String paramsJson, String copyText, List<String> warnings, String target,
                  String idea, String refinement, List<String> notes, String explores, Ratings.Widget rating) {
    /**
     * The card's name in a comparison address: its number among the expansion's own cards, or the refinement's or
     * "more like this" expansion id and the number there, so an address keeps naming the same card as more arrive.
     */
    public String compareKey() {
      return expansionId.equals(rootId) ? Integer.toString(number) : expansionId + "-" + number;
    }
  }

  /** The ratings of cards by expansion and card index, as {@link CardRatings#of} reads them. */
  static final Map<String, Map<Integer, Short>> UNRATED = Map.of();

  /**
   * What an expansion shows where its cards go: a live stream, an error with Retry (and what a failure keeps: the idea
   * typed, or the picture described), or cards.
   */
  record OutcomeView(String id, boolean running, boolean failed, String errorHeading, String error, String kept, String streamUrl,
                     String retryUrl, String cancelUrl, List<CardView> cards, Shortfall shortfall) {}

  static final String IDEA_KEPT = "Nothing is lost: your idea and options are kept. Try again, or pick another engine.";
  static final String PICTURE_KEPT = "Nothing is lost: the picture and your options are kept. Try again, or describe it again with another engine.";

  /** A model that wrote fewer variations than asked for, said plainly, with the way to ask for the rest. */
  record Shortfall(int asked, int gave, String fillUrl) {
    public String message() {
      return "Asked for " + asked + ", the model gave " + gave + ".";
    }

    public String buttonLabel() {
      int missing = asked - gave;
      return missing == 1 ? "Ask for the missing one" : "Ask for the " + missing + " missing";
    }
  }

  /**
   * A whole expansion block: heading, facts, permalink, its own outcome and, once it has cards, the cards
   * as the person left them (refined cards in place, "more like this" after, runs still going as streams).
   */
  record ExpansionView(String id, String idea, String facts, String permalink, String when, OutcomeView outcome,
                       List<SlotView> slots) {}

  /** A place in the card list: a card, a refinement still being written, or the note that variations are missing. */
  record SlotView(CardView card, OutcomeView pending, Shortfall shortfall) {
    SlotView(CardView card, OutcomeView pending) {
      this(card, pending, null);
    }
  }

  /** An entry in "Recent". */
  record RecentView(String id, String idea, String facts, String when, String status) {}

  static ExpansionView expansion(Expansion x, List<Expansion> children, String engineLabel, Map<String, Map<Integer, Short>> ratings) {
    return expansion(x, children, engineLabel, ratings, false);
  }

  /** @param described whether it was written from a picture, which has no seed worth showing */
  static ExpansionView expansion(Expansion x, List<Expansion> children, String engineLabel, Map<String, Map<Integer, Short>> ratings,
                                 boolean described) {
    OutcomeView own = outcome(x, x.id(), ratings, described);
    List<SlotView> slots = new ArrayList<>(own.cards().stream().map(c -> new SlotView(c, null)).toList());
    for (Expansion child : children) {
      if (child.failed()) {
        continue; // the card it started from stays as it was; the failure was shown when it happened
      }
      OutcomeView childOutcome = outcome(child, x.id(), ratings, described);
      List<SlotView> replacement = child.running() ? List.of(new SlotView(null, childOutcome))
          : childOutcome.cards().stream().map(c -> new SlotView(c, null)).toList();
      int at = child.ask().refinement() != null ? indexOf(slots, child.lineage().sourceId(), child.lineage().sourceCard()) : -1;
      if (at >= 0) {
        slots.remove(at);
        slots.addAll(at, replacement);
      } else {
        slots.addAll(replacement);
      }
    }
    // Only the last of the expansion and its fills can be short of variations still wanted; a running fill shows as pending.
    Expansion last = x;
    for (Expansion child : children) {
      if (ExpansionService.isFill(child) && !child.failed()) {
        last = child;
      }
    }
    Shortfall shortfall = shortfall(last);
    if (shortfall != null && !x.running() && !x.failed()) {
      slots.add(new SlotView(null, null, shortfall));
    }
    return new ExpansionView(x.id(), x.ask().idea(), facts(x, engineLabel, described), Urls.expansion(x.id()), WHEN.format(x.outcome().createdAt()), own, slots);
  }

  /** A card's rating widget; without JavaScript a rating returns to the page of the expansion the card is listed under. */
  static Ratings.Widget ratingWidget(String expansionId, int index, String rootId, Short rating) {
    return new Ratings.Widget(Urls.expansionCardRating(expansionId, index), rating, "variation " + (index + 1), Urls.expansion(rootId));
  }

  private static int indexOf(List<SlotView> slots, String expansionId, Integer card) {
    for (int i = 0; i < slots.size(); i++) {
      CardView c = slots.get(i).card();
      if (c != null && c.expansionId().equals(expansionId) && card != null && c.index() == card) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The outcome of one expansion; {@code rootId} is the top-level expansion whose block holds its cards, and
   * {@code described} says whether that one was written from a picture.
   */
  static OutcomeView outcome(Expansion x, String rootId, Map<String, Map<Integer, Short>> ratings, boolean described) {
    List<CardView> cards = new ArrayList<>();
    List<Variation> results = x.outcome().results();
    Map<Integer, Short> rated = ratings.getOrDefault(x.id(), Map.of());
    for (int i = 0; i < results.size(); i++) {
      Variation v = results.get(i);
      cards.add(new CardView("card-" + x.id() + "-" + i, x.id(), i, i + 1, rootId, v.prompt(), v.negative(),
          v.parameterLine(), paramsJson(v), v.copyText(), v.warnings(), x.ask().target(), x.ask().idea(), x.ask().refinement(),
          v.notes(), v.explores(), ratingWidget(x.id(), i, rootId, rated.get(i))));
    }
    String heading = ExpansionService.CANCELLED.equals(x.outcome().error()) ? "This expansion was cancelled" : "This expansion failed";
    return new OutcomeView(x.id(), x.running(), x.failed(), heading, x.outcome().error(), described ? PICTURE_KEPT : IDEA_KEPT,
        Urls.expansionStream(x.id()),
        Urls.expansionRetry(x.id()), Urls.expansionCancel(x.id()), cards, shortfall(x));
  }

  /**
   * Fewer variations than asked, from an expansion of an idea or a fill; null when none are missing. Every-combination
   * expansions make what the idea holds, and refinements and "more like this" ask for what they ask, not for a count.
   */
  static Shortfall shortfall(Expansion x) {
    boolean counted = x.lineage().parentId() == null || ExpansionService.isFill(x);
    int gave = x.outcome().results().size();
    if (!counted || x.running() || x.failed() || "combinatorial".equals(x.ask().mode()) || gave >= x.ask().count()) {
      return null;
    }
    return new Shortfall(x.ask().count(), gave, Urls.expansionFill(x.id()));
  }

  static RecentView recent(Expansions.RecentEntry x, String engineLabel) {
    String status = switch (x.status()) {
      case RUNNING -> "running";
      case FAILED -> ExpansionService.CANCELLED.equals(x.error()) ? "cancelled" : "failed";
      case SUCCEEDED -> x.results() + (x.results() == 1 ? " prompt" : " prompts");
    };
    return new RecentView(x.id(), x.idea(), Target.byId(x.target()).map(Target::label).orElse(x.target()) + " · " + engineLabel,
        WHEN.format(x.createdAt()), status);
  }

  private static String facts(Expansion x, String engineLabel, boolean described) {
    StringBuilder f = new StringBuilder(Target.byId(x.ask().target()).map(Target::label).orElse(x.ask().target()));
    StylePreset.byId(x.ask().style()).filter(s -> s != StylePreset.NONE).ifPresent(s -> f.append(" · ").append(s.label()));
    f.append(" · ").append(engineLabel);
    if (x.engine().model() != null) {
      f.append(" (").append(x.engine().model()).append(')');
    }
    if (x.engine().instructionVersion() != null) {
      f.append(" · instructions ").append(x.engine().instructionVersion());
    }
    if (!x.ask().savedStyles().isEmpty()) {
      f.append(" · styles ").append(String.join(", ", x.ask().savedStyles().stream().map(SavedStyle::name).toList()));
    }
    if (!described) {
      f.append(" · seed ").append(x.ask().seed());
    }
    if ("combinatorial".equals(x.ask().mode())) {
      f.append(" · every combination");
    }
    return f.toString();
  }

  /** Midjourney parameters as the JSON the library's {@code params} field takes. */
  private static String paramsJson(Variation v) {
    try {
      return Json.MAPPER.writeValueAsString(v.parameters());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
