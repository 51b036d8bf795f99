package dev.visionary.library;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.SideBySide;
import dev.visionary.prompt.Target;
import dev.visionary.web.CompareSelection;
import dev.visionary.web.Ratings;
import dev.visionary.web.Pages;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two to four saved prompts side by side: each one a person may read (their own, or anyone's unlisted or public
 * prompt), so a comparison of shared prompts can itself be shared; any other answers 404 like the prompt would.
 */
public final class PromptComparison {
  private final Pages pages;
  private final Prompts prompts;
  private final Tags tags;

  PromptComparison(Pages pages, Prompts prompts, Tags tags) {
    this.pages = pages;
    this.prompts = prompts;
    this.tags = tags;
  }

  /** A compared prompt: its text and negative against the first's; {@code rating} only for its owner, as everywhere. */
  record ComparedPrompt(Prompt prompt, String label, SideBySide.DiffedText text, SideBySide.DiffedText negative,
                        Ratings.Widget rating) {}

  public void show(Context ctx) {
    Optional<User> viewer = CurrentUser.get(ctx);
    List<String> ids = CompareSelection.read(ctx, "p", "prompts");
    List<Prompt> chosen = new ArrayList<>();
    for (String id : ids) {
      chosen.add((Slugs.looksLikeId(id) ? prompts.find(id) : Optional.<Prompt>empty()).filter(p -> Access.canRead(viewer, p))
          .orElseThrow(() -> new NotFoundResponse("One of these prompts does not exist, or it is private.")));
    }
    List<SideBySide.DiffedText> texts = SideBySide.texts(chosen.stream().map(Prompt::text).toList());
    List<SideBySide.DiffedText> negatives = SideBySide.texts(chosen.stream().map(Prompt::negative).toList());
    List<ComparedPrompt> compared = new ArrayList<>();
    long me = viewer.map(User::id).orElse(-1L);
    String here = ctx.path() + "?" + ctx.queryString();
    for (int i = 0; i < chosen.size(); i++) {
      Prompt p = chosen.get(i);
      compared.add(new ComparedPrompt(p, "Prompt " + (i + 1), texts.get(i), negatives.get(i),
          p.ownerId() == me ? PromptPage.ratingWidget(p.id(), p.title(), p.rating(), here) : null));
    }
    List<SideBySide.Row> rows = new ArrayList<>();
    rows.add(SideBySide.row("Title", chosen.stream().map(Prompt::title).toList()));
    rows.add(SideBySide.row("Model", chosen.stream().map(p -> Target.byId(p.target()).map(Target::label).orElse(p.target())).toList()));
    rows.add(SideBySide.row("Tags", chosen.stream().map(p -> String.join(", ", tags.of(p.id()))).toList()));
    if (chosen.stream().anyMatch(p -> !p.ownedBy(me))) {
      rows.add(SideBySide.row("By", chosen.stream().map(Prompt::ownerName).toList()));
    }
    rows.add(SideBySide.row("Visibility", chosen.stream().map(p -> p.visibility().label()).toList()));
    rows.add(SideBySide.row("Version", chosen.stream().map(p -> Integer.toString(p.version())).toList()));
    rows.addAll(parameterRows(chosen));
    Map<String, Object> model = new HashMap<>();
    model.put("items", compared);
    model.put("names", compared.stream().map(ComparedPrompt::label).toList());
    model.put("textsDiffer", SideBySide.anyDiffers(texts));
    model.put("hasNegatives", negatives.stream().anyMatch(t -> !t.empty()));
    model.put("rows", rows);
    model.put("signedIn", viewer.isPresent());
    pages.page(ctx, "library/compare", model);
  }

  /** One row per parameter any of the prompts has, under the labels the prompt page uses, in the order first met. */
  private static List<SideBySide.Row> parameterRows(List<Prompt> chosen) {
    List<Map<String, String>> values = new ArrayList<>();
    Set<String> labels = new LinkedHashSet<>();
    for (Prompt p : chosen) {
      Map<String, String> entries = new LinkedHashMap<>();
      JsonParams.entries(p.params()).forEach(e -> entries.put(e.getKey(), e.getValue()));
      labels.addAll(entries.keySet());
      values.add(entries);
    }
    List<SideBySide.Row> rows = new ArrayList<>();
    for (String label : labels) {
      rows.add(SideBySide.row(label, values.stream().map(v -> v.get(label)).toList()));
    }
    return rows;
  }
}
