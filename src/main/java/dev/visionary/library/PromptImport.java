package dev.visionary.library;

import dev.visionary.png.ImageMetadata;
import dev.visionary.png.PngText;
import dev.visionary.prompt.Target;
import dev.visionary.web.Forms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * AUTOMATIC1111 styles.csv both ways, and prompts read from PNG files. A style is a prompt whose title is
 * the style's name, tagged {@value SavedStyles#TAG} so the Studio and Generate forms offer it; importing a style
 * that is already there unchanged changes nothing else.
 */
final class PromptImport {
  private final Prompts prompts;

  PromptImport(Prompts prompts) {
    this.prompts = prompts;
  }

  /** Every live prompt as a style; names are made unique the way a person would ("Name (2)"). */
  byte[] exportStyles(long ownerId) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", "prompt", "negative_prompt"));
    Map<String, Integer> seen = new java.util.HashMap<>();
    prompts.jdbi().useHandle(h -> h.createQuery("select title, text, negative from prompts where owner_id = :o and deleted_at is null"
            + " order by lower(title), created_at, id")
        .bind("o", ownerId)
        .map((rs, ctx) -> List.of(rs.getString("title"), rs.getString("text"), rs.getString("negative")))
        .forEach(r -> {
          int n = seen.merge(r.get(0).toLowerCase(Locale.ROOT), 1, Integer::sum);
          rows.add(List.of(n == 1 ? r.get(0) : r.get(0) + " (" + n + ")", r.get(1), r.get(2)));
        }));
    // A1111 writes UTF-8 with a byte-order mark; so do we, so its own reader is at home.
    return ("\uFEFF" + Csv.write(rows)).getBytes(StandardCharsets.UTF_8);
  }

  ImportReport importStyles(long ownerId, String csv) {
    ImportReport report = new ImportReport("styles.csv");
    List<List<String>> rows;
    try {
      rows = Csv.read(csv);
    } catch (Csv.Invalid e) {
      report.error("The file is not valid CSV: " + e.getMessage());
      return report;
    }
    if (rows.isEmpty()) {
      report.error("The file is empty.");
      return report;
    }
    List<String> header = rows.get(0).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
    int name = header.indexOf("name");
    int prompt = header.indexOf("prompt") >= 0 ? header.indexOf("prompt") : header.indexOf("text");
    int negative = header.indexOf("negative_prompt");
    if (name < 0 || prompt < 0) {
      report.error("The first row must name the columns: name, prompt, negative_prompt.");
      return report;
    }
    // A repeated name: the last row wins, as in AUTOMATIC1111.
    Map<String, String[]> styles = new LinkedHashMap<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      String styleName = Csv.restore(cell(row, name)).strip();
      if (styleName.startsWith("#")) {
        continue;
      }
      String line = "Row " + (i + 1);
      // Line endings as the prompt form stores them, whatever the file used inside quoted fields.
      String text = Csv.restore(cell(row, prompt)).replace("\r\n", "\n").strip();
      String neg = negative < 0 ? "" : Csv.restore(cell(row, negative)).replace("\r\n", "\n").strip();
      if (styleName.isEmpty()) {
        report.error(line + ": the style has no name.");
      } else if (styleName.length() > 200) {
        report.error(line + " (“" + styleName.substring(0, 40) + "…”): the name is longer than 200 characters.");
      } else if (text.isEmpty() && neg.isEmpty()) {
        report.error(line + " (“" + styleName + "”): both the prompt and the negative prompt are empty.");
      } else if (text.length() > PromptForm.MAX_TEXT || neg.length() > 4000) {
        report.error(line + " (“" + styleName + "”): the prompt is too long.");
      } else if (!usable(styleName, text, neg)) {
        report.error(line + ": the name or a prompt contains characters that can't be used (control characters or invalid text encoding).");
      } else {
        styles.remove(styleName);
        styles.put(styleName, new String[] {text, neg});
      }
    }
    PromptCaps caps = prompts.caps();
    if (styles.size() > caps.perImport()) {
      report.refuse(caps.tooManyInFile());
      return report;
    }
    for (Map.Entry<String, String[]> style : styles.entrySet()) {
      try {
        save(ownerId, style.getKey(), style.getValue()[0], style.getValue()[1], "{}", Target.STABLE_DIFFUSION.id(), "Updated from styles.csv",
            report);
      } catch (PromptCaps.Full e) {
        report.error("“" + style.getKey() + "” and the styles after it were not added: " + e.getMessage());
        break;
      }
    }
    return report;
  }

  ImportReport importPng(long ownerId, byte[] png, String fileName) {
    ImportReport report = new ImportReport("PNG");
    Optional<PngText> readable = PngText.read(png);
    if (readable.isEmpty()) {
      report.error(fileName + ": the PNG could not be read (it may be damaged or cut short).");
      return report;
    }
    readable.get().skipped().forEach(why -> report.error(fileName + ": " + why));
    Map<String, String> chunks = readable.get().text();
    List<String> problems = new ArrayList<>();
    Optional<ImageMetadata.Found> found = ImageMetadata.find(chunks, problems);
    problems.forEach(why -> report.error(fileName + ": " + why));
    if (found.isEmpty() || found.get().text().isEmpty()) {
      report.error(fileName + ": no prompt found. Visionary reads AUTOMATIC1111/Forge \"parameters\", InvokeAI, ComfyUI and Fooocus metadata.");
      return report;
    }
    ImageMetadata.Found f = found.get();
    if (f.text().length() > PromptForm.MAX_TEXT || f.negative().length() > 4000) {
      report.error(fileName + ": the prompt in this image is longer than Visionary keeps.");
      return report;
    }
    if (!usable("", f.text(), f.negative())) {
      report.error(fileName + ": the prompt in this image contains characters that can't be used (control characters).");
      return report;
    }
    List<String> rawProblems = new ArrayList<>();
    List<ImageMetadata.Chunk> raw = ImageMetadata.raw(chunks, rawProblems);
    rawProblems.forEach(why -> report.error(fileName + ": " + why));
    String title = Slugs.suggestTitle("", f.text());
    // Matched by its words, so importing the same PNG twice keeps one prompt.
    Optional<Prompt> same = prompts.jdbi().withHandle(h -> h.createQuery("select " + Prompt.COLUMNS
            + " from prompts p join users u on u.id = p.owner_id where p.owner_id = :o and p.deleted_at is null"
            + " and p.text = :text and p.negative = :negative order by p.updated_at desc limit 1")
        .bind("o", ownerId).bind("text", f.text()).bind("negative", f.negative())
        .map(Prompt.ROW).findOne());
    if (same.isPresent()) {
      report.unchanged();
      report.image(new ImportReport.Image(same.get().title(), same.get().url(), f.source(), JsonParams.entries(f.params())));
      return report;
    }
    try {
      String id = prompts.create(ownerId, new PromptDraft(title, f.text(), f.negative(), Target.STABLE_DIFFUSION.id(), f.params(), "", null,
              null, Visibility.PRIVATE), List.of(), null, null,
          (h, promptId) -> PromptImageMetadata.insert(h, promptId, f.source(), raw)).id();
      report.created();
      report.image(new ImportReport.Image(title, Prompt.url(id, Slugs.slug(title)), f.source(), JsonParams.entries(f.params())));
    } catch (PromptCaps.Full e) {
      report.error(fileName + ": " + e.getMessage());
    }
    return report;
  }

  /**
   * Styles are matched by name: an unchanged one is left alone, a changed one gets a new version. Throws
   * {@link PromptCaps.Full} when a new prompt would not fit.
   */
  private void save(long ownerId, String title, String text, String negative, String params, String target, String updateNote,
      ImportReport report) {
    Optional<Prompt> same = prompts.jdbi().withHandle(h -> h.createQuery("select " + Prompt.COLUMNS
            + " from prompts p join users u on u.id = p.owner_id where p.owner_id = :o and p.deleted_at is null and p.title = :title"
            + " order by p.updated_at desc limit 1")
        .bind("o", ownerId).bind("title", title)
        .map(Prompt.ROW).findOne());
    if (same.isEmpty()) {
      prompts.create(ownerId, new PromptDraft(title, text, negative, target, params, "", null, null, Visibility.PRIVATE),
          List.of(SavedStyles.TAG));
      report.created();
      return;
    }
    Prompt p = same.get();
    // Imported again from a styles.csv, it is a style again even if its tag was taken off.
    prompts.jdbi().useHandle(h -> Tags.attach(h, ownerId, p.id(), SavedStyles.TAG));
    if (p.text().equals(text) && p.negative().equals(negative)) {
      report.unchanged();
      return;
    }
    prompts.update(p, new PromptDraft(p.title(), text, negative, p.target(), p.params(), p.idea(), p.expansionId(), p.parentId(),
        p.visibility()), updateNote, null);
    report.updated();
  }

  /** The prompt form's character rules (no NUL or other control characters; newlines only in the prompts). */
  private static boolean usable(String name, String text, String negative) {
    try {
      Forms.clean("name", "The name", name, 200, false);
      Forms.clean("text", "The prompt", text, PromptForm.MAX_TEXT, true);
      Forms.clean("negative", "The negative prompt", negative, 4000, true);
      return true;
    } catch (Forms.Invalid e) {
      return false;
    }
  }

  private static String cell(List<String> row, int index) {
    return index < row.size() ? row.get(index) : "";
  }
}
