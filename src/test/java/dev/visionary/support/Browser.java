package dev.visionary.support;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, shared by every browser test in the run.
 * Screenshots land in target/screenshots so a person can look at every page.
 *
 * <p>Every context it makes watches its pages: a console error, an uncaught script error, or two elements with the
 * same id after a page load or an HTMX swap is recorded, and {@link BrowserProblems} fails the test that caused it.
 */
public final class Browser {
  public static final Path CHROMIUM = Path.of(System.getProperty("visionary.chromium", "/usr/bin/chromium"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** Runs in every page before its own scripts: after each load and each HTMX swap, reports repeated ids as a console error. */
  private static final String UNIQUE_IDS = """
      (() => {
        const check = () => {
          const seen = new Set();
          const repeated = new Set();
          for (const element of document.querySelectorAll('[id]')) {
            (seen.has(element.id) ? repeated : seen).add(element.id);
          }
          if (repeated.size > 0) {
            console.error('Repeated id on ' + location.pathname + ': ' + [...repeated].join(', '));
          }
        };
        document.addEventListener('DOMContentLoaded', check);
        document.addEventListener('htmx:afterSettle', check);
        document.addEventListener('htmx:oobAfterSwap', check);
      })();
      """;
  private static final List<String> problems = new java.util.ArrayList<>();
  private static final List<String> allowed = new java.util.ArrayList<>();
  /**
   * Chromium logs every 4xx answer as a console error. A 404 page or a form sent back with its messages (422) is
   * Visionary answering as designed, and tests visit them on purpose; a 5xx answer, or any script's error, is not.
   */
  private static final java.util.regex.Pattern ANSWERED_BAD_INPUT =
      java.util.regex.Pattern.compile("^Failed to load resource: the server responded with a status of 4\\d\\d ");

  private static Playwright playwright;
  private static com.microsoft.playwright.Browser browser;

  private Browser() {}

  public static synchronized com.microsoft.playwright.Browser get() {
    if (browser == null) {
      if (!Files.isExecutable(CHROMIUM)) {
        throw new IllegalStateException("Browser tests need Chromium at " + CHROMIUM + " (apt-get install chromium); .ci/run installs it.");
      }
      playwright = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
          .setExecutablePath(CHROMIUM)
          .setHeadless(true)
          .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
      Runtime.getRuntime().addShutdownHook(new Thread(Browser::close));
    }
    return browser;
  }

  public static BrowserContext newContext() {
    return newContext(TestServer.baseUrl());
  }

  /** A context for another app instance (one started with its own environment). */
  public static BrowserContext newContext(String baseUrl) {
    BrowserContext context = get().newContext(new NewContextOptions().setBaseURL(baseUrl).setViewportSize(1280, 800));
    context.addInitScript(UNIQUE_IDS);
    context.onConsoleMessage(message -> {
      if ("error".equals(message.type()) && !ANSWERED_BAD_INPUT.matcher(message.text()).find() && !allowed(message.text())) {
        problem("console error on " + pageUrl(message.page()) + ": " + message.text());
      }
    });
    context.onWebError(error -> problem("script error on " + pageUrl(error.page()) + ": " + error.error()));
    return context;
  }

  /**
   * Lets the running test's pages log a console error holding {@code text}: for a test that provokes one on purpose,
   * such as a 503 during a database outage. Cleared when the next test starts.
   */
  public static synchronized void allowConsoleError(String text) {
    allowed.add(text);
  }

  /** The problems recorded since the last call, which clears them and the running test's allowances. */
  static synchronized List<String> takeProblems() {
    List<String> taken = List.copyOf(problems);
    problems.clear();
    allowed.clear();
    return taken;
  }

  private static synchronized boolean allowed(String text) {
    return allowed.stream().anyMatch(text::contains);
  }

  private static synchronized void problem(String description) {
    problems.add(description);
  }

  private static String pageUrl(Page page) {
    return page == null ? "a page" : page.url();
  }

  /** Signs up a new person in the page's context (which then keeps the session cookie). */
  /**
   * Waits until HTMX has finished every request and swap on the page. New content gets its listeners only when
   * it settles (20 ms after the swap), so acting on a just-swapped control sooner can go unheard.
   */
  public static void settled(Page page) {
    page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
  }

  public static void signUp(Page page, String username) {
    page.navigate("/signup");
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(Accounts.PASSWORD);
    page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
    page.waitForURL("**/");
  }

  /** Saves the page at desktop and phone widths, in light and dark, as target/screenshots/{name}-….png. */
  public static void screenshots(Page page, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
        String mode = scheme == ColorScheme.LIGHT ? "light" : "dark";
        page.setViewportSize(1280, 800);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-desktop-" + mode + ".png")).setFullPage(true));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-phone-" + mode + ".png")).setFullPage(true));
      }
      page.setViewportSize(1280, 800);
      page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static synchronized void close() {
    if (browser != null) {
      browser.close();
      playwright.close();
    }
  }
}
