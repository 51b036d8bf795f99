package dev.visionary.expand.dynamic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wildcard names with {@code *} and {@code ?} match as fnmatch matches them, in time bounded by the lengths. */
class WildcardGlobTest {

  @Test
  void starsAndQuestionMarksMatchAsFnmatchDoes() {
    assertTrue(WildcardResolver.globMatches("shapes-*", "shapes-round"));
    assertTrue(WildcardResolver.globMatches("*", ""));
    assertTrue(WildcardResolver.globMatches("**/birds", "animals/birds"), "a star crosses folders");
    assertTrue(WildcardResolver.globMatches("c?lo*", "colors"));
    assertTrue(WildcardResolver.globMatches("a*b*c", "aXbYbZc"));
    assertFalse(WildcardResolver.globMatches("a*b*c", "aXbYbZ"));
    assertFalse(WildcardResolver.globMatches("colo?", "colors"));
    assertFalse(WildcardResolver.globMatches("birds", "animals/birds"));
  }

  @Test
  void aNameBuiltToBacktrackEndsAtOnce() {
    // Translated to a regex, 30 stars between letters that never end the way the name does take hours.
    String hostile = "*a".repeat(30) + "*z";
    Wildcards lists = Wildcards.of(Map.of("a".repeat(60) + "b", List.of("x"), "aaaa", List.of("y")));
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertFalse(WildcardResolver.globMatches(hostile, "a".repeat(60) + "b"));
      DynamicPrompt.SyntaxError e = org.junit.jupiter.api.Assertions.assertThrows(DynamicPrompt.SyntaxError.class,
          () -> DynamicPrompt.parse("a __" + hostile + "__ here").count(lists));
      assertTrue(e.getMessage().contains("__"), e.getMessage());
    });
    assertEquals(List.of("x"), DynamicPrompt.parse("__a*b__").combinations(lists));
  }
}
