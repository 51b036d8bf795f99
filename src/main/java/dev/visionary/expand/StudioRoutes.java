package dev.visionary.expand;

import dev.visionary.web.Pages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Studio: where a short idea is typed and expanded. */
public final class StudioRoutes {
  private final Pages pages;

  public StudioRoutes(Pages pages) {
    this.pages = pages;
  }

  public void register(RoutesConfig routes) {
    routes.get("/", this::studio);
    routes.get("/target-hint", this::targetHint);
  }

  private void studio(Context ctx) {
    Target target = Target.byId(ctx.queryParam("target")).orElse(Target.GENERIC);
    Map<String, Object> model = new HashMap<>();
    model.put("targets", List.of(Target.values()));
    model.put("target", target);
    if ("deleted".equals(ctx.queryParam("account"))) {
      model.put("flash", "Your account and everything in it were deleted.");
    }
    pages.page(ctx, "studio/index", model);
  }

  /** The dialect hint shown under the target picker; HTMX swaps it in when the target changes. */
  private void targetHint(Context ctx) {
    String id = ctx.queryParam("target");
    Target target = Target.byId(id).orElseThrow(() -> new BadRequestResponse("Unknown target model: choose one from the list."));
    pages.fragment(ctx, "studio/target-hint", Map.of("target", target));
  }
}
