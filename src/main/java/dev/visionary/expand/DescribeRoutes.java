package dev.visionary.expand;

import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.UsageLimits;
import dev.visionary.identity.User;
import dev.visionary.png.ImageMetadata;
import dev.visionary.png.PngText;
import dev.visionary.prompt.Target;
import dev.visionary.web.Pages;
import dev.visionary.web.ShortIds;
import dev.visionary.web.Urls;
import dev.visionary.web.WebServer;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Describe an image": a picture in, prompts out, kept as an expansion with the picture's thumbnail. A prompt the
 * file carries (AUTOMATIC1111, ComfyUI, InvokeAI, Fooocus) comes back first, as written; then, with a language model
 * configured (OpenAI, Anthropic, Ollama), the prompts it writes looking at the picture, or else one written from
 * what can be measured in the picture, saying so.
 *
 * <p>A model's description is kept as running, with its picture, before the model is called, and streams onto its
 * page as a Studio expansion does: a failure shows there with Retry, and the picture is not lost.
 */
public final class DescribeRoutes {
  static final String ENGINE = "builtin";
  static final String MODEL = "picture measurements";
  private static final int MAX_FILE_NAME = 120;
  /** An embedded prompt longer than this is not one a person wrote for a model; the file is measured instead. */
  private static final int MAX_EMBEDDED = 6000;
  private static final int MAX_COUNT = 8;
  /** What the model is asked to write from, in place of an idea; the instructions say how to write. */
  static final String IDEA = "the attached picture. Write prompts that would recreate it: its subject, setting, composition, "
      + "light, colours and style, as precisely as the picture shows them";
  /** The style the instructions are given, as the Studio gives a chosen style. */
  static final String STYLE = "whatever suits the picture";
  /** Before the file's name, what a described expansion records as its idea: its heading and Recent entry say it. */
  static final String IDEA_PREFIX = "Picture: ";

  private final Pages pages;
  private final ExpansionService service;
  private final DescribedPictures pictures;
  private final UsageLimits limits;
  private final ExpansionEngines engines;
  private final Instructions instructions;

  DescribeRoutes(Pages pages, ExpansionService service, DescribedPictures pictures, UsageLimits limits, ExpansionEngines engines,
                 Instructions instructions) {
    this.engines = engines;
    this.instructions = instructions;
    this.pages = pages;
    this.service = service;
    this.pictures = pictures;
    this.limits = limits;
  }

  public void page(Context ctx) {
    CurrentUser.require(ctx);
    Target target = Target.byId(ctx.queryParam("target")).orElse(Target.GENERIC);
    show(ctx, target, null, 200);
  }

  public void describe(Context ctx) {
    User user = CurrentUser.require(ctx);
    if (!ctx.isMultipartFormData()) {
      show(ctx, Target.GENERIC, "Choose a picture to describe: a PNG, JPEG or WebP image.", 400);
      return;
    }
    Optional<Target> chosen = Target.byId(ctx.formParam("target"));
    if (chosen.isEmpty()) {
      show(ctx, Target.GENERIC, "Unknown target model: choose one from the list.", 400);
      return;
    }
    Target target = chosen.get();
    String engineId = Optional.ofNullable(ctx.formParam("engine")).orElse(ENGINE).strip();
    Optional<LlmEngine> model = engines.find(engineId).filter(LlmEngine.class::isInstance).map(LlmEngine.class::cast);
    if (!engineId.equals(ENGINE) && model.isEmpty()) {
      show(ctx, target, "Unknown engine: choose one from the list.", 400);
      return;
    }
    int count;
    try {
      count = Integer.parseInt(Optional.ofNullable(ctx.formParam("count")).orElse("1").strip());
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > MAX_COUNT) {
      show(ctx, target, "Choose between 1 and " + MAX_COUNT + " prompts.", 400);
      return;
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      show(ctx, target, "Choose a picture to describe: a PNG, JPEG or WebP image.", 400);
      return;
    }
    byte[] bytes = read(file);
    if (model.isEmpty() && Picture.isWebp(bytes)) {
      show(ctx, target, "This is a WebP picture. Visionary cannot measure WebP offline: choose a vision model as the engine, "
          + "which is sent the picture as it is, or save it as PNG or JPEG and try again.", 415);
      return;
    }
    Picture picture;
    try {
      picture = Picture.read(bytes);
    } catch (Picture.Unreadable e) {
      show(ctx, target, e.getMessage(), e.status);
      return;
    }
    limits.expansion(user);
    Optional<Variation> fileCard = embedded(bytes);
    String fileName = fileName(file.filename());
    if (model.isPresent()) {
      // The file's own prompt is one of the cards asked for, so a model that writes fewer than the rest shows as short.
      Instructions.Version version = instructions.chosen(user.id());
      Expansion x = Expansion.starting(ShortIds.next(), user.id(), Expansion.Lineage.NONE,
          new Expansion.Ask(IDEA_PREFIX + fileName, target.id(), "none", count + (fileCard.isPresent() ? 1 : 0), "random", 0, null, null,
              List.of()),
          new Expansion.Engine(model.get().id(), model.get().model(), version.id()));
      pictures.insertRunning(x, picture, fileName, fileCard.orElse(null));
      // Run in the background whoever follows it: the page the browser is sent to streams it, or shows it done.
      service.launch(x, true);
      ctx.redirect(Urls.expansion(x.id()), HttpStatus.SEE_OTHER);
      return;
    }
    List<Variation> cards = new ArrayList<>();
    fileCard.ifPresent(cards::add);
    cards.add(MeasuredPrompt.write(MeasuredPrompt.measure(picture), target));
    Expansion x = Expansion.starting(ShortIds.next(), user.id(), Expansion.Lineage.NONE,
        new Expansion.Ask(IDEA_PREFIX + fileName, target.id(), "none", cards.size(), "random", 0, null, null, List.of()),
        new Expansion.Engine(ENGINE, MODEL, null));
    pictures.insertFinished(x, MODEL, cards, picture, fileName);
    ctx.redirect(Urls.expansion(x.id()), HttpStatus.SEE_OTHER);
  }

  /** The picture an expansion was written from, as its page shows it; the owner's only, like the expansion. */
  public void picture(Context ctx) {
    User user = CurrentUser.require(ctx);
    String id = ctx.pathParam("id");
    if (!ShortIds.looksValid(id) || service.expansions().findOwned(id, user.id()).isEmpty()) {
      throw new NotFoundResponse();
    }
    DescribedPictures.Shown shown = pictures.shown(id).orElseThrow(NotFoundResponse::new);
    // Private: the picture is one person's upload, so shared caches must not keep it; it never changes.
    ctx.header("Cache-Control", "private, max-age=31536000, immutable");
    // A picture has no charset; the server's default (for HTML) must not be appended.
    ctx.res().setCharacterEncoding(null);
    ctx.contentType(shown.mediaType()).result(shown.bytes());
  }

  /** The prompt a Stable Diffusion tool wrote into the PNG, as the first card, saying which tool. */
  private static Optional<Variation> embedded(byte[] bytes) {
    if (!Picture.isPng(bytes)) {
      return Optional.empty();
    }
    return PngText.read(bytes)
        .flatMap(text -> ImageMetadata.find(text.text(), new ArrayList<>()))
        .filter(f -> !f.text().isBlank() && f.text().length() <= MAX_EMBEDDED && f.negative().length() <= MAX_EMBEDDED)
        .filter(f -> f.text().codePoints().noneMatch(c -> Character.isISOControl(c) && c != '\n'))
        .map(f -> new Variation(f.text().replace('\n', ' '), f.negative().replace('\n', ' '), Map.of(), List.of(),
            List.of("The prompt " + f.source() + " saved in this file, given back as it was written."), "the file's own prompt"));
  }

  /** The person's chosen instructions, filled in as the Studio fills them for an idea. */
  static String system(Instructions.Version version, Target target, int count) {
    return version.render(Map.of("count", Integer.toString(count), "target", target.label(), "dialect", target.dialect(),
        "max_chars", String.format("%,d", target.maxChars()), "style", STYLE));
  }

  private void show(Context ctx, Target target, String error, int status) {
    Map<String, Object> model = new HashMap<>();
    model.put("models", engines.all().stream().filter(LlmEngine.class::isInstance).toList());
    model.put("maxCount", MAX_COUNT);
    model.put("targets", List.of(Target.values()));
    model.put("target", target);
    model.put("error", error);
    model.put("maxMegabytes", WebServer.MAX_REQUEST_BYTES / (1024 * 1024));
    model.put("maxMegapixels", Picture.MAX_PIXELS / 1_000_000);
    ctx.status(status);
    pages.page(ctx, "expand/describe", model);
  }

  /** The file's name as the person's browser sent it, without folders or control characters, and not too long. */
  static String fileName(String raw) {
    String name = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
    name = name.codePoints().filter(c -> !Character.isISOControl(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(0, Character.isHighSurrogate(name.charAt(MAX_FILE_NAME - 1)) ? MAX_FILE_NAME - 1 : MAX_FILE_NAME);
    }
    return name.isEmpty() ? "picture" : name;
  }

  private static byte[] read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
