package dev.visionary.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import ognl.OgnlRuntime;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Templates read the app's records through {@link RecordCalls}: the same values, the same errors, the same limits. */
class RecordCallsTest {
  /** Package-private, as most view records are. */
  record Card(String prompt, int number) {
    public String title() {
      return "Variation " + number;
    }

    public String greet(String who) {
      return "hello " + who;
    }

    public String broken() {
      throw new IllegalStateException("no prompt yet");
    }
  }

  private final TemplateEngine engine = engine();

  private static TemplateEngine engine() {
    RecordCalls.install();
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(new StringTemplateResolver());
    return engine;
  }

  private String render(String template, Object card) {
    return engine.process(template, new Context(null, Map.of("c", card)));
  }

  @Test
  void componentsAndDerivedValuesOfARecordRender() {
    Card card = new Card("a <fox> in snow", 2);
    assertEquals("<p>a &lt;fox&gt; in snow</p><p>Variation 2</p><p>3</p>",
        render("<p th:text=\"${c.prompt()}\"></p><p th:text=\"${c.title()}\"></p><p th:text=\"${c.number() + 1}\"></p>", card));
  }

  @Test
  void callsWithArgumentsAndOnOtherClassesStillWork() {
    Card card = new Card("a fox", 1);
    assertEquals("<p>hello you</p><p>5</p>", render("<p th:text=\"${c.greet('you')}\"></p><p th:text=\"${c.prompt().length()}\"></p>", card));
  }

  @Test
  void aFailingMethodIsReportedNotHidden() {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render("<p th:text=\"${c.broken()}\"></p>", new Card("a fox", 1)));
    Throwable t = e;
    while (t.getCause() != null && !(t instanceof IllegalStateException)) {
      t = t.getCause();
    }
    assertEquals("no prompt yet", t.getMessage());
  }

  @Test
  void thymeleafsRestrictionsStillHold() {
    TemplateProcessingException e = assertThrows(TemplateProcessingException.class,
        () -> render("<p th:text=\"${c.getClass().getClassLoader()}\"></p>", new Card("a fox", 1)));
    Throwable t = e;
    while (t.getCause() != null && !String.valueOf(t.getMessage()).contains("forbidden")) {
      t = t.getCause();
    }
    assertTrue(String.valueOf(t.getMessage()).contains("forbidden"), "refused as a forbidden member: " + e);
  }

  @Test
  void ourRecordsAreCalledThroughItAndOtherClassesAreNot() throws Exception {
    assertTrue(OgnlRuntime.getMethodAccessor(Card.class) instanceof RecordCalls);
    assertFalse(OgnlRuntime.getMethodAccessor(String.class) instanceof RecordCalls);
  }
}
