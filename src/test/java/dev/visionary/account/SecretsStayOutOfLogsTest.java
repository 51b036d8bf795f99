package dev.visionary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.visionary.App;
import dev.visionary.support.Accounts;
import dev.visionary.support.Http;
import dev.visionary.support.TestServer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No password, password hash, session token or API key may appear in any log line. */
class SecretsStayOutOfLogsTest {

  @Test
  void signUpSignInAndFailuresLogNoSecrets() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    LoggerContext context = root.getLoggerContext();
    // Everything, at every level, while the flows run.
    ch.qos.logback.classic.Level previous = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(context);
    captured.start();
    root.addAppender(captured);
    String apiKey = "sk-test-" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    String password = "my very secret passphrase";
    String name = Accounts.uniqueName("quiet");
    String token;
    String hash;
    try (App app = TestServer.startApp(Map.of("OPENAI_API_KEY", apiKey, "ANTHROPIC_API_KEY", apiKey + "-a"))) {
      Http http = new Http("http://localhost:" + app.port());
      assertEquals(303, Accounts.signUp(http, name, password).statusCode());
      assertEquals(401, Accounts.logIn(new Http(http.base()), name, password + "!").statusCode());
      Http again = new Http(http.base());
      assertEquals(303, Accounts.logIn(again, name, password).statusCode());
      token = Accounts.sessionCookie(again);
      hash = app.database().jdbi().withHandle(h -> h.createQuery("select password_hash from users where username = :n").bind("n", name).mapTo(String.class).one());
      again.get("/no/such/page");
    } finally {
      root.detachAppender(captured);
      root.setLevel(previous);
    }
    List<String> lines = captured.list.stream().map(e -> e.getFormattedMessage() + " " + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).toList();
    assertTrue(lines.size() > 3, "the flows were logged at all");
    String hashTail = hash.substring(hash.lastIndexOf('$') + 1);
    for (String line : lines) {
      assertFalse(line.contains(password), line);
      assertFalse(line.contains(hashTail), line);
      assertFalse(line.contains(token), line);
      assertFalse(line.contains(apiKey), line);
    }
  }
}
