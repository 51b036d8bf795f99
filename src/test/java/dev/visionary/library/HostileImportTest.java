package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.App;
import dev.visionary.json.Json;
import dev.visionary.support.Http;
import dev.visionary.support.LiveThreads;
import dev.visionary.support.TestServer;
import dev.visionary.web.ErrorPages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Import files built to hurt: huge, deeply wrong or full of text the forms would refuse. None may cost a 500 or unbounded memory. */
class HostileImportTest {
  private static final ObjectMapper JSON = Json.MAPPER;

  private static ObjectNode library() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "visionary-library");
    root.put("format_version", 1);
    return root;
  }

  private static byte[] bytes(JsonNode tree) {
    return tree.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long heapInUse() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static int promptCount(LibraryClient who) throws Exception {
    return JSON.readTree(who.get("/export?format=json").body()).path("prompts").size();
  }

  @Test
  void aJsonArrayOfFourMillionIntegersIsRefusedQuicklyAndLeavesNothingOnTheHeap() {
    LibraryClient me = LibraryClient.signedIn("intbomb");
    StringBuilder json = new StringBuilder(8_100_000).append("{\"format\": \"visionary-library\", \"prompts\": [");
    for (int i = 0; i < 4_000_000; i++) {
      json.append(i == 0 ? "0" : ",0");
    }
    byte[] file = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    json = null;
    upload(me, "warmup.json", bytes(library()));
    byte[] body = TransferHttpTest.multipart("----intbomb", me.csrf(), "ints.json", file);
    file = null;
    long before = heapInUse();
    long started = System.nanoTime();
    HttpResponse<String> answer = me.http.post("/import", "multipart/form-data; boundary=----intbomb", body);
    long millis = (System.nanoTime() - started) / 1_000_000;
    long grown = heapInUse() - before;
    System.out.printf("4M-integer JSON (%d bytes posted): HTTP %d in %d ms, heap after GC grew %d KB%n", body.length, answer.statusCode(),
        millis, grown / 1024);
    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("at most 5000 prompts"), answer.body());
    // The acceptance bound of the issue; the work done is bounded by the cap, so this holds with a wide margin.
    assertTrue(millis < 2_000, "answered in " + millis + " ms");
    assertTrue(grown < 64L * 1024 * 1024, "heap grew by " + grown / 1024 + " KB");
    assertEquals(List.of(), LiveThreads.runningCodeOf(JsonImportFile.class.getName()), "no thread is still reading the file");
  }

  @Test
  void aFiftyThousandPromptFileIsRefusedWithAMessageNamingTheCapAndAddsNothing() throws Exception {
    LibraryClient me = LibraryClient.signedIn("bulk");
    ObjectNode root = library();
    ArrayNode prompts = root.putArray("prompts");
    for (int i = 0; i < 50_000; i++) {
      prompts.addObject().put("title", "P" + i).put("text", "prompt number " + i);
    }
    byte[] file = bytes(root);
    byte[] body = TransferHttpTest.multipart("----bulk", me.csrf(), "bulk.json", file);
    long started = System.nanoTime();
    HttpResponse<String> answer = me.http.post("/import", "multipart/form-data; boundary=----bulk", body);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("50,000-prompt JSON (%d bytes): HTTP %d in %d ms%n", file.length, answer.statusCode(), millis);
    assertEquals(413, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("at most 5000 prompts"), answer.body());
    assertTrue(answer.body().contains("IMPORT_MAX_PROMPTS"), "the message names the setting: " + answer.body());
    assertEquals(0, promptCount(me), "nothing was imported");
  }

  @Test
  void malformedRowsAreListedAndTheRestIsStoredAsTheFormsWouldStoreIt() throws Exception {
    LibraryClient stranger = LibraryClient.signedIn("stranger");
    String secret = LibraryClient.idOf(stranger.save("title", "Stranger's secret", "text", "nobody else may see this"));
    LibraryClient me = LibraryClient.signedIn("hostile");
    ObjectNode root = library();
    ArrayNode prompts = root.putArray("prompts");
    prompts.addObject().put("id", "goodrow0001").put("title", "  Good one  ").put("text", "  a calm sea\r\nat dusk  ")
        .put("parent_id", secret);
    prompts.addObject().put("id", "selfparent1").put("title", "Own parent").put("text", "points at itself").put("parent_id", "selfparent1");
    ObjectNode twice = prompts.addObject().put("title", "Twice").put("text", "two versions numbered 1");
    twice.putArray("versions").add(JSON.createObjectNode().put("version", 1).put("text", "one"))
        .add(JSON.createObjectNode().put("version", 1).put("text", "another one"));
    prompts.addObject().put("title", "Nul text").put("text", "before\u0000after");
    prompts.addObject().put("title", "Nul params").put("text", "fine").putObject("params").put("sampler", "a\u0000b");
    prompts.addObject().put("title", "Far future").put("text", "fine").put("created_at", "+99999-01-01T00:00:00Z");
    prompts.addObject().put("title", "Garbage time").put("text", "fine").put("created_at", "garbage");
    prompts.addObject().put("title", "Bell\u0007title").put("text", "fine");
    prompts.addObject().put("title", "Huge").put("text", "x".repeat(5_000_000));
    prompts.add(42);
    ArrayNode collections = root.putArray("collections");
    collections.addObject().put("id", "hugecoll001").put("name", "Huge description").put("visibility", "private")
        .put("description", "d".repeat(5_000_000));
    collections.addObject().put("id", "nulcoll0001").put("name", "Nul\u0000name").put("visibility", "private");
    root.putArray("bookmarks").addObject().put("prompt_id", "goodrow0001").put("created_at", "garbage");

    HttpResponse<String> answer = upload(me, "hostile.json", bytes(root));
    assertEquals(200, answer.statusCode(), answer.body());
    String page = answer.body();
    assertTrue(page.contains("2 added"), page);
    assertTrue(page.contains("Prompt 3 (“Twice”): version 1 appears twice."), page);
    assertTrue(page.contains("Prompt 4 (“Nul text”): &quot;text&quot; contains characters that can&#39;t be used"), page);
    assertTrue(page.contains("Prompt 5 (“Nul params”): &quot;params&quot; contains characters that can&#39;t be used"), page);
    assertTrue(page.contains("Prompt 6 (“Far future”): &quot;created_at&quot; must be between 1970 and"), page);
    assertTrue(page.contains("Prompt 7 (“Garbage time”): &quot;created_at&quot; is not a date and time"), page);
    assertTrue(page.contains("Prompt 8: &quot;title&quot; contains characters that can&#39;t be used"), page);
    assertTrue(page.contains("Prompt 9 (“Huge”): &quot;text&quot; is too long: at most 12000 characters."), page);
    assertTrue(page.contains("Prompt 10: it is not a JSON object."), page);
    assertTrue(page.contains("Collection 1 (“Huge description”): &quot;description&quot; is too long: at most 1000 characters."), page);
    assertTrue(page.contains("Collection 2: &quot;name&quot; contains characters that can&#39;t be used"), page);
    assertTrue(page.contains("Bookmark 1: &quot;created_at&quot; is not a date and time"), page);
    assertFalse(page.contains("\u0007") || page.contains("\u0000"), "no control character is echoed back");

    JsonNode stored = JSON.readTree(me.get("/export?format=json").body()).path("prompts");
    assertEquals(2, stored.size());
    JsonNode good = stored.get(0);
    assertEquals("Good one", good.path("title").asText(), "trimmed like a form field");
    assertEquals("a calm sea\nat dusk", good.path("text").asText(), "line endings and outer spaces as the form stores them");
    assertTrue(good.path("parent_id").isNull(), "another person's private prompt is not linked");
    assertTrue(stored.get(1).path("parent_id").isNull(), "a prompt is never its own parent");
    assertEquals(0, JSON.readTree(me.get("/export?format=json").body()).path("collections").size());
    assertTrue(stranger.get("/p/" + secret).headers().firstValue("Location").isPresent(), "the stranger's prompt is still theirs");
  }

  @Test
  void filesThatAreNotPlainJsonAreRefusedWholeWithTheReason() throws Exception {
    LibraryClient me = LibraryClient.signedIn("nested");
    String deep = "{\"format\": \"visionary-library\", \"prompts\": [{\"text\": \"x\", \"params\": {\"a\": " + "[".repeat(100_000)
        + "]".repeat(100_000) + "}}]}";
    HttpResponse<String> nested = upload(me, "deep.json", deep.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, nested.statusCode());
    assertTrue(nested.body().contains("The file is not valid JSON: Document nesting depth"), nested.body());
    String twice = "{\"format\": \"visionary-library\", \"prompts\": [], \"prompts\": [{\"text\": \"sneaked in\"}]}";
    HttpResponse<String> repeated = upload(me, "twice.json", twice.getBytes(StandardCharsets.UTF_8));
    assertEquals(422, repeated.statusCode());
    assertTrue(repeated.body().contains("Duplicate field"), repeated.body());
    HttpResponse<String> trailing = upload(me, "more.json", "{\"format\": \"visionary-library\"} {}".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, trailing.statusCode());
    assertTrue(trailing.body().contains("there is more after the end"), trailing.body());
    assertEquals(0, promptCount(me));
  }

  @Test
  void theCapPerPersonHoldsForEveryWayAPromptIsMade() throws Exception {
    try (App app = TestServer.startApp(Map.of("MAX_PROMPTS_PER_USER", "2", "IMPORT_MAX_PROMPTS", "10"))) {
      Http http = new Http("http://localhost:" + app.port());
      LibraryClient me = LibraryClient.signedIn(http, "capped");
      ObjectNode eleven = library();
      for (int i = 1; i <= 11; i++) {
        eleven.withArray("prompts").addObject().put("id", "cappedrow" + (char) ('a' + i)).put("title", "Row " + i).put("text", "row " + i);
      }
      HttpResponse<String> tooMany = upload(me, "eleven.json", bytes(eleven));
      assertEquals(413, tooMany.statusCode());
      assertTrue(tooMany.body().contains("at most 10 prompts at a time"), tooMany.body());
      ((ArrayNode) eleven.get("prompts")).remove(10);
      HttpResponse<String> ten = upload(me, "ten.json", bytes(eleven));
      assertEquals(200, ten.statusCode(), "a file at the import cap is read: " + ten.body());
      assertTrue(ten.body().contains("2 added"), ten.body());
      assertTrue(ten.body().contains("Prompt 3 (“Row 3”) and the new prompts after it were not added: You can keep at most 2 prompts"),
          ten.body());
      HttpResponse<String> again = upload(me, "ten.json", bytes(eleven));
      assertTrue(again.body().contains("2 already there"), "what is there still counts as there: " + again.body());

      HttpResponse<String> third = me.post("/prompts", "title", "Three", "text", "third prompt");
      assertEquals(422, third.statusCode());
      assertTrue(third.body().contains("at most 2 prompts"), third.body());
      HttpResponse<String> fromStudio = me.http.postForm("/prompts", Http.form("_csrf", me.csrf(), "text", "saved from a card"), "HX-Request", "true");
      assertEquals(422, fromStudio.statusCode());
      assertTrue(fromStudio.body().contains("at most 2 prompts"), "the HTMX save shows it too: " + fromStudio.body());
      HttpResponse<String> fork = me.post("/p/cappedrowb/fork");
      assertEquals(422, fork.statusCode());
      assertTrue(fork.body().contains("at most 2 prompts"), fork.body());
      ObjectNode root = library();
      root.putArray("prompts").addObject().put("title", "Imported").put("text", "from json");
      HttpResponse<String> json = upload(me, "more.json", bytes(root));
      assertEquals(422, json.statusCode());
      assertTrue(json.body().contains("at most 2 prompts"), json.body());
      HttpResponse<String> csv = upload(me, "styles.csv", "name,prompt\r\nStyle,a style\r\n".getBytes(StandardCharsets.UTF_8));
      assertEquals(422, csv.statusCode());
      assertTrue(csv.body().contains("at most 2 prompts"), csv.body());
      HttpResponse<String> png = upload(me, "fox.png", Pngs.withText("parameters", "a fox\nSteps: 20, Seed: 1", false));
      assertEquals(422, png.statusCode());
      assertTrue(png.body().contains("at most 2 prompts"), png.body());
      assertEquals(2, JSON.readTree(me.get("/export?format=json").body()).path("prompts").size());

      HttpResponse<String> sameAgain = upload(me, "styles.csv", "name,prompt\r\nRow 1,first prompt changed\r\n".getBytes(StandardCharsets.UTF_8));
      assertTrue(sameAgain.body().contains("1 updated"), "changing what exists is not held back by the cap: " + sameAgain.body());
    }
  }

  @Test
  void stylesCsvExportHoldsNoFormulaAndImportsBackToTheSameTexts() {
    LibraryClient me = LibraryClient.signedIn("formulas");
    List<String> texts = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+2", "-2+3, dark", "@SUM(A1)", "'quoted already",
        "'=kept as typed");
    for (int i = 0; i < texts.size(); i++) {
      me.save("title", i == 0 ? "=cmd|' /C calc'!A0" : "Style " + i, "text", texts.get(i), "negative", i == 1 ? "-blurry" : "");
    }
    String csv = me.get("/export?format=styles").body();
    for (List<String> row : Csv.read(csv)) {
      for (String cell : row) {
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a spreadsheet would evaluate " + cell);
      }
    }
    LibraryClient fresh = LibraryClient.signedIn("formulasback");
    HttpResponse<String> imported = upload(fresh, "styles.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertTrue(imported.body().contains(texts.size() + " added"), imported.body());
    assertEquals(csv, fresh.get("/export?format=styles").body(), "the same cells after a round trip");
    String library = fresh.get("/export?format=json").body();
    for (String text : texts) {
      assertTrue(library.contains(JSON.getNodeFactory().textNode(text).toString()), "kept exactly: " + text);
    }
    assertTrue(library.contains("\"=cmd|' /C calc'!A0\""), "the title too");
    assertTrue(library.contains("\"-blurry\""), "and the negative prompt");
  }

  @Test
  void aFailingStatementLogsNeitherItsArgumentsNorTheServersEcho() {
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorPages.class);
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(logger.getLoggerContext());
    captured.start();
    logger.addAppender(captured);
    String personal = "my diary entry " + System.nanoTime();
    String name = LibraryClient.signedIn("diarist").username;
    var jdbi = TestServer.app().database().jdbi();
    long owner = jdbi.withHandle(h -> h.createQuery("select id from users where username = :n").bind("n", name).mapTo(Long.class).one());
    StatementException failure;
    try {
      failure = jdbi.withHandle(h -> {
        h.createUpdate("insert into tags (owner_id, name) values (:o, :n) on conflict do nothing").bind("o", owner).bind("n", personal).execute();
        try {
          h.createUpdate("insert into tags (owner_id, name) values (:o, :n)").bind("o", owner).bind("n", personal).execute();
          return null;
        } catch (StatementException e) {
          return e;
        } finally {
          h.createUpdate("delete from tags where owner_id = :o and name = :n").bind("o", owner).bind("n", personal).execute();
        }
      });
      assertTrue(failure != null, "the duplicate was refused");
      // As the error pages log an unhandled exception.
      logger.error("Unhandled error on POST /import", failure);
    } finally {
      logger.detachAppender(captured);
    }
    assertEquals(1, captured.list.size());
    ILoggingEvent event = captured.list.get(0);
    String logged = event.getFormattedMessage() + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
    assertTrue(logged.contains("tags"), "the statement is still named: " + logged);
    assertFalse(logged.contains(personal), logged);
  }

  private static HttpResponse<String> upload(LibraryClient who, String name, byte[] content) {
    return TransferHttpTest.upload(who, name, content);
  }
}
