package dev.visionary.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What an import did, row by row problems included, shown to the person afterwards. */
final class ImportReport {
  /** A prompt read from an image: where it is now, which tool wrote it, and its settings as the prompt page shows them. */
  record Image(String title, String url, String tool, List<Map.Entry<String, String>> parameters) {}

  private final String source;
  private final List<Image> images = new ArrayList<>();
  private int created;
  private int updated;
  private int unchanged;
  private final List<String> errors = new ArrayList<>();
  private boolean refused;

  ImportReport(String source) {
    this.source = source;
  }

  void created() {
    created++;
  }

  void updated() {
    updated++;
  }

  void unchanged() {
    unchanged++;
  }

  void image(Image image) {
    images.add(image);
  }

  void error(String message) {
    if (errors.size() < 200) {
      errors.add(message);
    }
  }

  /** The whole file is refused for its size (it holds more than one import may), so nothing was read into the library. */
  void refuse(String message) {
    refused = true;
    error(message);
  }

  /** 413 for a file over the caps, 422 when nothing could be used, else 200 (with any row errors listed). */
  int status() {
    if (refused) {
      return 413;
    }
    return nothingImported() && !errors.isEmpty() ? 422 : 200;
  }

  public String getSource() {
    return source;
  }

  public int getCreated() {
    return created;
  }

  public int getUpdated() {
    return updated;
  }

  public int getUnchanged() {
    return unchanged;
  }

  public List<Image> getImages() {
    return images;
  }

  public List<String> getErrors() {
    return errors;
  }

  public boolean nothingImported() {
    return created == 0 && updated == 0 && unchanged == 0;
  }
}
