package dev.visionary.generate.scene;

import java.awt.Color;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a prompt asks to see, reduced to what the painter can draw.
 *
 * @param setting the one place the picture shows
 * @param variant which room, graphic layout or world the setting is
 * @param accent the colour the prompt names for the setting's main surface (walls, backdrop, poster,
 *     a field of lavender), or null
 * @param texts words the picture must show, in the order given (quoted, or after "says", "called" …)
 */
record Scene(Set<Element> elements, TimeOfDay time, Set<Mood> moods, Setting setting, Variant variant,
    Season season, Color accent, List<String> texts) {

  Scene {
    elements = elements.isEmpty() ? EnumSet.noneOf(Element.class) : EnumSet.copyOf(elements);
    moods = moods.isEmpty() ? EnumSet.noneOf(Mood.class) : EnumSet.copyOf(moods);
    texts = List.copyOf(texts);
  }

  boolean has(Element element) {
    return elements.contains(element);
  }

  boolean has(Mood mood) {
    return moods.contains(mood);
  }

  boolean hasWater() {
    return has(Element.SEA) || has(Element.LAKE);
  }

  /** Rain hides the sun and greys the sky; fog alone does not. */
  boolean overcast() {
    return has(Element.RAIN) || has(Element.SNOWFALL);
  }

  /** No sun or moon shows: behind a rain ceiling, or lost in thick fog. */
  boolean skyHidden() {
    return overcast() || has(Element.THICK_FOG);
  }

  boolean dark() {
    return time == TimeOfDay.NIGHT || time == TimeOfDay.DUSK;
  }

  /** The first text to show, or null. */
  String text() {
    return texts.isEmpty() ? null : texts.get(0);
  }
}
