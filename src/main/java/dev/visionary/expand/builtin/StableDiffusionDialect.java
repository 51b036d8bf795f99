package dev.visionary.expand.builtin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Comma-separated tags with {@code (weights:1.2)} on what matters most, plus a separate negative prompt, the
 * way AUTOMATIC1111, Forge and ComfyUI read prompts. Optional tags stop where CLIP stops reading (75 tokens);
 * when the person's own words already pass that, the prompt keeps them all and says so.
 */
final class StableDiffusionDialect implements Dialect {
  private record Tag(String text, boolean core, int tokens) {
    Tag(String text, boolean core) {
      this(text, core, ClipTokens.count(text));
    }
  }

  private final Vocabulary vocabulary;

  StableDiffusionDialect(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  @Override
  public ExpansionResult render(ScenePlan plan) {
    List<Tag> tags = new ArrayList<>();
    core(tags, subject(plan.subject()));
    plan.additions().forEach(a -> core(tags, weighted(a, "1.3")));
    plan.anchors().forEach(a -> core(tags, escaped(a)));
    if (plan.textToRender() != null) {
      core(tags, weighted("the words \"" + plan.textToRender() + "\" in legible lettering", "1.2"));
    }
    core(tags, plan.styleTag());
    // Weights stay sparse: the subject, then only the first detail a little; everything else reads at 1.
    core(tags, plan.setting());
    core(tags, plan.timePhrase());
    core(tags, plan.weatherPhrase());
    List<String> details = plan.details();
    for (int i = 0; i < details.size(); i++) {
      String detail = i == 0 ? weighted(details.get(i), "1.1") : details.get(i);
      if (i < 2) {
        core(tags, detail);
      } else {
        tags.add(new Tag(detail, false));
      }
    }
    core(tags, plan.lighting());
    core(tags, plan.palette());
    core(tags, plan.composition());
    core(tags, plan.camera());
    core(tags, plan.mood());
    plan.styleWords().forEach(w -> tags.add(new Tag(w, false)));
    plan.quality().forEach(q -> tags.add(new Tag(q, false)));

    // Tags are joined by ", ": the prompt's tokens are the tags' tokens plus one per comma.
    int tokens = -1;
    for (Tag tag : tags) {
      tokens += tag.core() ? tag.tokens() + 1 : 0;
    }
    // When the core already passes what CLIP reads, the person gets the warning and every tag to choose from.
    boolean over = tokens > ClipTokens.LIMIT;
    List<String> chosen = new ArrayList<>();
    for (Tag tag : tags) {
      if (tag.core()) {
        chosen.add(tag.text());
      } else if (over || tokens + 1 + tag.tokens() <= ClipTokens.LIMIT) {
        chosen.add(tag.text());
        tokens += 1 + tag.tokens();
      }
    }
    String prompt = String.join(", ", chosen);
    List<String> warnings = new ArrayList<>();
    if (tokens > ClipTokens.LIMIT) {
      warnings.add("Longer than " + ClipTokens.LIMIT + " CLIP tokens (about " + tokens + "): Stable Diffusion will ignore the rest.");
    }
    List<String> negatives = new ArrayList<>();
    plan.exclusions().forEach(e -> negatives.add(escaped(e)));
    plan.negated().stream().map(StableDiffusionDialect::escaped).filter(n -> !negatives.contains(n)).forEach(negatives::add);
    notStated(plan.negatives(), plan.stated(), vocabulary).stream().filter(n -> !negatives.contains(n)).forEach(negatives::add);
    return new ExpansionResult(prompt, String.join(", ", negatives), null, warnings);
  }

  /** Keeps out negatives that share a meaningful word with what the person wrote, so they never fight it. */
  static List<String> notStated(List<String> candidates, Text stated, Vocabulary vocabulary) {
    Set<String> written = new HashSet<>();
    stated.words().forEach(w -> written.addAll(Terms.baseForms(w)));
    List<String> out = new ArrayList<>();
    for (String candidate : candidates) {
      boolean clashes = false;
      for (String word : vocabulary.text(candidate).words()) {
        if (!vocabulary.connectives.isWord(word) && !vocabulary.fillers.isWord(word) && !Collections.disjoint(written, Terms.baseForms(word))) {
          clashes = true;
          break;
        }
      }
      if (!clashes) {
        out.add(candidate);
      }
    }
    return out;
  }

  /**
   * The person's subject carries the weight: "(a mountain lake at dawn:1.2)". When it goes on after a comma
   * ("a volcano at night, long exposure") the part before the comma is the subject and the rest stays as typed;
   * a long description is left at 1, where a weight would only blur which of its parts matters.
   */
  static String subject(String subject) {
    int comma = subject.indexOf(',');
    String head = comma < 0 ? subject : subject.substring(0, comma);
    if (head.isBlank() || head.strip().split("\\s+").length > 10) {
      return escaped(subject);
    }
    return weighted(head.strip(), "1.2") + (comma < 0 ? "" : escaped(subject.substring(comma)));
  }

  private static void core(List<Tag> tags, String text) {
    if (text != null && !text.isBlank()) {
      tags.add(new Tag(text, true));
    }
  }

  private static String weighted(String text, String weight) {
    return text == null || text.isBlank() ? null : "(" + escaped(text) + ":" + weight + ")";
  }

  /** Brackets in the person's words are literal, not Stable Diffusion's emphasis syntax. */
  static String escaped(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if ("()[]".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
