package dev.visionary.expand;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Forms;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** /instructions: the default system instruction, a person's own versions, and which one to use. */
public final class InstructionRoutes {
  private final Pages pages;
  private final Instructions instructions;

  InstructionRoutes(Pages pages, Instructions instructions) {
    this.pages = pages;
    this.instructions = instructions;
  }

  public void page(Context ctx) {
    User user = CurrentUser.require(ctx);
    // A new version starts from the one the person is looking at (?from=), else the one in use.
    Instructions.Version start = instructions.find(ctx.queryParam("from"), user.id()).orElse(instructions.chosen(user.id()));
    show(ctx, user, "", start.body(), Map.of(), 200);
  }

  public void save(Context ctx) {
    User user = CurrentUser.require(ctx);
    Map<String, String> errors = new LinkedHashMap<>();
    String name = "";
    String body = "";
    try {
      name = Forms.text(ctx, "name", "The name", 80, false);
    } catch (Forms.Invalid e) {
      errors.put("name", e.getMessage());
    }
    try {
      body = Forms.text(ctx, "body", "The instruction", Instructions.MAX_CHARS, true);
    } catch (Forms.Invalid e) {
      errors.put("body", e.getMessage());
      body = Forms.param(ctx, "body") == null ? "" : Forms.param(ctx, "body");
    }
    if (!errors.containsKey("name") && name.isBlank()) {
      errors.put("name", "Give this version a name you will recognise, such as “moody cinematic”.");
    }
    if (!errors.containsKey("body") && body.isBlank()) {
      errors.put("body", "Write the instruction the model should follow.");
    }
    if (!errors.isEmpty()) {
      show(ctx, user, name, body, errors, 422);
      return;
    }
    String id = ShortIds.next();
    instructions.save(id, user.id(), name, body);
    if ("on".equals(Forms.param(ctx, "use"))) {
      instructions.choose(user.id(), id);
    }
    ctx.redirect(Urls.withQuery(Urls.INSTRUCTIONS, "saved", id), HttpStatus.SEE_OTHER);
  }

  public void choose(Context ctx) {
    User user = CurrentUser.require(ctx);
    String id = Forms.param(ctx, "id");
    if (id == null || instructions.find(id, user.id()).isEmpty()) {
      throw new BadRequestResponse("Unknown instruction version: choose one from the list.");
    }
    instructions.choose(user.id(), id);
    ctx.redirect(Urls.withQuery(Urls.INSTRUCTIONS, "chosen", id), HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, User user, String name, String body, Map<String, String> errors, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("defaultVersion", instructions.defaultVersion());
    model.put("versions", instructions.own(user.id()));
    model.put("chosenId", instructions.chosen(user.id()).id());
    model.put("name", name);
    model.put("body", body);
    model.put("errors", errors);
    model.put("saved", ctx.queryParam("saved") != null);
    model.put("placeholders", "{count}, {target}, {dialect}, {max_chars}, {style}");
    pages.page(ctx, "expand/instructions", model);
  }
}
