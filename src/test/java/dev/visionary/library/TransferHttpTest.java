package dev.visionary.library;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransferHttpTest {
  private static final ObjectMapper JSON = Json.MAPPER;

  /** Posts a file to /import as a browser's multipart form does. */
  static HttpResponse<String> upload(LibraryClient who, String fileName, byte[] content) {
    String boundary = "----visionary" + System.nanoTime();
    return who.http.post("/import", "multipart/form-data; boundary=" + boundary, multipart(boundary, who.csrf(), fileName, content));
  }

  /** The body of the import form with one file in it. */
  static byte[] multipart(String boundary, String csrf, String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static JsonNode exported(LibraryClient who) throws Exception {
    HttpResponse<String> export = who.get("/export?format=json");
    assertEquals(200, export.statusCode());
    assertTrue(export.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
    ObjectNode tree = (ObjectNode) JSON.readTree(export.body());
    tree.remove("exported_at");
    return tree;
  }

  /** A prompt's rating goes out with it and comes back on import; a rating no person could give is refused with its row. */
  @Test
  void aRatingSurvivesExportAndImport() throws Exception {
    LibraryClient me = LibraryClient.signedIn("ratedexport");
    String starred = LibraryClient.idOf(me.save("title", "Starred moor", "text", "a moor under stars"));
    String rejected = LibraryClient.idOf(me.save("title", "Rejected moor", "text", "a moor in drizzle"));
    String plain = LibraryClient.idOf(me.save("title", "Plain moor", "text", "a moor at noon"));
    assertEquals(303, me.post("/p/" + starred + "/rating", "rating", "4").statusCode());
    assertEquals(303, me.post("/p/" + rejected + "/rating", "rating", "reject").statusCode());
    JsonNode exported = exported(me);
    java.util.Map<String, JsonNode> byId = new java.util.HashMap<>();
    exported.path("prompts").forEach(p -> byId.put(p.path("id").asText(), p.path("rating")));
    assertEquals(4, byId.get(starred).asInt());
    assertEquals(-1, byId.get(rejected).asInt());
    assertTrue(byId.get(plain).isNull(), "unrated is null");
    byte[] file = me.get("/export?format=json").body().getBytes(StandardCharsets.UTF_8);

    LibraryClient copy = LibraryClient.signedIn("ratedimport");
    assertEquals(200, upload(copy, "library.json", file).statusCode());
    String best = copy.get("/library?sort=best").body();
    assertTrue(best.indexOf("Starred moor") < best.indexOf("Plain moor") && best.indexOf("Plain moor") < best.indexOf("Rejected moor"),
        "the imported ratings order the library best first");
    assertTrue(best.contains("data-rating=\"4\"") && best.contains("data-rating=\"-1\""), best);

    LibraryClient third = LibraryClient.signedIn("badrating");
    String bad = "{\"format\": \"visionary-library\", \"format_version\": 1, \"prompts\": [{\"title\": \"Odd\", \"text\": \"an odd rating\", \"rating\": 9}]}";
    HttpResponse<String> refused = upload(third, "library.json", bad.getBytes(StandardCharsets.UTF_8));
    assertTrue(refused.body().contains("&quot;rating&quot; must be 1 to 5 (stars), -1 (rejected) or null."), refused.body());
    assertFalse(third.get("/library").body().contains("an odd rating"), "the row with it is not imported");
  }

  @Test
  void exportDeleteAndImportGiveBackTheSameLibraryAndImportingTwiceChangesNothing() throws Exception {
    LibraryClient me = LibraryClient.signedIn("roundtrip");
    LibraryClient friend = LibraryClient.signedIn("friend");
    String theirs = friend.save("title", "Friend's comet", "text", "a comet over a lake", "visibility", "public");
    String first = me.save("title", "Harbour", "text", "a harbour at dawn, \"quoted\" words", "negative", "blurry",
        "params", "{\"steps\": 30, \"sampler\": \"Euler a\"}", "target", "stable-diffusion", "tags", "sea, dawn", "idea", "harbour",
        "visibility", "public");
    String firstId = LibraryClient.idOf(first);
    me.post("/p/" + firstId + "/edit", "title", "Harbour at dawn", "text", "a quiet harbour at dawn", "negative", "blurry",
        "target", "stable-diffusion", "tags", "sea, dawn", "visibility", "public", "version", "1", "note", "quieter");
    String fork = me.post("/p/" + firstId + "/fork").headers().firstValue("Location").orElseThrow();
    String third = me.save("title", "Trashed idea", "text", "something to throw away");
    me.post("/p/" + LibraryClient.idOf(third) + "/delete");
    String boats = me.collection("Boats", "public");
    me.collection("Empty one", "private");
    me.post("/p/" + LibraryClient.idOf(fork) + "/collections", "collection_id", LibraryClient.idOf(boats));
    me.post("/p/" + firstId + "/collections", "collection_id", LibraryClient.idOf(boats));
    me.post("/c/" + LibraryClient.idOf(boats) + "/move", "prompt_id", firstId, "direction", "up");
    me.post("/p/" + firstId + "/bookmark");
    me.post("/p/" + LibraryClient.idOf(theirs) + "/bookmark");
    JsonNode before = exported(me);
    assertEquals(3, before.path("prompts").size());
    assertEquals(2, before.path("prompts").get(0).path("versions").size());
    assertEquals(firstId, before.path("collections").get(0).path("prompt_ids").get(0).asText(), "the moved prompt is first");
    byte[] file = me.get("/export?format=json").body().getBytes(StandardCharsets.UTF_8);

    for (JsonNode p : before.path("prompts")) {
      me.post("/p/" + p.path("id").asText() + "/delete");
    }
    assertEquals(303, me.post("/library/trash/empty").statusCode());
    for (JsonNode c : before.path("collections")) {
      assertEquals(303, me.post("/c/" + c.path("id").asText() + "/delete").statusCode());
    }
    JsonNode emptied = exported(me);
    assertEquals(0, emptied.path("prompts").size());
    assertEquals(0, emptied.path("collections").size());

    HttpResponse<String> imported = upload(me, "library.json", file);
    assertEquals(200, imported.statusCode(), imported.body());
    assertTrue(imported.body().contains("3 added"), imported.body());
    assertEquals(before, exported(me), "the library after import is identical to the one exported");
    assertEquals(301, me.get(first).statusCode(), "the old address still leads to the renamed prompt");

    HttpResponse<String> again = upload(me, "library.json", file);
    assertTrue(again.body().contains("0 added") && again.body().contains("3 already there"), again.body());
    assertEquals(before, exported(me), "importing twice creates no duplicates");

    LibraryClient stranger = LibraryClient.signedIn("stranger");
    HttpResponse<String> elsewhere = upload(stranger, "library.json", file);
    assertTrue(elsewhere.body().contains("3 added"), "another account gets its own copies: " + elsewhere.body());
    assertTrue(upload(stranger, "library.json", file).body().contains("3 already there"));
    assertEquals(before, exported(me), "and the original library is untouched");
  }

  @Test
  void theImportFormSaysHowLargeAFileMayBe() {
    LibraryClient me = LibraryClient.signedIn("limits");
    HttpResponse<String> page = me.get("/import");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Up to 20 MB and 5000 prompts per file."), page.body());
  }

  @Test
  void stylesCsvExportedByVisionaryImportsIntoAFreshAccountUnchanged() {
    LibraryClient me = LibraryClient.signedIn("styles");
    me.save("title", "Cinematic", "text", "{prompt}, cinematic still, \"anamorphic\" lens", "negative", "cartoon, 3d");
    me.save("title", "Multi-line", "text", "first line\nsecond line, with comma", "negative", "");
    me.save("title", "Ünïcode ✨", "text", "東京の夜, néon", "negative", "low quality");
    HttpResponse<String> csv = me.get("/export?format=styles");
    assertEquals(200, csv.statusCode());
    assertTrue(csv.body().startsWith("\uFEFFname,prompt,negative_prompt\r\n"));
    assertTrue(csv.body().contains("\"{prompt}, cinematic still, \"\"anamorphic\"\" lens\",\"cartoon, 3d\"\r\n"));

    LibraryClient fresh = LibraryClient.signedIn("freshstyles");
    byte[] file = csv.body().getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> imported = upload(fresh, "styles.csv", file);
    assertTrue(imported.body().contains("3 added"), imported.body());
    assertEquals(csv.body(), fresh.get("/export?format=styles").body(), "the same styles, byte for byte");
    assertTrue(upload(fresh, "styles.csv", file).body().contains("3 already there"), "idempotent");
    assertArrayEquals(file, fresh.get("/export?format=styles").body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aStylesCsvInAutomatic1111sFormatImportsWithPerRowErrors() {
    LibraryClient me = LibraryClient.signedIn("a1111");
    String a1111 = "\uFEFFname,prompt,negative_prompt\r\n"
        + "Watercolor,\"watercolor painting of {prompt}, soft edges\",\"photo, 3d render\"\r\n"
        + "# Comment row,ignored,ignored\r\n"
        + "Short row,\"just a prompt, no negative\"\r\n"
        + ",nameless prompt,\r\n"
        + "Watercolor,\"watercolor, the later row wins\",\r\n"
        + "\"Quote \"\"inside\"\"\",\"line one\r\nline two\",\r\n";
    HttpResponse<String> imported = upload(me, "styles.csv", a1111.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, imported.statusCode());
    assertTrue(imported.body().contains("3 added"), imported.body());
    assertTrue(imported.body().contains("Row 5: the style has no name."));
    String library = me.get("/library?sort=title").body();
    assertTrue(library.contains("Short row"));
    assertTrue(library.contains("Watercolor"));
    assertTrue(library.contains("Quote &quot;inside&quot;"), library);
    String csv = me.get("/export?format=styles").body();
    assertTrue(csv.contains("Watercolor,\"watercolor, the later row wins\",\r\n"), csv);
    assertTrue(csv.contains("\"line one\nline two\""), "newlines inside quoted fields survive");
    assertFalse(csv.contains("Comment row"));

    String changed = "name,text\r\nShort row,a changed prompt\r\n";
    HttpResponse<String> update = upload(me, "styles.csv", changed.getBytes(StandardCharsets.UTF_8));
    assertTrue(update.body().contains("1 updated"), "an old 'text' column is read as the prompt: " + update.body());

    HttpResponse<String> broken = upload(me, "styles.csv", "name,prompt\r\n\"never closed,x\r\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, broken.statusCode());
    assertTrue(broken.body().contains("never closed"));
  }

  @Test
  void pngsFromAutomatic1111AndComfyUiBecomePrompts() {
    LibraryClient me = LibraryClient.signedIn("png");
    String infotext = "masterpiece, a red fox in snow, (sharp focus:1.2)\nNegative prompt: blurry, lowres\n"
        + "Steps: 28, Sampler: DPM++ 2M, CFG scale: 6.5, Seed: 1234, Size: 832x1216, Model: \"sdxl, v1.0\"";
    HttpResponse<String> a1111 = upload(me, "fox.png", Pngs.withText("parameters", infotext, false));
    assertTrue(a1111.body().contains("1 added"), a1111.body());
    assertTrue(upload(me, "fox.png", Pngs.withText("parameters", infotext, false)).body().contains("1 already there"));
    String unicode = "東京の夜景, ネオン\nSteps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42";
    assertTrue(upload(me, "tokyo.png", Pngs.withText("parameters", unicode, true)).body().contains("1 added"));
    String comfy = "{\"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 99, \"steps\": 20, \"cfg\": 8,"
        + " \"positive\": [\"6\", 0], \"negative\": [\"7\", 0], \"model\": [\"4\", 0]}},"
        + " \"6\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"a lighthouse in a storm\", \"clip\": [\"4\", 1]}},"
        + " \"7\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"watermark\", \"clip\": [\"4\", 1]}}}";
    assertTrue(upload(me, "comfy.png", Pngs.withText("prompt", comfy, false)).body().contains("1 added"));

    String fox = me.get(firstPromptPath(me.get("/library?q=fox").body())).body();
    assertTrue(fox.contains("<title>Masterpiece, a red fox in snow, (sharp focus:1.2) · Visionary</title>"), fox);
    assertTrue(fox.contains("blurry, lowres"));
    assertTrue(fox.contains("sdxl, v1.0") && fox.contains("832x1216") && fox.contains("DPM++ 2M"));
    String storm = me.get(firstPromptPath(me.get("/library?q=lighthouse").body())).body();
    assertTrue(storm.contains("a lighthouse in a storm") && storm.contains(">watermark<"), "ComfyUI's negative node is followed");
    assertTrue(storm.contains(">99<"), "and the sampler's seed kept");
    String tokyo = me.get(firstPromptPath(me.get("/library?q=%E6%9D%B1%E4%BA%AC%E3%81%AE%E5%A4%9C%E6%99%AF").body())).body();
    assertTrue(tokyo.contains("東京の夜景, ネオン"), "iTXt keeps non-Latin text");

    HttpResponse<String> bare = upload(me, "bare.png", Pngs.withText("Software", "paint", false));
    assertEquals(422, bare.statusCode());
    assertTrue(bare.body().contains("no prompt found"));
    HttpResponse<String> broken = upload(me, "broken.png", java.util.Arrays.copyOf(Pngs.withText("parameters", infotext, false), 30));
    assertEquals(422, broken.statusCode());
    assertTrue(broken.body().contains("could not be read"));
  }

  private static String firstPromptPath(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/p/[^\"]+)\"").matcher(html);
    assertTrue(m.find(), "no prompt in the results");
    return m.group(1);
  }

  @Test
  void filesThatAreNotALibraryAreRefusedWithAClearMessage() {
    LibraryClient me = LibraryClient.signedIn("badimport");
    HttpResponse<String> json = upload(me, "x.json", "{\"format\": \"something-else\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, json.statusCode());
    assertTrue(json.body().contains("not a Visionary library export"));
    HttpResponse<String> notJson = upload(me, "x.json", "{not json".getBytes(StandardCharsets.UTF_8));
    assertEquals(422, notJson.statusCode());
    HttpResponse<String> rows = upload(me, "x.json", ("{\"format\": \"visionary-library\", \"prompts\": [{\"id\": \"abcdefghij\", \"title\": \"ok\","
        + " \"text\": \"fine\"}, {\"title\": \"bad\", \"text\": \"\"}, {\"text\": \"x\", \"target\": \"nowhere\"}]}").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, rows.statusCode());
    assertTrue(rows.body().contains("1 added"));
    assertTrue(rows.body().contains("Prompt 2 (“bad”): &quot;text&quot; is empty."), rows.body());
    assertTrue(rows.body().contains("Prompt 3: unknown target"));
    HttpResponse<String> binary = upload(me, "x.bin", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    assertEquals(400, binary.statusCode());
    assertEquals(400, me.post("/import").statusCode(), "a form without a file");
  }
}
