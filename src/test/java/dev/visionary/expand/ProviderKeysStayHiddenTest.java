package dev.visionary.expand;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.FakeServer;
import dev.visionary.support.FakeServer.Reply;
import dev.visionary.support.Http;
import dev.visionary.support.Jobs;
import dev.visionary.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A provider that refuses the key and echoes it masked, as OpenAI does, gets the key fragment onto no page, into
 * no stored error and no log line, on the chat and the image path; /settings shows no one's failure.
 */
class ProviderKeysStayHiddenTest {
  private static final String KEY = "sk-test-visionary-0123";
  /** OpenAI's masked form: the first characters, asterisks, the last three. */
  private static final String MASKED = "sk-test***123";
  private static final String REFUSAL = "{\"error\":{\"message\":\"Incorrect API key provided: " + MASKED
      + ". You can find your API key at https://platform.openai.com/account/api-keys.\",\"type\":\"invalid_request_error\","
      + "\"param\":null,\"code\":\"invalid_api_key\"}}";
  /** The image engines word a 401 themselves; a compatible server or proxy may echo the key in any other error. */
  private static final String ECHOING_BAD_REQUEST = "{\"error\":{\"message\":\"Key " + MASKED + " (Bearer " + KEY
      + ") may not use model gpt-image-1.\",\"type\":\"invalid_request_error\",\"param\":\"model\",\"code\":null}}";

  @Test
  void aMaskedKeyInARefusalReachesNoPageStoredErrorOrLogLine() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level previous = root.getLevel();
    root.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(root.getLoggerContext());
    captured.start();
    root.addAppender(captured);
    FakeServer openai = FakeServer.start();
    openai.on("POST", "/v1/chat/completions", request -> Reply.json(401, REFUSAL));
    openai.on("GET", "/v1/models", request -> Reply.json(401, REFUSAL));
    openai.on("POST", "/v1/images/generations", request -> Reply.json(400, ECHOING_BAD_REQUEST));
    try (openai; App app = TestServer.startIsolatedApp(Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", openai.uri() + "/v1",
        "OPENAI_CHAT_MODEL", "gpt-4o-mini", "OPENAI_IMAGE_MODEL", "gpt-image-1"))) {
      Http first = new Http("http://localhost:" + app.port());
      Accounts.signedIn(first, "keyleak");

      String expansion = ExpansionHttpTest.expand(first, ExpansionHttpTest.form(Accounts.csrf(first, "/"), "engine", "openai", "count", "1",
          "idea", "a lighthouse at dusk"));
      String page = first.get("/x/" + expansion).body();
      assertTrue(page.contains("API key was rejected"), page);
      assertTrue(page.contains("Incorrect API key provided: [hidden]"), "the provider's explanation stays, without the key: " + page);
      assertHidden(page);
      assertHidden(stored(app, "select error from expansions where id = :id", expansion));
      assertTrue(stored(app, "select error from expansions where id = :id", expansion).contains("[hidden]"));

      String job = Jobs.submit(first, "prompt", "a lighthouse at dusk", "engine", "openai", "model", "gpt-image-1", "size", "1024x1024",
          "count", "1");
      String card = Jobs.awaitFinished(first, job, Duration.ofSeconds(60));
      assertTrue(card.contains("data-status=\"failed\""), card);
      assertTrue(card.contains("may not use model gpt-image-1"), card);
      assertHidden(card);
      assertHidden(first.get("/jobs/" + job).body());
      assertHidden(stored(app, "select last_error from generation_jobs where id = :id", job));

      Http second = new Http("http://localhost:" + app.port());
      Accounts.signedIn(second, "keyview");
      String settings = second.get("/settings").body();
      assertTrue(settings.contains("OpenAI-compatible") && settings.contains("Model: gpt-4o-mini")
          && settings.contains("Server: " + openai.uri().getAuthority()), settings);
      assertTrue(settings.contains("Not configured"), "engines without configuration are named as such");
      assertFalse(settings.contains("Incorrect API key"), "no provider text, so no one else's failure");
      assertFalse(settings.contains("lighthouse"));
      assertHidden(settings);
    } finally {
      root.detachAppender(captured);
      root.setLevel(previous);
    }
    List<String> lines = captured.list.stream()
        .map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertTrue(lines.stream().anyMatch(l -> l.contains("Incorrect API key provided")), "the failures were logged");
    lines.forEach(ProviderKeysStayHiddenTest::assertHidden);
  }

  private static void assertHidden(String text) {
    assertFalse(text.contains(KEY), text);
    assertFalse(text.contains("***123"), text);
    assertFalse(text.contains("sk-test"), text);
  }

  private static String stored(App app, String sql, String id) {
    String value = app.database().jdbi().withHandle(h -> h.createQuery(sql).bind("id", id).mapTo(String.class).one());
    assertTrue(value != null && !value.isBlank(), "an error is stored");
    return value;
  }
}
