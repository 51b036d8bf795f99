package dev.visionary.account;

import dev.visionary.config.Config;
import dev.visionary.identity.CurrentUser;
import dev.visionary.identity.RateLimiter;
import dev.visionary.identity.User;
import dev.visionary.web.Bookmarklet;
import dev.visionary.web.Forms;
import dev.visionary.web.Pages;
import dev.visionary.web.Requests;
import dev.visionary.web.SettingsSection;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-up, sign-in, sign-out and the account page. */
public final class AccountRoutes {
  private static final Logger log = LoggerFactory.getLogger(AccountRoutes.class);
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_-]{3,32}");
  private static final String BAD_CREDENTIALS = "Wrong username or password.";
  private static final int LOGINS_PER_NAME_AND_ADDRESS = 10;
  private static final Duration LOGIN_WINDOW = Duration.ofMinutes(15);
  private static final String SLOW_PREFIX = "login:slow:";
  private static final int FREE_FAILURES_PER_NAME = 5;
  private static final Duration MAX_DELAY_PER_NAME = Duration.ofMinutes(1);
  private static final Duration KNOWN_ADDRESS = Duration.ofDays(30);
  private static final int PASSWORD_CHECKS_PER_USER = 10;

  private final Pages pages;
  private final Users users;
  private final Sessions sessions;
  private final Passwords passwords;
  private final RateLimiter limiter;
  private final int loginsPerAddress;
  private final int signupsPerAddress;
  private final List<SettingsSection> settingsSections;

  AccountRoutes(Pages pages, Users users, Sessions sessions, Passwords passwords, RateLimiter limiter, Config config,
      List<SettingsSection> settingsSections) {
    this.settingsSections = List.copyOf(settingsSections);
    this.loginsPerAddress = config.limits().loginsPerAddress();
    this.signupsPerAddress = config.limits().signupsPerAddress();
    this.pages = pages;
    this.users = users;
    this.sessions = sessions;
    this.passwords = passwords;
    this.limiter = limiter;
  }

  public void signupForm(Context ctx) {
    showSignup(ctx, Map.of(), "", 200);
  }

  public void loginForm(Context ctx) {
    showLogin(ctx, null, "", Urls.localOr(ctx.queryParam("next"), "/"), 200);
  }

  public void settings(Context ctx) {
    showSettings(ctx, Map.of(), 200);
  }

  public void signup(Context ctx) {
    String username;
    String password;
    try {
      username = Forms.text(ctx, "username", "Username", 64, false);
      password = rawPassword(ctx, "password");
    } catch (Forms.Invalid e) {
      showSignup(ctx, Map.of(e.field(), e.getMessage()), "", 422);
      return;
    }
    Map<String, String> errors = new HashMap<>();
    if (!USERNAME.matcher(username).matches()) {
      errors.put("username", "Use 3 to 32 letters, digits, _ or -.");
    }
    passwords.problem(password, username).ifPresent(p -> errors.put("password", p));
    if (!errors.isEmpty()) {
      showSignup(ctx, errors, username, 422);
      return;
    }
    OptionalLong wait = limiter.hit("signup:ip:" + Requests.clientAddress(ctx), signupsPerAddress, Duration.ofHours(1));
    if (wait.isPresent()) {
      showSignup(ctx, Map.of("form", "Too many new accounts from your network. Try again in " + wait.getAsLong() + " seconds."), username, 429);
      return;
    }
    Optional<User> created = users.create(username, passwords.hash(password));
    if (created.isEmpty()) {
      showSignup(ctx, Map.of("username", "That username is taken. Choose another."), username, 409);
      return;
    }
    limiter.remember(knownAddressKey(created.get().username().toLowerCase(Locale.ROOT), Requests.clientAddress(ctx)), KNOWN_ADDRESS);
    log.info("New account: user {}", created.get().id());
    signIn(ctx, created.get());
    ctx.redirect(Urls.STUDIO, HttpStatus.SEE_OTHER);
  }

  public void login(Context ctx) {
    String next = Urls.localOr(Forms.param(ctx, "next"), "/");
    String username;
    String password;
    try {
      username = Forms.text(ctx, "username", "Username", 64, false);
      password = rawPassword(ctx, "password");
    } catch (Forms.Invalid e) {
      showLogin(ctx, e.getMessage(), "", next, 422);
      return;
    }
    String name = username.toLowerCase(Locale.ROOT);
    String address = Requests.clientAddress(ctx);
    OptionalLong wait = loginWait(name, address);
    if (wait.isPresent()) {
      ctx.header("Retry-After", Long.toString(wait.getAsLong()));
      showLogin(ctx, "Too many sign-in attempts. Try again in " + wait.getAsLong() + " seconds.", username, next, 429);
      return;
    }
    Optional<Users.Credentials> credentials = USERNAME.matcher(username).matches() ? users.credentials(username) : Optional.empty();
    if (credentials.isEmpty()) {
      passwords.burnOneCheck(password);
      // Unknown names are slowed like known ones, so the answer's timing does not say which names exist.
      limiter.failure(SLOW_PREFIX + name, LOGIN_WINDOW);
      // The name is not logged: people sometimes type their password into the username field.
      log.info("Failed sign-in: unknown username, from {}", address);
      showLogin(ctx, BAD_CREDENTIALS, username, next, 401);
      return;
    }
    if (!passwords.matches(password, credentials.get().passwordHash())) {
      limiter.failure(SLOW_PREFIX + name, LOGIN_WINDOW);
      log.info("Failed sign-in: wrong password for user {}, from {}", credentials.get().user().id(), address);
      showLogin(ctx, BAD_CREDENTIALS, username, next, 401);
      return;
    }
    limiter.reset(nameAndAddressKey(name, address));
    limiter.reset(SLOW_PREFIX + name);
    limiter.remember(knownAddressKey(name, address), KNOWN_ADDRESS);
    log.info("User {} signed in", credentials.get().user().id());
    signIn(ctx, credentials.get().user());
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  /**
   * How long this attempt must wait, if at all (OWASP ASVS 2.2.1: slow guessing, never lock the owner out).
   * Strictly per username and address, loosely per address, and per username from anywhere a delay that
   * doubles with each failure up to a minute. An address the account signed in from recently skips that
   * delay, so guesses from elsewhere never keep the owner out; it is still held to the other two limits.
   */
  private OptionalLong loginWait(String name, String address) {
    OptionalLong byAddress = limiter.hit("login:ip:" + address, loginsPerAddress, LOGIN_WINDOW);
    OptionalLong byNameAndAddress = limiter.hit(nameAndAddressKey(name, address), LOGINS_PER_NAME_AND_ADDRESS, LOGIN_WINDOW);
    OptionalLong byName = limiter.remembers(knownAddressKey(name, address))
        ? OptionalLong.empty()
        : limiter.delayLeft(SLOW_PREFIX + name, FREE_FAILURES_PER_NAME, MAX_DELAY_PER_NAME);
    long seconds = Math.max(byAddress.orElse(0), Math.max(byNameAndAddress.orElse(0), byName.orElse(0)));
    return seconds > 0 ? OptionalLong.of(seconds) : OptionalLong.empty();
  }

  private static String nameAndAddressKey(String name, String address) {
    return "login:name-ip:" + name + ":" + address;
  }

  private static String knownAddressKey(String name, String address) {
    return "login:known:" + name + ":" + address;
  }

  /** Counts one current-password check for {@code user}; answers the settings page with 429 when over the limit. */
  private boolean passwordChecksLeft(Context ctx, User user) {
    OptionalLong wait = limiter.hit("password-check:" + user.id(), PASSWORD_CHECKS_PER_USER, LOGIN_WINDOW);
    if (wait.isEmpty()) {
      return true;
    }
    ctx.header("Retry-After", Long.toString(wait.getAsLong()));
    showSettings(ctx, Map.of("form", "Too many password attempts. Try again in " + wait.getAsLong() + " seconds."), 429);
    return false;
  }

  public void logout(Context ctx) {
    sessions.end(SessionFilter.token(ctx));
    SessionFilter.setCookie(ctx, Sessions.newToken(), false);
    ctx.redirect(Urls.STUDIO, HttpStatus.SEE_OTHER);
  }

  public void changePassword(Context ctx) {
    User user = CurrentUser.require(ctx);
    String current = rawPassword(ctx, "current");
    String fresh = rawPassword(ctx, "password");
    if (!passwordChecksLeft(ctx, user)) {
      return;
    }
    if (!passwords.matches(current, users.passwordHash(user.id()).orElse(""))) {
      showSettings(ctx, Map.of("current", "That is not your current password."), 422);
      return;
    }
    Optional<String> problem = passwords.problem(fresh, user.username());
    if (problem.isPresent()) {
      showSettings(ctx, Map.of("password", problem.get()), 422);
      return;
    }
    users.updatePassword(user.id(), passwords.hash(fresh));
    // Anyone who signed in with the old password is signed out everywhere else.
    sessions.endOthers(user.id(), SessionFilter.token(ctx));
    ctx.redirect(Urls.withQuery(Urls.SETTINGS, "changed", "password"), HttpStatus.SEE_OTHER);
  }

  public void deleteAccount(Context ctx) {
    User user = CurrentUser.require(ctx);
    String password = rawPassword(ctx, "confirm_password");
    if (!passwordChecksLeft(ctx, user)) {
      return;
    }
    if (!passwords.matches(password, users.passwordHash(user.id()).orElse(""))) {
      showSettings(ctx, Map.of("confirm_password", "That is not your password; your account was not deleted."), 422);
      return;
    }
    users.delete(user.id());
    sessions.endAll(user.id()); // the rows went with the account; this instance's memory of them goes too
    SessionFilter.setCookie(ctx, Sessions.newToken(), false);
    ctx.redirect(Urls.withQuery(Urls.STUDIO, "account", "deleted"), HttpStatus.SEE_OTHER);
  }

  /** Sign-in always starts a new session token: a token known before sign-in is never trusted after. */
  private void signIn(Context ctx, User user) {
    String old = SessionFilter.token(ctx);
    sessions.end(old);
    SessionFilter.setCookie(ctx, sessions.start(user.id()), true);
  }

  /** Passwords are taken as typed (no trimming), only bounded in length. */
  private static String rawPassword(Context ctx, String name) {
    String value = Forms.param(ctx, name);
    if (value != null && value.length() > Passwords.MAX_LENGTH * 2) {
      throw new io.javalin.http.BadRequestResponse("That password is far too long.");
    }
    return value == null ? "" : value;
  }

  private void showSignup(Context ctx, Map<String, String> errors, String username, int status) {
    ctx.status(status);
    pages.page(ctx, "account/signup", Map.of("errors", errors, "username", username, "minLength", Passwords.MIN_LENGTH));
  }

  private void showLogin(Context ctx, String error, String username, String next, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("error", error);
    model.put("username", username);
    model.put("next", next);
    pages.page(ctx, "account/login", model);
  }

  private void showSettings(Context ctx, Map<String, String> errors, int status) {
    ctx.status(status);
    Map<String, Object> model = new HashMap<>();
    model.put("errors", errors);
    model.put("changed", "password".equals(ctx.queryParam("changed")));
    model.put("minLength", Passwords.MIN_LENGTH);
    model.put("sections", settingsSections);
    model.put("bookmarklet", Bookmarklet.href(ctx));
    pages.page(ctx, "account/settings", model);
  }
}
