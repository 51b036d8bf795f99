package dev.visionary.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The requests of the training run a JDK 25+ package build makes its AOT cache from: each must still get the
 * answer the run expects, or that build fails; this finds out on any JDK, without packaging.
 */
class TrainingRunTest {

  @Test
  void everyTrainingRequestIsAnsweredAsTheRunExpects() {
    int sent = TrainingRun.exercise(TestServer.app().port(), 1);
    assertTrue(sent > 20, "requests sent: " + sent);
  }
}
