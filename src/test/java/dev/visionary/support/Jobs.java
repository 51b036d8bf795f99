package dev.visionary.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Following a generation job over HTTP until it finishes, as the job card does. */
public final class Jobs {
  private static final Pattern STATUS = Pattern.compile("data-status=\"([a-z]+)\"");
  private static final Pattern IMAGE = Pattern.compile("src=\"/images/([A-Za-z0-9]{10})/thumb\"");

  private Jobs() {}

  /** Queues a job from form fields and returns its id (from the 303 to /jobs/{id}). */
  public static String submit(Http http, String... fields) {
    String[] all = new String[fields.length + 2];
    all[0] = "_csrf";
    all[1] = Accounts.csrf(http, "/generate");
    System.arraycopy(fields, 0, all, 2, fields.length);
    HttpResponse<String> response = http.postForm("/generate", Http.form(all));
    if (response.statusCode() != 303) {
      throw new AssertionError("Expected the job to be queued, got " + response.statusCode() + ": " + response.body());
    }
    return response.headers().firstValue("Location").orElseThrow().substring("/jobs/".length());
  }

  public static String status(Http http, String jobId) {
    HttpResponse<String> card = http.get("/jobs/" + jobId, "HX-Request", "true");
    Matcher m = STATUS.matcher(card.body());
    if (!m.find()) {
      throw new AssertionError("No job card for " + jobId + ": " + card.statusCode() + " " + card.body());
    }
    return m.group(1);
  }

  /** Polls until the job is succeeded, failed or cancelled; returns the final card HTML. */
  public static String awaitFinished(Http http, String jobId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String status = status(http, jobId);
      if (status.equals("succeeded") || status.equals("failed") || status.equals("cancelled")) {
        return http.get("/jobs/" + jobId, "HX-Request", "true").body();
      }
      sleep(100);
    }
    throw new AssertionError("Job " + jobId + " did not finish in " + timeout + "; last status " + status(http, jobId));
  }

  public static java.util.List<String> imageIds(String cardHtml) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    Matcher m = IMAGE.matcher(cardHtml);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
