package dev.visionary.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test whose pages logged a console error, threw a script error or held two elements with one id (see
 * {@link Browser}). Registered for every test through JUnit's extension auto-detection
 * (src/test/resources/META-INF/services), so a new browser test is watched without asking; tests that open no
 * browser record nothing.
 */
public final class BrowserProblems implements BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    Browser.takeProblems();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    List<String> problems = Browser.takeProblems();
    if (!problems.isEmpty()) {
      throw new AssertionError("The browser reported " + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
  }
}
