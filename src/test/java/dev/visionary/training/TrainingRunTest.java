package dev.visionary.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The training run a JDK 25+ package build makes its AOT cache from: every request it sends must still get
 * the answer it expects, or that build fails; this finds out on any JDK, without packaging.
 */
class TrainingRunTest {

  @Test
  void everyTrainingRequestIsAnsweredAsExpected() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = TrainingRun.run(new PrintStream(out, true, StandardCharsets.UTF_8), 1);
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, printed);
    assertTrue(printed.matches("(?s)visionary training-run: \\d+ requests in .*"), printed);
  }
}
