package dev.visionary.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The first {…} group of a prompt, as a grid's axis of options reads it. */
class PromptGroupTest {

  @Test
  void eachOptionReplacesTheFirstGroupAndTheRestOfThePromptStaysAsWritten() {
    PromptGroup g = PromptGroup.first("a {red|blue|red} kite, {day|night}").orElseThrow();
    assertEquals(List.of("red", "blue"), g.options(), "an option written twice is one cell");
    assertEquals("a blue kite, {day|night}", g.with(1));
  }

  @Test
  void escapesVariablesAndWrappersAreNotTheGroupAndNestedGroupsStayInsideTheirOption() {
    PromptGroup g = PromptGroup.first("\\{not\\} ${x={a|b}} %{in ...$$x} {big {red|blue}|small} boat").orElseThrow();
    assertEquals(List.of("big {red|blue}", "small"), g.options());
    assertEquals("\\{not\\} ${x={a|b}} %{in ...$$x} small boat", g.with(1));
  }

  @Test
  void weightsAreDroppedAndPicksOfSeveralOrAnOpenGroupAreRefusedWithAMessage() {
    assertEquals(List.of("calm", "stormy"), PromptGroup.first("a {0.5::calm|2::stormy} sea").orElseThrow().options());
    assertTrue(PromptGroup.first("a plain prompt").isEmpty());
    assertTrue(assertThrows(PromptGroup.Unusable.class, () -> PromptGroup.first("{2$$a|b|c}")).getMessage().contains("plain group"));
    assertTrue(assertThrows(PromptGroup.Unusable.class, () -> PromptGroup.first("a {red|blue kite")).getMessage().contains("never closed"));
  }
}
