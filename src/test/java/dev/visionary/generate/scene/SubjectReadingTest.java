package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.generate.scene.SubjectReading.Framing;
import dev.visionary.generate.scene.SubjectReading.Placement;
import dev.visionary.generate.scene.SubjectReading.Reading;
import dev.visionary.generate.scene.SubjectReading.Relation;
import dev.visionary.generate.scene.SubjectReading.Subject;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SubjectReadingTest {

  private final SubjectWords words = SubjectWords.standard();

  private Reading read(String prompt) {
    return SubjectReading.read(words, prompt, null);
  }

  /** "cat×3, basket×1": what will be drawn, in order. */
  private String drawn(String prompt) {
    return read(prompt).subjects().stream().map(s -> s.figure().name() + "×" + s.count())
        .collect(Collectors.joining(", "));
  }

  @Test
  void countsFromNumberWordsAndPlurals() {
    assertEquals("cat×3, basket×1", drawn("three kittens sleeping in a basket"));
    assertEquals("cat×3", drawn("three kittens"));
    assertEquals("dog×2", drawn("two puppies"));
    assertEquals("bird×3", drawn("birds over the sea"));
    assertEquals("horse×1", drawn("horse"));
    assertEquals("house×4", drawn("4 houses by a lake"));
    assertEquals("fish×5", drawn("an underwater coral reef teeming with fish"));
    assertEquals("fish×1", drawn("a fish"));
    assertEquals(SubjectReading.MAX_COUNT, read("99 cats").subjects().get(0).count());
  }

  @Test
  void synonymsAndLongerNamesWin() {
    assertEquals("dog×1", drawn("a golden retriever puppy in autumn leaves"));
    assertEquals("polar bear×1", drawn("a polar bear on an ice floe under the northern lights"));
    assertEquals("eiffel tower×1", drawn("minimalist poster of the eiffel tower"));
    assertEquals("lighthouse×1", drawn("ein alter leuchtturm im nebel"));
    assertEquals("temple×1", drawn("竹林の中の小さな寺"));
    assertEquals("mushroom×1", drawn("🍄🌲✨"));
    assertEquals("vase of flowers×1", drawn("oil painting of sunflowers in a clay vase"));
  }

  @Test
  void pairsKeepTheirOrderAndColours() {
    Reading r = read("a red vintage car parked next to a blue bicycle");
    assertEquals("car×1, bicycle×1", drawn("a red vintage car parked next to a blue bicycle"));
    assertEquals(words.colorWord("red"), r.subjects().get(0).tint());
    assertEquals(words.colorWord("blue"), r.subjects().get(1).tint());
    assertEquals("fox×1, rabbit×1, umbrella×1", drawn("a fox and a rabbit sharing an umbrella in the rain"));
    assertNull(read("a fox").subjects().get(0).tint());
  }

  @Test
  void whatStandsOnWhat() {
    Reading r = read("a cat sitting on top of a sleeping dog");
    assertEquals("cat×1, dog-lying×1", drawn("a cat sitting on top of a sleeping dog"));
    Subject cat = r.subjects().get(0);
    assertEquals(Relation.ON, cat.relation());
    assertEquals(1, cat.target());
    assertEquals(Relation.IN, read("three kittens sleeping in a basket").subjects().get(0).relation());
    assertEquals(Relation.ON, read("a tiny frog on a mushroom after rain").subjects().get(0).relation());
    assertEquals(Relation.ON, read("fresh bread on the table").subjects().get(0).relation());
    // In front of is beside, and a cat in a house is not drawn inside the outline.
    assertEquals(Relation.BESIDE, read("a cat in front of a house").subjects().get(0).relation());
    assertEquals(Relation.BESIDE, read("a cat in a house").subjects().get(0).relation());
  }

  @Test
  void posesPickTheFigure() {
    assertEquals("person-walking×1", drawn("a samurai walking through a bamboo forest in heavy rain"));
    assertEquals("person-sitting×1", drawn("a woman sitting by the window"));
    // A portrait is a head-and-shoulders bust; a violinist brings a violin.
    assertEquals("bust×1, violin×1", drawn("portrait of a young violinist, chiaroscuro"));
    assertEquals(Framing.CLOSE, read("a portrait of an elderly woman, 85mm").framing());
    assertEquals("person×1, violin×1", drawn("a violinist on a stage"));
    assertEquals(Relation.HELD, read("a violinist on a stage").subjects().get(1).relation());
    assertEquals(0, read("a violinist on a stage").subjects().get(1).target());
    assertTrue(read("an astronaut floating inside a space station").subjects().get(0).airborne());
    // A futuristic train is no steam locomotive.
    assertEquals("train-modern×1", drawn("a futuristic train station on a desert planet"));
    assertEquals("train-modern×1", drawn("a bullet train passing mount fuji"));
    assertEquals("train×1", drawn("a steam train in the mountains"));
    assertEquals("train×1", drawn("an old steam train in a modern city"));
  }

  @Test
  void negationLeavesThingsOut() {
    assertEquals("", drawn("a scandinavian living room with a fireplace, no people"));
    assertEquals("", drawn("an empty beach without umbrellas or people"));
    assertEquals("", drawn("a forest in black and white, no animals"));
    assertEquals("", drawn("a meadow without a cat, no dogs and no horses"));
    assertEquals("house×1", drawn("a house with no people"));
    // "no animals" covers every animal; the negative prompt removes what it names.
    assertEquals("house×1", drawn("a house and a dog, no animals"));
    assertEquals("house×1", SubjectReading.read(words, "a house and a dog", "dog, blurry").subjects().stream()
        .map(s -> s.figure().name() + "×" + s.count()).collect(Collectors.joining(", ")));
    // Negation does not leak past the list it governs.
    assertEquals("cat×1", drawn("no people, a cat"));
  }

  @Test
  void wordsThatOnlyLookLikeSubjects() {
    assertEquals("hedgehog×1, flower×3", drawn("children's book illustration of a hedgehog planting flowers"));
    assertEquals("ladybug×1", drawn("macro photo of a ladybug on a blade of grass"));
  }

  @Test
  void breedWordsColourTheSubject() {
    Color golden = words.colorWord("golden");
    assertEquals(golden, read("a golden retriever puppy in autumn leaves").subjects().get(0).tint());
    // A colour word said before the breed still wins: it is what the prompt asked for.
    assertEquals(words.colorWord("black"), read("a black labrador").subjects().get(0).tint());
    assertNull(read("a dog in the park").subjects().get(0).tint());
  }

  @Test
  void placesAndScenesThatNameABuilding() {
    assertEquals("cabin×1", drawn("the sound of rain on a tin roof"));
    assertEquals("shop×1", drawn("isometric tiny ramen shop at night"));
    assertEquals("shop×1", drawn("a bakery on the corner of a quiet street"));
    // A shop window is seen from close by: the setting paints it, not a whole shop.
    assertEquals("", drawn("a bakery window at night with a neon sign that says OPEN LATE"));
    assertEquals("shop×1", drawn("a cozy café on a rainy street"));
    assertEquals("ferris wheel×1", drawn("an abandoned amusement park at twilight"));
    assertEquals("ferris wheel×1", drawn("a carnival at night"));
    assertEquals("tea ceremony×1", drawn("a tea ceremony in a japanese garden, ukiyo-e"));
    // A fair face is not a fairground.
    assertEquals("person×1", drawn("a woman with fair hair"));
  }

  @Test
  void aBusySceneIsACrowdSeenFromFurtherOff() {
    Reading market = read("a busy medieval marketplace with merchants selling spices, silk and pottery while a "
        + "juggler entertains children in front of a stone fountain");
    assertEquals("person×" + SubjectReading.CROWD, market.subjects().stream()
        .map(s -> s.figure().name() + "×" + s.count()).collect(Collectors.joining(", ")));
    assertEquals(Framing.WIDE, market.framing());
    assertEquals("person×1, shop×1", drawn("a merchant in his shop at dawn"));
  }

  @Test
  void compositionWords() {
    assertEquals(Framing.CLOSE, read("macro photo of a ladybug").framing());
    assertEquals(Framing.CLOSE, read("a cat, close-up").framing());
    assertEquals(Framing.WIDE, read("aerial view of a winding river").framing());
    assertEquals(Framing.WIDE, read("a lighthouse, wide shot").framing());
    assertEquals(Framing.NORMAL, read("a lighthouse").framing());
    assertEquals(Placement.CENTRED, read("a cat, centred").placement());
    assertEquals(Placement.CENTRED, read("minimalist poster of the eiffel tower").placement());
    assertEquals(Placement.THIRDS, read("a lone tree, rule of thirds").placement());
    assertEquals(Placement.FREE, read("a lone tree").placement());
  }

  /** The dev ideas that name something drawable, and what each draws. */
  @Test
  void devIdeasWithSubjects() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("an owl reading a newspaper", "owl×1, book×1");
    expected.put("logo for a bicycle repair shop called Spoke & Chain", "bicycle×1, shop×1");
    expected.put("product shot of a leather wallet on a marble table", "wallet×1, table×1");
    expected.put("pixel art spaceship cockpit", "spaceship×1");
    expected.put("glowing jellyfish drifting through a night sky", "jellyfish×1");
    expected.put("a wedding invitation with roses and the words \"Anna & Leo\"", "flower×3");
    expected.put("a bowl of pho, overhead shot", "bowl×1");
    expected.put("a futuristic train station on a desert planet", "train-modern×1");
    expected.put("a tiny frog on a mushroom after rain", "frog×1, mushroom×1");
    expected.put("a wooden sailboat in a calm harbor, 1950s postcard", "sailboat×1");
    expected.put("a snowman melting in the spring sun", "snowman×1");
    expected.put("a chess board in the middle of a desert", "chess board×1");
    expected.put("a knight kneeling before a glowing sword, dramatic backlight", "person-sitting×1, sword×1");
    expected.put("a paper boat on a stream, shallow depth of field", "paper boat×1");
    expected.put("sketch of a violin, pencil on paper", "violin×1");
    expected.put("a castle on a floating island above the clouds", "castle×1");
    expected.put("a kitchen at noon with fresh bread on the table", "bread×1, table×1");
    expected.put("a portrait of an elderly woman, 85mm, soft window light", "bust×1");
    expected.put("a dragon made of autumn leaves", "dragon×1");
    expected.put("infographic-style diagram of a honeybee", "bee×1");
    expected.put("a stained glass window of a peacock", "peacock×1");
    expected.put("a polar bear on an ice floe under the northern lights", "polar bear×1");
    expected.put("three kittens sleeping in a basket", "cat×3, basket×1");
    expected.put("a cat sitting on top of a sleeping dog", "cat×1, dog-lying×1");
    expected.put("a fox and a rabbit sharing an umbrella in the rain", "fox×1, rabbit×1, umbrella×1");
    expected.put("a red vintage car parked next to a blue bicycle", "car×1, bicycle×1");
    expected.put("an astronaut floating inside a space station, photorealistic", "astronaut×1");
    expected.put("a golden retriever puppy in autumn leaves", "dog×1");
    expected.put("horse", "horse×1");
    expected.put("a cozy reading nook in a lighthouse, watercolor", "lighthouse×1");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), drawn(e.getKey()), e.getKey());
    }
    List<String> none = List.of("a mountain lake at dawn", "a city skyline reflected in a puddle",
        "aerial view of a winding river through a rainforest", "a neon-lit arcade in the 1980s");
    for (String idea : none) {
      assertEquals("", drawn(idea), idea);
    }
  }
}
