package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.scene.SubjectWords.Figure;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubjectWordsTest {

  private final SubjectWords words = SubjectWords.standard();

  @Test
  void everyShapeLoadsWithASubstantialOutline() {
    List<Figure> figures = words.figures();
    assertTrue(figures.size() >= 50, "shapes: " + figures.size());
    for (Figure f : figures) {
      double boxArea = f.bounds().getWidth() * f.bounds().getHeight();
      double filled = SvgPathTest.area(f.outline());
      // A silhouette, not a hairline: at least a sixth of its box, and inside the 100-unit box (round line
      // ends may poke out by half a line width).
      assertTrue(filled > boxArea / 6, f.name() + " fills " + filled + " of " + boxArea);
      assertTrue(f.bounds().getMaxX() <= 102 && f.bounds().getMaxY() <= 102 && f.bounds().getMinX() >= -2
          && f.bounds().getMinY() >= -2, f.name() + " leaves the box: " + f.bounds());
      assertTrue(f.bounds().getHeight() > 20 && f.bounds().getWidth() > 15, f.name() + " is tiny: " + f.bounds());
      assertTrue(f.height() > 0, f.name());
    }
  }

  @Test
  void hasEveryFigureTheIssueAsksFor() {
    Set<String> names = words.figures().stream().map(Figure::name).collect(Collectors.toSet());
    for (String needed : List.of("person", "person-sitting", "person-walking", "cat", "dog", "fox", "bird", "horse",
        "fish", "deer", "bear", "house", "cabin", "castle", "lighthouse", "tower", "bridge", "boat", "car", "bicycle",
        "train", "tree", "flower", "mushroom", "bottle", "cup", "bowl", "book", "lamp", "owl", "hedgehog", "rabbit",
        "frog", "ladybug", "jellyfish", "polar bear", "violin", "sailboat", "paper boat", "umbrella", "snowman",
        "sword", "spaceship", "astronaut", "eiffel tower", "temple", "vase of flowers", "wallet", "chess board",
        "basket", "bread", "bee", "dragon", "peacock")) {
      assertTrue(names.contains(needed), "missing " + needed);
    }
  }

  @Test
  void partsHaveRolesAndThingsThatGlowHaveALight() {
    Figure lighthouse = words.figure("lighthouse");
    assertTrue(lighthouse.parts().stream().anyMatch(p -> p.role() == SubjectWords.Role.LIGHT));
    assertTrue(words.figure("house").parts().stream().anyMatch(p -> p.role() == SubjectWords.Role.WINDOW));
    assertTrue(words.figure("car").parts().size() >= 2);
    assertEquals("in", words.figure("basket").holds());
    assertTrue(words.figure("snowman").pale());
    assertFalse(words.figure("cat").pale());
  }

  @Test
  void aBadPathStopsTheLoadNamingTheShape() throws Exception {
    var json = dev.visionary.json.Json.MAPPER.readTree("""
        {"kinds": {}, "colors": {}, "framing": {}, "shapes": [
          {"name": "blot", "kind": "object", "height": 1, "stands": "ground", "words": ["blot"], "path": "M0 0 L10"}
        ]}""");
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new SubjectWords(json));
    assertTrue(e.getMessage().contains("blot") && e.getMessage().contains("expected a number"), e.getMessage());
  }
}
