package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SceneWordsTest {

  private final SceneWords words = SceneWords.standard();

  private Scene read(String prompt) {
    return words.read(prompt, null, 0, SceneWords.Footing.ANY);
  }

  @Test
  void readsElementsAndTheTimeOfDay() {
    Scene scene = read("Snowy mountains at dawn");
    assertTrue(scene.has(Element.MOUNTAINS));
    assertTrue(scene.has(Element.SNOW));
    assertEquals(TimeOfDay.DAWN, scene.time());
  }

  @Test
  void understandsPhrases() {
    assertEquals(TimeOfDay.GOLDEN, read("a harbour in the golden hour").time());
    assertTrue(read("a beach in black and white").has(Mood.MONOCHROME));
    assertTrue(read("tall palm trees").has(Element.PALMS));
  }

  @Test
  void matchesWholeWordsOnly() {
    Scene scene = read("seasoning on a seashell, citywide");
    assertFalse(scene.has(Element.SEA));
    assertFalse(scene.has(Element.CITY));
  }

  @Test
  void theFirstTimeNamedWins() {
    assertEquals(TimeOfDay.DAWN, read("a lake from dawn to dusk").time());
  }

  @Test
  void starsAndNeonSuggestNight() {
    assertEquals(TimeOfDay.NIGHT, read("desert dunes under stars").time());
    assertEquals(TimeOfDay.NIGHT, read("neon city").time());
    assertEquals(TimeOfDay.DAY, read("a quiet lake").time());
  }

  @Test
  void bringsAlongWhatAWordImplies() {
    Scene street = read("a rainy street");
    assertTrue(street.has(Element.CITY));
    assertTrue(street.has(Element.RAIN));
    assertTrue(street.has(Element.CLOUDS));
    assertTrue(read("a beach").has(Element.SEA));
  }

  @Test
  void theNegativePromptRemovesElements() {
    Scene scene = words.read("a sunset over the sea", "clouds, sun", 0, SceneWords.Footing.ANY);
    assertTrue(scene.has(Element.SEA));
    assertFalse(scene.has(Element.CLOUDS));
    assertFalse(scene.has(Element.SUN));
  }

  @Test
  void aPromptWithNothingToPaintStillGetsALandscape() {
    for (long variant = 0; variant < 10; variant++) {
      Set<Element> elements = words.read("a cat", null, variant, SceneWords.Footing.LAND).elements();
      assertTrue(elements.stream().anyMatch(e -> Set.of(Element.HILLS, Element.MOUNTAINS, Element.FOREST).contains(e)),
          elements.toString());
      assertFalse(elements.contains(Element.LAKE) || elements.contains(Element.SEA), elements.toString());
      // Weather nobody asked for: fog washed a red car grey.
      assertFalse(elements.contains(Element.FOG) || elements.contains(Element.RAIN), elements.toString());
    }
  }

  @Test
  void aBorrowedLandscapeGivesAnAnimalLandAndABoatOrAFishWater() {
    // On a lake's far shore a cat on a dog read as sitting on the water.
    SceneRenderer renderer = new SceneRenderer();
    for (long seed = 0; seed < 20; seed++) {
      Scene animals = renderer.plan("a cat sitting on top of a sleeping dog", null, seed, 512, 512).scene();
      assertFalse(animals.hasWater(), "seed " + seed + ": " + animals.elements());
      Scene boat = renderer.plan("a sailboat", null, seed, 512, 512).scene();
      assertTrue(boat.hasWater(), "seed " + seed + ": " + boat.elements());
      Scene fish = renderer.plan("a koi", null, seed, 512, 512).scene();
      assertTrue(fish.hasWater(), "seed " + seed + ": a fish swims: " + fish.elements());
    }
  }

  @Test
  void readsMoods() {
    Scene scene = read("a vibrant, warm pastel meadow");
    assertEquals(Set.of(Mood.VIBRANT, Mood.WARM, Mood.PASTEL), scene.moods());
  }
}
