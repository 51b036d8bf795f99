package dev.visionary.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.visionary.json.Json;
import dev.visionary.web.Urls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Generate control shown beside a prompt (a Studio card, a saved prompt's page), built in one place so
 * both offer the same engines: the one that suits the prompt's target chosen first, and only the fields
 * the chosen engine takes.
 */
public final class QuickGenerate {
  /** A card offers a few images at a time; more, and every other setting, are on the full form. */
  private static final int MAX_QUICK_COUNT = 4;

  private final ImageEngines engines;

  QuickGenerate(ImageEngines engines) {
    this.engines = engines;
  }

  public record EngineOption(String id, String label, boolean selected) {}

  /**
   * @param id the element the control lives in, swapped whole when another engine is chosen
   * @param negative the negative prompt to send, or null when the chosen engine takes none
   * @param promptId the saved prompt new images join, or null
   * @param jobsId the element new job cards go into without leaving the page; null posts the form to the job page
   * @param counts the image counts on offer (one means no choice to make)
   * @param moreSettings the full /generate form filled in with this prompt and engine
   * @param refresh the values (JSON for {@code hx-vals}) that rebuild this control for another engine
   */
  public record Control(String id, String prompt, String negative, String promptId, String expansionId, String jobsId,
                        List<EngineOption> engines, List<Integer> counts, String moreSettings, String refresh) {
    public boolean offersEngines() {
      return engines.size() > 1;
    }

    public String engine() {
      return engines.stream().filter(EngineOption::selected).findFirst().orElseThrow().id();
    }

    /** {@code hx-post} and {@code hx-target} for the form; null (so not rendered) when it is a plain post. */
    public String hxPost() {
      return jobsId == null ? null : Urls.GENERATE;
    }

    public String hxTarget() {
      return jobsId == null ? null : "#" + jobsId;
    }
  }

  /** The control on Studio card {@code cardId}, whose jobs list is {@code cardId-jobs}. */
  public Control forCard(String cardId, String prompt, String negative, String target, String expansionId) {
    return card(cardId, prompt, negative, engines.defaultFor(target), expansionId);
  }

  /** The control on a saved prompt's page; {@code linked} when the viewer owns it, so new images join its gallery. */
  public Control forPrompt(String promptId, String prompt, String negative, String target, boolean linked) {
    return prompt(promptId, prompt, negative, engines.defaultFor(target), linked);
  }

  Control card(String cardId, String prompt, String negative, String engine, String expansionId) {
    // The card is named, not its text: the addresses stay short however long the prompt is.
    Map<String, String> refresh = new LinkedHashMap<>();
    refresh.put("card", cardId);
    refresh.put("expansion_id", expansionId);
    Map<String, String> more = new LinkedHashMap<>();
    more.put("card", cardId);
    more.put("expansion_id", expansionId);
    more.put("engine", engine);
    return control(cardId + "-gen", prompt, negative, null, expansionId, cardId + "-jobs", engine, more, refresh);
  }

  Control prompt(String promptId, String prompt, String negative, String engine, boolean linked) {
    Map<String, String> more = new LinkedHashMap<>();
    more.put("prompt_id", promptId);
    more.put("engine", engine);
    return control("prompt-generate", prompt, negative, linked ? promptId : null, null, null, engine, more, Map.of("prompt_id", promptId));
  }

  private Control control(String id, String prompt, String negative, String promptId, String expansionId, String jobsId, String engine,
                          Map<String, String> more, Map<String, String> refresh) {
    ImageEngines.EngineChoice chosen = engines.choice(engine).orElseThrow();
    List<EngineOption> options = engines.choices().stream().map(e -> new EngineOption(e.id(), e.label(), e.id().equals(engine))).toList();
    int maxCount = Math.min(MAX_QUICK_COUNT, chosen.defaultModel().maxCount());
    String sentNegative = takesNegative(engine) && negative != null && !negative.isBlank() ? negative : null;
    return new Control(id, prompt, sentNegative, promptId, expansionId, jobsId, options, IntStream.rangeClosed(1, maxCount).boxed().toList(),
        Urls.GENERATE + "?" + query(more), json(refresh));
  }

  /** Whether the engine's default model, the one this control sends to, is sent a negative prompt. */
  private boolean takesNegative(String engine) {
    return engines.choice(engine).orElseThrow().defaultModel().takesNegative();
  }

  private static String query(Map<String, String> params) {
    StringBuilder q = new StringBuilder();
    params.forEach((k, v) -> {
      if (v != null && !v.isEmpty()) {
        q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    return q.toString();
  }

  private static String json(Map<String, String> values) {
    try {
      return Json.MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
