package dev.visionary.generate.scene;

import java.util.EnumSet;
import java.util.Set;

/** What a prompt asks to see, reduced to what the painter can draw. */
record Scene(Set<Element> elements, TimeOfDay time, Set<Mood> moods) {

  Scene {
    elements = elements.isEmpty() ? EnumSet.noneOf(Element.class) : EnumSet.copyOf(elements);
    moods = moods.isEmpty() ? EnumSet.noneOf(Mood.class) : EnumSet.copyOf(moods);
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
}
