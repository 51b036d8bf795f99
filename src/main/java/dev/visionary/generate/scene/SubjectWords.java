package dev.visionary.generate.scene;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.json.Json;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The silhouettes the built-in engine can draw and the words that ask for each, from
 * {@code generate/shapes/shapes.json}. Paths are parsed once, when the table loads; a bad path stops the
 * load with the shape's name, so a broken figure never reaches a picture.
 */
final class SubjectWords {

  static final String RESOURCE = "/generate/shapes/shapes.json";

  /** Where a figure belongs in a picture; FRAME stands on the bottom edge, cut off by it (a portrait bust). */
  enum Stand { GROUND, SKY, WATER, FLOAT, FRAME }

  /** How a part of a figure is coloured: from the figure's fill, the scene's light, or its own colour. */
  enum Role { WINDOW, LIGHT, PALE, DARK, ACCENT }

  record Part(Role role, Color color, Shape shape) { }

  /**
   * One silhouette, in box units (0 to 100, base on the bottom edge).
   *
   * @param height natural height in metres
   * @param holds what others do with it: "in" (a basket), "top" (a table), "under" (an umbrella), or null
   * @param rim the share of its height, from the base, where what is in it or on it sits; NaN when the
   *     data does not say
   * @param poses a word near the name ("sleeping") and the figure drawn instead
   */
  record Figure(String name, String kind, double height, Stand stands, Shape outline, Rectangle2D bounds,
      List<Part> parts, Color tint, boolean pale, String holds, double rim, Map<String, String> poses) {

    double aspect() {
      return bounds.getWidth() / bounds.getHeight();
    }
  }

  /**
   * A phrase that names a figure; plural phrases ask for several.
   *
   * @param tint the colour the name itself gives ("golden retriever"), or null
   * @param with a figure the name brings along ("violinist" brings a violin), or null
   */
  record Phrase(List<String> words, String figure, boolean plural, boolean singular, Color tint, String with) { }

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<Phrase> phrases = new ArrayList<>();
  /** Words written in scripts without spaces (寺) or emoji (🍄), found anywhere in the prompt. */
  private final Map<String, String> glyphs = new LinkedHashMap<>();
  private final Map<String, String> kindWords = new HashMap<>();
  private final Map<String, Color> colors = new HashMap<>();
  /** Composition words: "close", "wide", "centred", "thirds" and the phrases that ask for each. */
  private final Map<String, List<List<String>>> framing = new HashMap<>();
  private final List<List<String>> ignored = new ArrayList<>();

  SubjectWords(JsonNode root) {
    root.get("kinds").fields().forEachRemaining(e -> {
      for (JsonNode w : e.getValue()) {
        kindWords.put(w.asText(), e.getKey());
      }
    });
    root.get("colors").fields().forEachRemaining(e -> colors.put(e.getKey(), color(e.getValue().asText())));
    root.get("framing").fields().forEachRemaining(e -> {
      List<List<String>> list = new ArrayList<>();
      for (JsonNode w : e.getValue()) {
        list.add(SubjectReading.tokens(w.asText()));
      }
      framing.put(e.getKey(), list);
    });
    for (JsonNode w : root.path("ignore")) {
      ignored.add(SubjectReading.tokens(w.asText()));
    }
    for (JsonNode node : root.get("shapes")) {
      String name = node.get("name").asText();
      try {
        figures.put(name, figure(node, figures));
      } catch (RuntimeException e) {
        throw new IllegalStateException("shape \"" + name + "\" in " + RESOURCE + ": " + e.getMessage(), e);
      }
      List<String> singulars = new ArrayList<>();
      List<String> plurals = new ArrayList<>();
      for (JsonNode w : node.path("plural")) {
        plurals.add(w.asText());
      }
      Map<String, Color> tints = new HashMap<>();
      node.path("tints").fields().forEachRemaining(e -> tints.put(e.getKey(), color(e.getValue().asText())));
      Map<String, String> with = new HashMap<>();
      node.path("with").fields().forEachRemaining(e -> with.put(e.getKey(), e.getValue().asText()));
      for (JsonNode w : node.path("words")) {
        singulars.add(w.asText());
        // "fish" and "deer" are both one and many; the words around them decide.
        addPhrase(w.asText(), name, plurals.contains(w.asText()), true, tints.get(w.asText()), with.get(w.asText()));
      }
      for (String word : plurals) {
        if (!singulars.contains(word)) {
          addPhrase(word, name, true, false, tints.get(word), with.get(word));
        }
      }
    }
    for (Figure f : figures.values()) {
      for (String target : f.poses().values()) {
        if (!figures.containsKey(target)) {
          throw new IllegalStateException("shape \"" + f.name() + "\" has a pose drawn by unknown shape " + target);
        }
      }
    }
    for (Phrase p : phrases) {
      if (p.with() != null && !figures.containsKey(p.with())) {
        throw new IllegalStateException("\"" + String.join(" ", p.words()) + "\" brings unknown shape " + p.with());
      }
    }
    // Longest phrases first, so "golden retriever" wins over "retriever" and "polar bear" over "bear".
    phrases.sort((a, b) -> Integer.compare(b.words().size(), a.words().size()));
  }

  private void addPhrase(String word, String figure, boolean plural, boolean singular, Color tint, String with) {
    if (word.codePoints().anyMatch(SubjectWords::isGlyph)) {
      glyphs.put(word, figure);
    } else {
      phrases.add(new Phrase(SubjectReading.tokens(word), figure, plural, singular, tint, with));
    }
  }

  /** Han, kana and pictographs: scripts and symbols that do not separate words by spaces. */
  private static boolean isGlyph(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA || Character.getType(cp) == Character.OTHER_SYMBOL;
  }

  /** @param known the figures loaded so far, which a composed figure is built from */
  private static Figure figure(JsonNode node, Map<String, Figure> known) {
    Area outline = node.has("path") ? union(SvgPath.parse(node.get("path").asText())) : new Area();
    List<Part> parts = new ArrayList<>();
    // A scene of several figures (two people at a tea ceremony) is one figure made of others, placed in
    // its box by left edge, base and height, so it is drawn as one group and never pulled apart by the row.
    for (JsonNode c : node.path("compose")) {
      Figure f = known.get(c.get("shape").asText());
      if (f == null) {
        throw new IllegalArgumentException("composed of unknown (or later) shape " + c.get("shape").asText());
      }
      Rectangle2D b = f.bounds();
      double scale = c.get("height").asDouble() / b.getHeight();
      double left = c.get("x").asDouble();
      double dy = c.get("base").asDouble() - b.getMaxY() * scale;
      AffineTransform at = c.path("flip").asBoolean()
          ? new AffineTransform(-scale, 0, 0, scale, left + b.getMaxX() * scale, dy)
          : new AffineTransform(scale, 0, 0, scale, left - b.getMinX() * scale, dy);
      outline.add(new Area(at.createTransformedShape(f.outline())));
      for (Part p : f.parts()) {
        parts.add(new Part(p.role(), p.color(), at.createTransformedShape(p.shape())));
      }
    }
    if (node.has("holes")) {
      outline.subtract(union(SvgPath.parse(node.get("holes").asText())));
    }
    if (node.has("lines")) {
      JsonNode lines = node.get("lines");
      float width = (float) lines.get("width").asDouble();
      outline.add(new Area(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
          .createStrokedShape(SvgPath.parse(lines.get("path").asText()))));
    }
    for (JsonNode p : node.path("parts")) {
      Role role = Role.valueOf(p.get("role").asText().toUpperCase(Locale.ROOT));
      Color color = p.has("color") ? color(p.get("color").asText()) : null;
      if (role == Role.ACCENT && color == null) {
        throw new IllegalArgumentException("an accent part needs a color");
      }
      Area shape = union(SvgPath.parse(p.get("path").asText()));
      // Parts belong to the silhouette (a flower's petals, a boat's sails): its shadow and rim include them.
      outline.add(shape);
      parts.add(new Part(role, color, new Path2D.Double(shape)));
    }
    Rectangle2D bounds = outline.getBounds2D();
    if (outline.isEmpty() || bounds.getWidth() < 5 || bounds.getHeight() < 5) {
      throw new IllegalArgumentException("outline is empty or tiny");
    }
    Map<String, String> poses = new LinkedHashMap<>();
    node.path("poses").fields().forEachRemaining(e -> poses.put(e.getKey(), e.getValue().asText()));
    double height = node.get("height").asDouble();
    if (!(height > 0)) {
      throw new IllegalArgumentException("height must be positive");
    }
    return new Figure(node.get("name").asText(), node.get("kind").asText(), height,
        Stand.valueOf(node.get("stands").asText().toUpperCase(Locale.ROOT)), new Path2D.Double(outline), bounds,
        List.copyOf(parts), node.has("tint") ? color(node.get("tint").asText()) : null,
        "pale".equals(node.path("tone").asText()), node.has("holds") ? node.get("holds").asText() : null,
        node.has("rim") ? node.get("rim").asDouble() : Double.NaN, Collections.unmodifiableMap(poses));
  }

  /** Fills every subpath on its own and joins them, so overlapping pieces add up whichever way they wind. */
  private static Area union(Path2D path) {
    Area all = new Area();
    Path2D.Double piece = null;
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      switch (type) {
        case PathIterator.SEG_MOVETO -> {
          if (piece != null) {
            all.add(new Area(piece));
          }
          piece = new Path2D.Double();
          piece.moveTo(c[0], c[1]);
        }
        case PathIterator.SEG_LINETO -> piece.lineTo(c[0], c[1]);
        case PathIterator.SEG_QUADTO -> piece.quadTo(c[0], c[1], c[2], c[3]);
        case PathIterator.SEG_CUBICTO -> piece.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
        default -> piece.closePath();
      }
    }
    if (piece != null) {
      all.add(new Area(piece));
    }
    return all;
  }

  private static Color color(String hex) {
    if (!hex.matches("#[0-9a-fA-F]{6}")) {
      throw new IllegalArgumentException("bad colour " + hex);
    }
    return new Color(Integer.parseInt(hex.substring(1), 16));
  }

  /** The table shipped with the application. */
  static SubjectWords standard() {
    return Holder.STANDARD;
  }

  private static final class Holder {
    static final SubjectWords STANDARD = load();

    private static SubjectWords load() {
      try (InputStream in = SubjectWords.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return new SubjectWords(Json.MAPPER.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  Figure figure(String name) {
    Figure f = figures.get(name);
    if (f == null) {
      throw new IllegalArgumentException("no shape named " + name);
    }
    return f;
  }

  List<Figure> figures() {
    return List.copyOf(figures.values());
  }

  List<Phrase> phrases() {
    return phrases;
  }

  Map<String, String> glyphs() {
    return glyphs;
  }

  /** The kind ("person", "animal") a general word names, or null. */
  String kind(String word) {
    return kindWords.get(word);
  }

  /** Phrases that contain a subject's word but name no subject. */
  List<List<String>> ignored() {
    return ignored;
  }

  /** The phrases of one kind of composition word ("close", "wide", "centred", "thirds"). */
  List<List<String>> framing(String kind) {
    return framing.getOrDefault(kind, List.of());
  }

  /** The colour a word names ("red", "golden"), or null. */
  Color colorWord(String word) {
    return colors.get(word);
  }
}
