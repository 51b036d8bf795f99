package dev.visionary.expand;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.prompt.SideBySide;
import dev.visionary.prompt.Target;
import dev.visionary.web.CompareSelection;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two to four cards of one expansion (its own, its refinements' and "more like this" ones) side by side. */
public final class CardComparison {
  private final Pages pages;
  private final ExpansionService service;
  private final CardRatings ratings;

  CardComparison(Pages pages, ExpansionService service, CardRatings ratings) {
    this.pages = pages;
    this.service = service;
    this.ratings = ratings;
  }

  /** A compared card: its place on the expansion's page and its prompt, negative and parameters against the first's. */
  record ComparedCard(ExpansionViews.CardView card, String label, SideBySide.DiffedText prompt, SideBySide.DiffedText negative,
                      SideBySide.DiffedText parameters) {}

  public void show(Context ctx) {
    User user = CurrentUser.require(ctx);
    String id = ctx.pathParam("id");
    Expansion x = (ShortIds.looksValid(id) ? service.expansions().findOwned(id, user.id()) : Optional.<Expansion>empty())
        .orElseThrow(() -> new NotFoundResponse("There is no expansion at this address, or it is not yours."));
    List<String> keys = CompareSelection.read(ctx, "card", "cards");
    List<Expansion> children = x.lineage().parentId() == null ? service.expansions().children(x.id()) : List.of();
    List<String> shown = new ArrayList<>(List.of(x.id()));
    children.forEach(c -> shown.add(c.id()));
    ExpansionViews.ExpansionView view = ExpansionViews.expansion(x, children, service.engineLabel(x.engine().engine()), ratings.of(shown));
    // Cards are named by their place on the expansion's page, where "Variation 1" can repeat after a refinement.
    Map<String, ExpansionViews.CardView> byKey = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (ExpansionViews.SlotView slot : view.slots()) {
      if (slot.card() != null) {
        byKey.put(slot.card().compareKey(), slot.card());
        labels.put(slot.card().compareKey(), "Card " + (labels.size() + 1));
      }
    }
    List<ExpansionViews.CardView> cards = new ArrayList<>();
    for (String key : keys) {
      ExpansionViews.CardView card = byKey.get(key);
      if (card == null) {
        throw new NotFoundResponse("This expansion has no card “" + key + "”. Pick the cards again on its page.");
      }
      cards.add(card);
    }
    List<SideBySide.DiffedText> prompts = SideBySide.texts(cards.stream().map(ExpansionViews.CardView::prompt).toList());
    List<SideBySide.DiffedText> negatives = SideBySide.texts(cards.stream().map(ExpansionViews.CardView::negative).toList());
    List<SideBySide.DiffedText> parameters = SideBySide.texts(cards.stream().map(ExpansionViews.CardView::parameterLine).toList());
    List<ComparedCard> compared = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      compared.add(new ComparedCard(cards.get(i), labels.get(cards.get(i).compareKey()), prompts.get(i), negatives.get(i), parameters.get(i)));
    }
    Map<String, Object> model = new HashMap<>();
    model.put("x", view);
    model.put("cards", compared);
    model.put("names", compared.stream().map(ComparedCard::label).toList());
    model.put("promptsDiffer", SideBySide.anyDiffers(prompts));
    model.put("hasNegatives", negatives.stream().anyMatch(t -> !t.empty()));
    model.put("hasParameters", parameters.stream().anyMatch(t -> !t.empty()));
    List<SideBySide.Row> rows = List.of(
        SideBySide.row("Model", cards.stream().map(c -> Target.byId(c.target()).map(Target::label).orElse(c.target())).toList()),
        SideBySide.row("Refined with", cards.stream().map(ExpansionViews.CardView::refinement).toList()),
        SideBySide.row("Explores", cards.stream().map(ExpansionViews.CardView::explores).toList()),
        SideBySide.row("Words", prompts.stream().map(t -> Integer.toString(t.text().isBlank() ? 0 : t.text().strip().split("\\s+").length)).toList()));
    // A fact no card has (no refinement among them) is left out rather than shown as a row of dashes.
    model.put("rows", rows.stream().filter(r -> r.cells().stream().anyMatch(c -> !c.value().isEmpty())).toList());
    model.put("back", Urls.expansion(x.id()));
    pages.page(ctx, "expand/compare", model);
  }
}
