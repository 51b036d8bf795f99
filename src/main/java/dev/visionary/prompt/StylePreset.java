package dev.visionary.prompt;

import java.util.Arrays;
import java.util.Optional;

/**
 * The looks a person can ask for. Each preset's descriptive words (its lead, tags, techniques and what to
 * keep out of the picture) live in {@code vocabulary/styles.json} under the preset's id.
 */
public enum StylePreset {
  NONE("none", "Auto (no preset)"),
  PHOTO("photo", "Photo"),
  CINEMATIC("cinematic", "Cinematic"),
  WATERCOLOR("watercolor", "Watercolor"),
  OIL_PAINTING("oil-painting", "Oil painting"),
  ANIME("anime", "Anime"),
  RENDER_3D("3d-render", "3D render"),
  PIXEL_ART("pixel-art", "Pixel art"),
  LINE_ART("line-art", "Line art"),
  ISOMETRIC("isometric", "Isometric"),
  FANTASY_ART("fantasy-art", "Fantasy art"),
  COMIC("comic", "Comic book"),
  LOW_POLY("low-poly", "Low poly"),
  STUDIO_PRODUCT("studio-product", "Studio product"),
  ANALOG_FILM("analog-film", "Analog film"),
  CONCEPT_ART("concept-art", "Concept art"),
  MINIMALIST("minimalist", "Minimalist"),
  VAPORWAVE("vaporwave", "Vaporwave"),
  INK_WASH("ink-wash", "Ink wash"),
  CLAYMATION("claymation", "Claymation");

  private final String id;
  private final String label;

  StylePreset(String id, String label) {
    this.id = id;
    this.label = label;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public static Optional<StylePreset> byId(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
