package dev.visionary.expand.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DynamicPromptTest {
  private static final Wildcards NONE = Wildcards.none();

  private static List<String> all(String template) {
    return DynamicPrompt.parse(template).combinations(NONE);
  }

  private static DynamicPrompt.SyntaxError error(String template, Wildcards wildcards) {
    return assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse(template).count(wildcards));
  }

  @Test
  void aGroupPicksOneOptionAndGroupsNest() {
    assertEquals(List.of("a", "b", "c"), all("{a|b|c}"));
    assertEquals(List.of("a", "b", "c"), all("{a|{b|c}}"));
    assertEquals(List.of("a red car", "a blue car"), all("a {red|blue} car"));
  }

  @Test
  void severalGroupsCombineLikeAnOdometerWithoutRepeats() {
    assertEquals(List.of("a x", "a y", "b x", "b y"), all("{a|b} {x|y}"));
    assertEquals(List.of("a", "b"), all("{a|a|b}"));
    assertEquals(List.of("ab"), all("{a|a}{b|b}"));
  }

  @Test
  void aCountPicksThatManyDifferentOptionsInEveryOrder() {
    assertEquals(List.of("a,b", "a,c", "b,a", "b,c", "c,a", "c,b"), all("{2$$a|b|c}"), "joined by a bare comma, as dynamicprompts joins");
    assertEquals(List.of("a", "b", "a,b", "b,a"), all("{1-2$$a|b}"));
    assertEquals(List.of("a,b", "b,a"), all("{5$$a|b}"), "a count above the options means all of them");
    assertEquals(List.of("a and b", "b and a"), all("{2$$ and $$a|b}"));
    assertEquals(12, all("{2-$$a|b|c}").size(), "two or more of three: 6 pairs and 6 triples");
    assertEquals(List.of("a", "b", "a,b", "b,a"), all("{-2$$a|b}"));
    assertEquals(List.of(""), all("{0$$a|b}"));
  }

  @Test
  void weightsBiasRandomModeOnly() {
    List<String> picks = DynamicPrompt.parse("{0.1::rare|10::common}").random(NONE, 7, 1000);
    long common = picks.stream().filter("common"::equals).count();
    assertTrue(common > 900, "common picked " + common + " times of 1000");
    assertTrue(picks.contains("rare"), "a small weight is still possible");
    assertFalse(DynamicPrompt.parse("{0::never|1::always}").random(NONE, 7, 200).contains("never"));
    assertEquals(List.of("rare", "common"), all("{0.1::rare|10::common}"));
    assertEquals(List.of("a", "b"), all("{.5::a|2.::b}"));
  }

  @Test
  void whitespaceBeforeAnOptionIsDroppedAndAfterItKept() {
    assertEquals(List.of("a ", "b "), all("{ a | b }"));
    assertEquals(List.of("x a y", "x b y"), all("x { a| b} y"));
  }

  @Test
  void escapesAndEverydayPunctuationStayText() {
    assertEquals(List.of("{not a group}"), all("\\{not a group\\}"));
    assertEquals(List.of("a|b", "c"), all("{a\\|b|c}"));
    assertEquals(List.of("50% off a $5 #hashtag | ok", "50% off b $5 #hashtag | ok"), all("50% off {a|b} $5 #hashtag | ok"));
    assertEquals(List.of("costs $$ a", "costs $$ b"), all("costs $$ {a|b}"));
    assertEquals(List.of("snake_case and __init"), all("snake_case and __init"));
    assertEquals(List.of("\\(literal\\) a"), all("\\(literal\\) {a}"), "other backslashes are left for Stable Diffusion");
    assertFalse(DynamicPrompt.parse("\\{plain\\} text").isDynamic());
    assertTrue(DynamicPrompt.parse("a {b|c}").isDynamic());
    assertTrue(DynamicPrompt.parse("a __color__").isDynamic());
  }

  @Test
  void emptyTemplatesAndOptionsAreAllowed() {
    assertEquals(List.of(""), all(""));
    assertEquals(List.of(""), all("{}"));
    assertEquals(List.of("a", ""), all("{a|}"));
  }

  @Test
  void wildcardsExpandTheirListsWhichMayHoldSyntaxThemselves() {
    Wildcards lists = Wildcards.of(Map.of(
        "animal", List.of("{big|small} __pet__"),
        "pet", List.of("cat", "dog"),
        "Color", List.of("red", "blue")));
    assertEquals(List.of("a big cat", "a big dog", "a small cat", "a small dog"), DynamicPrompt.parse("a __animal__").combinations(lists));
    assertEquals(List.of("blue", "red"), DynamicPrompt.parse("__COLOR__").combinations(lists), "names ignore case; values sorted");
    List<String> random = DynamicPrompt.parse("__animal__").random(lists, 3, 50);
    assertTrue(Set.of("big cat", "big dog", "small cat", "small dog").containsAll(random), random.toString());
  }

  @Test
  void globsJoinEveryMatchingList() {
    Wildcards lists = Wildcards.of(Map.of(
        "colors-warm", List.of("red", "orange"),
        "colors-cool", List.of("blue", "red"),
        "shapes", List.of("circle")));
    assertEquals(List.of("blue", "orange", "red"), DynamicPrompt.parse("__colors*__").combinations(lists), "joined, de-duplicated, sorted");
    assertEquals(List.of("circle"), DynamicPrompt.parse("__sha?es__").combinations(lists));
  }

  @Test
  void listValuesAreCleanedLikeWildcardFiles() {
    Wildcards lists = Wildcards.of(Map.of("fruit", List.of("  apple ", "", "# a comment", "pear\n\nplum\n# another", "apple")));
    assertEquals(List.of("apple", "pear", "plum"), lists.values("fruit").orElseThrow());
    assertEquals(List.of("apple", "pear", "plum"), DynamicPrompt.parse("__fruit__").combinations(lists));
  }

  @Test
  void aPersonsListsComeBeforeTheBuiltInOnes() {
    Wildcards builtin = Wildcards.builtin();
    for (String name : List.of("color", "animal", "time", "weather", "style", "lighting", "mood", "place")) {
      assertTrue(builtin.values(name).orElseThrow().size() >= 5, name);
    }
    assertTrue(builtin.values("time").orElseThrow().contains("sunset"));
    assertTrue(builtin.values("animal").orElseThrow().contains("cat"));
    Wildcards mine = Wildcards.of(Map.of("color", List.of("chartreuse"))).withFallback(builtin);
    assertEquals(List.of("chartreuse"), DynamicPrompt.parse("__color__").combinations(mine));
    assertEquals(builtin.values("animal").orElseThrow().size(), DynamicPrompt.parse("__animal__").combinations(mine, 1000).size());
    assertTrue(mine.names().containsAll(Set.of("color", "animal")));
  }

  @Test
  void anUnknownWildcardIsNamedWithWhereItIsEvenWhenItMightNotBePicked() {
    DynamicPrompt.SyntaxError unknown = error("a {__colour__|red} car", NONE);
    assertTrue(unknown.getMessage().contains("__colour__"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("character 4"), unknown.getMessage());
    assertEquals(3, unknown.position());
    assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse("{__x__|y}").random(NONE, 1, 5));
    assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse("{__x__|y}").combinations(NONE));

    Wildcards lists = Wildcards.of(Map.of("scene", List.of("a __missing__ place")));
    DynamicPrompt.SyntaxError inner = error("see __scene__", lists);
    assertTrue(inner.getMessage().contains("__missing__") && inner.getMessage().contains("__scene__"), inner.getMessage());
    assertEquals(4, inner.position(), "points at the wildcard the person typed");

    DynamicPrompt.SyntaxError empty = error("__empty__", Wildcards.of(Map.of("empty", List.of("# nothing yet"))));
    assertTrue(empty.getMessage().contains("__empty__") && empty.getMessage().contains("no values"), empty.getMessage());
    assertTrue(error("__nomatch*__", NONE).getMessage().contains("__nomatch*__"));
  }

  @Test
  void aListThatRefersBackToItselfIsAnErrorNotAHang() {
    Wildcards loop = Wildcards.of(Map.of("a", List.of("x __b__"), "b", List.of("{y|__a__}")));
    DynamicPrompt.SyntaxError cycle = error("start __a__", loop);
    assertTrue(cycle.getMessage().contains("refers back to itself"), cycle.getMessage());
    assertTrue(cycle.getMessage().contains("__a__ → __b__ → __a__"), cycle.getMessage());
    assertEquals(6, cycle.position());
    assertTrue(error("__self__", Wildcards.of(Map.of("self", List.of("__self__")))).getMessage().contains("__self__"));
  }

  @Test
  void unbalancedBracesSayWhichBraceAndWhere() {
    DynamicPrompt.SyntaxError open = assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse("x {a|{b|c}"));
    assertTrue(open.getMessage().contains("'{' at character 3") && open.getMessage().contains("never closed"), open.getMessage());
    assertEquals(2, open.position());
    DynamicPrompt.SyntaxError close = assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse("a}b"));
    assertTrue(close.getMessage().contains("'}' at character 2") && close.getMessage().contains("closes nothing"), close.getMessage());
    assertEquals(1, close.position());
    DynamicPrompt.SyntaxError range = assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse("{3-1$$a|b|c}"));
    assertTrue(range.getMessage().contains("smaller number first"), range.getMessage());
  }

  @Test
  void nestingHasADepthLimitWithAClearMessage() {
    String twenty = "{".repeat(20) + "deep" + "}".repeat(20);
    assertEquals(List.of("deep"), all(twenty));
    DynamicPrompt.SyntaxError tooDeep = assertThrows(DynamicPrompt.SyntaxError.class,
        () -> DynamicPrompt.parse("{".repeat(21) + "deep" + "}".repeat(21)));
    assertTrue(tooDeep.getMessage().contains("more than 20 levels"), tooDeep.getMessage());

    Map<String, List<String>> chain = new java.util.HashMap<>();
    for (int i = 0; i < 30; i++) {
      chain.put("level" + i, List.of("{x|__level" + (i + 1) + "__}"));
    }
    chain.put("level30", List.of("bottom"));
    DynamicPrompt.SyntaxError deepLists = error("__level0__", Wildcards.of(chain));
    assertTrue(deepLists.getMessage().contains("more than 20 levels") && deepLists.getMessage().contains("__level"), deepLists.getMessage());
  }

  @Test
  void combinatorialModeStopsAtTheCapInOdometerOrder() {
    String letters = "{a|b|c|d|e|f|g|h}";
    DynamicPrompt template = DynamicPrompt.parse(letters + letters + letters);
    List<String> capped = template.combinations(NONE);
    assertEquals(DynamicPrompt.DEFAULT_CAP, capped.size());
    assertEquals(List.of("aaa", "aab", "aac"), capped.subList(0, 3));
    assertEquals("abh", capped.get(15));
    assertEquals(10, template.combinations(NONE, 10).size());
    assertEquals(512, template.combinations(NONE, 1000).size());
    assertThrows(IllegalArgumentException.class, () -> template.combinations(NONE, 0));
  }

  @Test
  void countPreviewsWithoutGeneratingLargeTemplates() {
    assertEquals(new DynamicPrompt.Count(6, true), DynamicPrompt.parse("{a|b} {x|y|z}").count(NONE));
    assertEquals(new DynamicPrompt.Count(2, true), DynamicPrompt.parse("{a|a|b}").count(NONE), "repeats are counted once");
    assertEquals(new DynamicPrompt.Count(1, true), DynamicPrompt.parse("plain").count(NONE));
    assertEquals(new DynamicPrompt.Count(12, true), DynamicPrompt.parse("{2-3$$a|b|c}").count(NONE));

    String ten = "{0|1|2|3|4|5|6|7|8|9}";
    assertEquals(new DynamicPrompt.Count(10_000_000_000L, false), DynamicPrompt.parse(ten.repeat(10)).count(NONE));
    assertEquals(new DynamicPrompt.Count(Long.MAX_VALUE, false), DynamicPrompt.parse(ten.repeat(30)).count(NONE));

    List<String> twenty = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add("o" + i);
    }
    DynamicPrompt eightOfTwenty = DynamicPrompt.parse("{8$$" + String.join("|", twenty) + "}");
    assertEquals(new DynamicPrompt.Count(5_079_110_400L, false), eightOfTwenty.count(NONE), "20!/12! ordered picks");
    assertEquals(DynamicPrompt.DEFAULT_CAP, eightOfTwenty.combinations(NONE).size());
  }

  @Test
  void randomModeIsRepeatableForASeed() {
    DynamicPrompt template = DynamicPrompt.parse("{a|b|c|d} {e|f|g|h} {i|j|k|l}");
    assertEquals(template.random(NONE, 42, 20), template.random(NONE, 42, 20));
    assertNotEquals(template.random(NONE, 42, 20), template.random(NONE, 43, 20));
    assertTrue(template.random(NONE, 1, 0).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> template.random(NONE, 1, -1));
  }

  @Test
  void randomPicksOfSeveralAreDistinctAndWithinTheRange() {
    Set<Integer> sizes = new HashSet<>();
    for (String prompt : DynamicPrompt.parse("{1-3$$a|b|c|d}").random(NONE, 5, 300)) {
      List<String> parts = List.of(prompt.split(","));
      assertEquals(parts.size(), new HashSet<>(parts).size(), "no option twice: " + prompt);
      sizes.add(parts.size());
    }
    assertEquals(Set.of(1, 2, 3), sizes);
    for (String prompt : DynamicPrompt.parse("{2$$ and $$x|y}").random(NONE, 5, 20)) {
      assertTrue(prompt.equals("x and y") || prompt.equals("y and x"), prompt);
    }
  }

  @Test
  void aBadValueInsideAListNamesTheList() {
    DynamicPrompt.SyntaxError bad = error("__broken__", Wildcards.of(Map.of("broken", List.of("{unclosed"))));
    assertTrue(bad.getMessage().contains("__broken__") && bad.getMessage().contains("never closed"), bad.getMessage());
    assertEquals(0, bad.position());
  }

  @Test
  void randomModeKnowsVariablesWrapsAndPicksOverWildcards() {
    Wildcards lists = Wildcards.of(Map.of("colors", List.of("red", "blue", "green"), "clothes", List.of("${season} coat")));
    for (String prompt : DynamicPrompt.parse("${c=!{red|blue}}${c} and ${c}").random(lists, 3, 30)) {
      assertTrue(prompt.equals("red and red") || prompt.equals("blue and blue"), "made once: " + prompt);
    }
    for (String prompt : DynamicPrompt.parse("{2$$__colors__}").random(lists, 3, 30)) {
      String[] two = prompt.split(",");
      assertEquals(2, two.length, prompt);
      assertNotEquals(two[0], two[1], "two different values: " + prompt);
    }
    assertEquals(List.of("a winter coat"), DynamicPrompt.parse("a __clothes(season=winter)__").random(lists, 1, 1));
    assertEquals(List.of("big cat in a box"), DynamicPrompt.parse("%{big … in a box$$cat}").random(lists, 1, 1));
    for (String prompt : DynamicPrompt.parse("{2$$a|a|b}").random(NONE, 9, 30)) {
      assertTrue(prompt.equals("a,b") || prompt.equals("b,a"), "equal options are one option: " + prompt);
    }
  }

  @Test
  void templatesThatMultiplyThemselvesStopWithAMessage() {
    StringBuilder doubling = new StringBuilder("${v0={x|y}}");
    for (int i = 1; i < 40; i++) {
      doubling.append("${v").append(i).append("=${v").append(i - 1).append("}${v").append(i - 1).append("}}");
    }
    doubling.append("${v39}");
    DynamicPrompt template = DynamicPrompt.parse(doubling.toString());
    DynamicPrompt.SyntaxError count = assertThrows(DynamicPrompt.SyntaxError.class, () -> template.count(NONE));
    assertTrue(count.getMessage().contains("too much work") || count.getMessage().contains("longer than"), count.getMessage());
    DynamicPrompt.SyntaxError random = assertThrows(DynamicPrompt.SyntaxError.class, () -> template.random(NONE, 1, 1));
    assertTrue(random.getMessage().contains("longer than") || random.getMessage().contains("too much work"), random.getMessage());

    // Doubling nothing: the prompt stays empty, so only the work budget can stop random mode, which a stored
    // idea reaches again on Retry or a fill without being counted first.
    StringBuilder empty = new StringBuilder("${e0={|}}");
    for (int i = 1; i < 40; i++) {
      empty.append("${e").append(i).append("=${e").append(i - 1).append("}${e").append(i - 1).append("}}");
    }
    empty.append("${e39}");
    DynamicPrompt.SyntaxError silent = assertThrows(DynamicPrompt.SyntaxError.class,
        () -> DynamicPrompt.parse(empty.toString()).random(NONE, 1, 1));
    assertTrue(silent.getMessage().contains("too much work"), silent.getMessage());

    // Twelve options that all read "a" but are written differently: every ordered pick of twelve is looked at and
    // none survives de-duplication, so the budget ends the search rather than 12! picks.
    StringBuilder same = new StringBuilder("{12$$a");
    for (int i = 1; i < 12; i++) {
      same.append("|").append("{".repeat(i)).append("a").append("}".repeat(i));
    }
    same.append("}");
    DynamicPrompt.SyntaxError picks = assertThrows(DynamicPrompt.SyntaxError.class, () -> DynamicPrompt.parse(same.toString()).combinations(NONE));
    assertTrue(picks.getMessage().contains("too much work"), picks.getMessage());
  }

  @Test
  void variablesThatAreMissingOrNeedThemselvesAreNamed() {
    DynamicPrompt.SyntaxError missing = error("a ${colour} car", NONE);
    assertTrue(missing.getMessage().contains("${colour}") && missing.getMessage().contains("character 3"), missing.getMessage());
    Wildcards lists = Wildcards.of(Map.of("thing", List.of("${size} box")));
    DynamicPrompt.SyntaxError inList = error("one __thing__", lists);
    assertTrue(inList.getMessage().contains("${size}") && inList.getMessage().contains("character 5"), "points at the wildcard: "
        + inList.getMessage());
    assertTrue(error("${x={a|${x}}}${x}", NONE).getMessage().contains("refers back to itself"));
  }
}
