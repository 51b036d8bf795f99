package dev.visionary.library;

import dev.visionary.png.ImageMetadata;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.User;
import dev.visionary.web.Pages;
import dev.visionary.web.WebServer;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@code GET /export} (the page, or a file with ?format=json|styles) and {@code POST /import} (JSON, styles.csv or PNG). */
public final class TransferRoutes {
  private final Pages pages;
  private final LibraryTransfer transfer;
  private final PromptImport imports;
  private final PromptCaps caps;

  TransferRoutes(Pages pages, LibraryTransfer transfer, PromptImport imports, PromptCaps caps) {
    this.pages = pages;
    this.transfer = transfer;
    this.imports = imports;
    this.caps = caps;
  }

  public void importForm(Context ctx) {
    show(ctx, null, 200);
  }

  public void export(Context ctx) {
    User me = CurrentUser.require(ctx);
    String format = ctx.queryParam("format");
    String day = LocalDate.now(ZoneOffset.UTC).toString();
    if (format == null || format.isBlank()) {
      show(ctx, null, 200);
    } else if (format.equals("json")) {
      download(ctx, "application/json", "visionary-" + me.username() + "-" + day + ".json", transfer.exportJson(me.id()));
    } else if (format.equals("styles")) {
      download(ctx, "text/csv; charset=utf-8", "styles.csv", imports.exportStyles(me.id()));
    } else {
      throw new BadRequestResponse("Unknown export format \"" + format.substring(0, Math.min(format.length(), 40))
          + "\": choose json or styles.");
    }
  }

  private static void download(Context ctx, String type, String fileName, byte[] body) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    ctx.header("Cache-Control", "no-store");
    ctx.contentType(type).result(body);
  }

  private void show(Context ctx, ImportReport report, int status) {
    Map<String, Object> model = new HashMap<>();
    model.put("report", report);
    // The limits are said before a person picks a file, not only when one is refused.
    model.put("maxMegabytes", WebServer.MAX_REQUEST_BYTES / (1024 * 1024));
    model.put("maxPrompts", caps.perImport());
    ctx.status(status);
    pages.page(ctx, "library/transfer", model);
  }

  public void importFile(Context ctx) {
    User me = CurrentUser.require(ctx);
    if (!ctx.isMultipartFormData()) {
      throw new BadRequestResponse("Choose a file to import.");
    }
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      ImportReport empty = new ImportReport("nothing");
      empty.error("Choose a file to import: a Visionary .json export, an AUTOMATIC1111 styles.csv, or a PNG made by Stable Diffusion.");
      show(ctx, empty, 400);
      return;
    }
    byte[] bytes = read(file);
    String name = file.filename() == null ? "file" : file.filename();
    ImportReport report;
    if (ImageMetadata.isPng(bytes)) {
      report = imports.importPng(me.id(), bytes, name);
    } else {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        ImportReport bad = new ImportReport(name);
        bad.error(name + " is not UTF-8 text, JSON or a PNG image.");
        show(ctx, bad, 400);
        return;
      }
      String trimmed = text.startsWith("\uFEFF") ? text.substring(1).strip() : text.strip();
      boolean json = trimmed.startsWith("{") || name.toLowerCase(Locale.ROOT).endsWith(".json");
      report = json ? transfer.importJson(me.id(), trimmed.getBytes(StandardCharsets.UTF_8)) : imports.importStyles(me.id(), text);
    }
    show(ctx, report, report.status());
  }

  private static byte[] read(UploadedFile file) {
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
