package dev.visionary.library;

import static dev.visionary.support.PngChunks.chunk;
import static dev.visionary.support.PngChunks.png;
import static dev.visionary.support.PngChunks.text;
import static dev.visionary.support.PngChunks.zerosDeflated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.visionary.support.Accounts;
import dev.visionary.support.LiveThreads;
import dev.visionary.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads built to hurt the instance: compressed text that inflates to gigabytes, a parameters line made
 * to make a parser backtrack, bodies far over the request limit. Each must be answered quickly with a
 * message, leave no request running, and cost the app (which runs in this JVM) no lasting memory.
 */
class HostileUploadTest {
  private static final long MiB = 1024 * 1024;
  private static final long ANSWER_WITHIN_NANOS = Duration.ofSeconds(2).toNanos();
  private static final long HEAP_GROWTH_LIMIT = 64 * MiB;

  private static LibraryClient me;

  @BeforeAll
  static void signIn() {
    me = LibraryClient.signedIn("hostile");
    // The first import into a fresh app pays for loading and compiling its code; time the hostile ones only.
    assertEquals(422, TransferHttpTest.upload(me, "warm-up.png", png(chunk("tEXt", text("Software", new byte[] {0},
        "paint".getBytes(StandardCharsets.ISO_8859_1))))).statusCode());
  }

  @Test
  void aZtxtBombInflatingToOneGigabyteIsSkippedWithAMessage() {
    byte[] png = png(chunk("zTXt", text("parameters", new byte[] {0, 0}, zerosDeflated(1024))));
    assertTrue(png.length < 2 * MiB, "the bomb itself is small: " + png.length);
    Answer answer = hostile(() -> Answer.of(TransferHttpTest.upload(me, "bomb.png", png)));
    assertEquals(422, answer.statusCode());
    assertTrue(answer.body().contains("bomb.png: The “parameters” text is longer than Visionary reads (1 MB per text, 4 MB per image),"
        + " so it was skipped."), answer.body());
  }

  @Test
  void anItxtBombInflatingToThreeGigabytesIsSkippedWithAMessage() {
    // iTXt: keyword NUL, compression flag 1, method 0, empty language tag NUL, empty translated keyword NUL.
    byte[] png = png(chunk("iTXt", text("parameters", new byte[] {0, 1, 0, 0, 0}, zerosDeflated(3072))));
    Answer answer = hostile(() -> Answer.of(TransferHttpTest.upload(me, "bomb3.png", png)));
    assertEquals(422, answer.statusCode());
    assertTrue(answer.body().contains("bomb3.png: The “parameters” text is longer than Visionary reads"), answer.body());
  }

  @Test
  void aPromptBesideABombIsStillImportedAndTheReportNamesWhatWasSkipped() {
    String infotext = "a lighthouse in a storm\nSteps: 20, Sampler: Euler a, Seed: 7";
    byte[] png = png(chunk("zTXt", text("workflow", new byte[] {0, 0}, zerosDeflated(1024))),
        chunk("tEXt", text("parameters", new byte[] {0}, infotext.getBytes(StandardCharsets.ISO_8859_1))));
    HttpResponse<String> answer = TransferHttpTest.upload(me, "storm.png", png);
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains("1 added"), answer.body());
    assertTrue(answer.body().contains("storm.png: The “workflow” text is longer than Visionary reads"), answer.body());
    assertTrue(me.get("/library").body().contains("a lighthouse in a storm"));
  }

  @Test
  void aNineteenMegabyteParametersLineWithNoColonIsSkippedWithAMessage() {
    byte[] line = new byte[19 * (int) MiB];
    Arrays.fill(line, (byte) 'x');
    byte[] png = png(chunk("tEXt", text("parameters", new byte[] {0}, line)));
    Answer answer = hostile(() -> Answer.of(TransferHttpTest.upload(me, "long.png", png)));
    assertEquals(422, answer.statusCode());
    assertTrue(answer.body().contains("long.png: The “parameters” text is longer than Visionary reads"), answer.body());
  }

  @Test
  void aFourHundredMegabyteUploadWithItsLengthDeclaredIsRefusedBeforeItIsRead() {
    // Over a plain socket that sends the headers and the start of the form, then waits: the answer must come
    // on the headers alone (the multipart parser would have waited for 20 MB). A client that kept writing
    // would race the server's close, and a reset can discard an answer the client has not read yet.
    Answer answer = hostile(() -> declaredUploadOverSocket(400 * MiB));
    assertEquals(413, answer.statusCode());
    assertTrue(answer.body().contains("at most 20 MB per request"), answer.body());
  }

  /** What a hostile request got back: its status and page. */
  private record Answer(int statusCode, String body) {
    static Answer of(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body());
    }

    /** An HTTP/1.1 answer as read off the socket: the status line's code and the body after the headers. */
    static Answer parse(String raw) {
      int headersEnd = raw.indexOf("\r\n\r\n");
      assertTrue(raw.startsWith("HTTP/1.1 ") && headersEnd > 0, "an HTTP answer: " + raw.substring(0, Math.min(raw.length(), 200)));
      String body = raw.substring(headersEnd + 4);
      boolean chunked = raw.substring(0, headersEnd).toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked");
      return new Answer(Integer.parseInt(raw.substring(9, 12)), chunked ? dechunk(body) : body);
    }

    /** The body of a chunked answer; every chunk here is ASCII-sized text, so characters count as bytes would. */
    private static String dechunk(String chunked) {
      StringBuilder body = new StringBuilder();
      int at = 0;
      while (at < chunked.length()) {
        int lineEnd = chunked.indexOf("\r\n", at);
        if (lineEnd < 0) {
          break;
        }
        int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
        if (size == 0) {
          break;
        }
        int start = lineEnd + 2;
        int end = Math.min(chunked.length(), start + size);
        body.append(chunked, start, end);
        at = end + 2;
      }
      return body.toString();
    }
  }

  /** Sends a multipart /import announcing {@code declared} bytes, writes only the start of the form and reads the answer. */
  private static Answer declaredUploadOverSocket(long declared) {
    String boundary = "----declared" + System.nanoTime();
    byte[] head = multipartHead(boundary);
    try (Socket socket = new Socket("localhost", TestServer.app().port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("POST /import HTTP/1.1\r\nHost: localhost\r\nCookie: visionary_session=" + Accounts.sessionCookie(me.http)
          + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + declared
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(head);
      out.flush();
      String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return Answer.parse(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aFourHundredMegabyteUploadStreamedWithoutALengthIsCutOffAtTheLimit() {
    AtomicLong sent = new AtomicLong();
    String boundary = "----hostile" + System.nanoTime();
    byte[] head = multipartHead(boundary);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    Answer answer = hostile(() -> chunkedOverSocket("/import", "multipart/form-data; boundary=" + boundary,
        new GeneratedBody(head, 400 * MiB, tail, sent)));
    assertEquals(413, answer.statusCode());
    assertTrue(answer.body().contains("at most 20 MB per request"), answer.body());
    assertTrue(sent.get() < 100 * MiB, "cut off near the limit, not read whole: the client sent " + sent.get() / MiB + " MB");
  }

  @Test
  void aFormStreamedPastTheLimitIsRefused() {
    AtomicLong sent = new AtomicLong();
    byte[] head = ("_csrf=" + me.csrf() + "&title=").getBytes(StandardCharsets.US_ASCII);
    Answer answer = hostile(() -> chunkedOverSocket("/prompts", "application/x-www-form-urlencoded",
        new GeneratedBody(head, 400 * MiB, new byte[0], sent)));
    assertEquals(413, answer.statusCode());
    assertTrue(answer.body().contains("larger than Visionary accepts"), answer.body());
  }

  /**
   * Streams {@code body} in chunks (no Content-Length) on one thread while this one reads the answer, as a
   * browser does. The server answers and closes once the limit is passed; reading at once keeps the answer
   * from being lost to the reset that the writer's next chunk provokes.
   */
  private static Answer chunkedOverSocket(String path, String contentType, InputStream body) {
    try (Socket socket = new Socket("localhost", TestServer.app().port())) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nCookie: visionary_session=" + Accounts.sessionCookie(me.http)
          + "\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      Thread writer = new Thread(() -> {
        byte[] chunk = new byte[64 * 1024];
        try {
          int n;
          while ((n = body.read(chunk, 0, chunk.length)) > 0) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk, 0, n);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closedByTheServer) {
          // expected: the server stops reading once the limit is passed
        }
      }, "hostile-upload-writer");
      writer.setDaemon(true);
      writer.start();
      java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          received.write(buffer, 0, n);
        }
      } catch (java.net.SocketException resetAfterTheAnswer) {
        // a reset after the whole answer arrived ends the read; what was read is the answer
      }
      return Answer.parse(received.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anUploadAbandonedHalfwayLeavesNoRequestRunningAndNoFileBehind() throws Exception {
    long heapBefore = heapInUse();
    Instant started = Instant.now();
    String boundary = "----abandoned" + System.nanoTime();
    byte[] head = multipartHead(boundary);
    try (Socket socket = new Socket("localhost", TestServer.app().port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /import HTTP/1.1\r\nHost: localhost\r\nCookie: visionary_session=" + Accounts.sessionCookie(me.http)
          + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + 15 * MiB
          + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(head);
      byte[] zeros = new byte[(int) MiB];
      for (int i = 0; i < 5; i++) {
        out.write(zeros);
      }
      out.flush();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (requestThreads().isEmpty() && System.nanoTime() < deadline) {
        sleep(20);
      }
      assertTrue(!requestThreads().isEmpty(), "the server is waiting for the rest of the upload");
      sleep(300);
      assertNoMultipartFilesSince(started);
    }
    // The client is gone: the request ends, and what it had sent is released.
    assertNoRequestRunning();
    long growth = heapInUse() - heapBefore;
    assertTrue(growth < HEAP_GROWTH_LIMIT, "heap grew by " + growth / MiB + " MB");
    assertNoMultipartFilesSince(started);
  }

  /**
   * Sends one hostile request and checks what every one of them must meet: an answer within 2 s, no
   * request still running afterwards, and less than 64 MB more heap in use once garbage is collected.
   */
  private static Answer hostile(Supplier<Answer> send) {
    long heapBefore = heapInUse();
    Instant started = Instant.now();
    long startedNanos = System.nanoTime();
    Answer answer = send.get();
    long took = System.nanoTime() - startedNanos;
    assertTrue(took < ANSWER_WITHIN_NANOS, "answered after " + took / 1_000_000 + " ms");
    assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, "status " + answer.statusCode());
    assertTrue(answer.body().contains("data-testid=\"error\""), "a readable message: " + answer.body());
    assertNoRequestRunning();
    long growth = heapInUse() - heapBefore;
    assertTrue(growth < HEAP_GROWTH_LIMIT, "heap grew by " + growth / MiB + " MB");
    assertNoMultipartFilesSince(started);
    return answer;
  }

  private static long heapInUse() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** No thread of the app is still inside a request (the test's own thread aside). */
  private static void assertNoRequestRunning() {
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    List<String> busy = requestThreads();
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      sleep(20);
      busy = requestThreads();
    }
    assertEquals(List.of(), busy, "threads still handling a request");
  }

  private static List<String> requestThreads() {
    return LiveThreads.runningCodeOf("io.javalin.http.servlet.JavalinServlet");
  }

  /** Jetty names multipart temporary files MultiPart*; none made by these uploads may remain. */
  private static void assertNoMultipartFilesSince(Instant started) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> files = Files.list(tmp)) {
      List<Path> left = files.filter(p -> p.getFileName().toString().startsWith("MultiPart"))
          .filter(p -> modifiedSince(p, started))
          .toList();
      assertEquals(List.of(), left, "multipart temporary files left behind");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean modifiedSince(Path file, Instant started) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return !modified.toInstant().isBefore(started.minusSeconds(1));
    } catch (IOException e) {
      return false;
    }
  }

  /** The CSRF field and the start of a file part, as a browser's import form sends them. */
  private static byte[] multipartHead(String boundary) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + me.csrf() + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** {@code head}, then {@code zeros} zero bytes made on the fly, then {@code tail}: nothing large is held. */
  private static final class GeneratedBody extends InputStream {
    private final byte[] head;
    private final byte[] tail;
    private final long size;
    private final AtomicLong at;

    GeneratedBody(byte[] head, long zeros, byte[] tail, AtomicLong at) {
      this.head = head;
      this.tail = tail;
      this.size = head.length + zeros + tail.length;
      this.at = at;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) {
      long from = at.get();
      if (from >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - from);
      long tailStart = size - tail.length;
      for (int i = 0; i < n; i++) {
        long position = from + i;
        into[off + i] = position < head.length ? head[(int) position]
            : position >= tailStart ? tail[(int) (position - tailStart)] : 0;
      }
      at.addAndGet(n);
      return n;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
