package dev.visionary.account;

import dev.visionary.config.Config;
import dev.visionary.db.DirectRead;
import dev.visionary.identity.RateLimiter;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.SettingsSection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The accounts feature: its parts built once, and what other features may use of it. */
public final class Accounts {
  private final Users users;
  private final SessionFilter filter;
  private final AccountRoutes routes;
  private final Sessions sessions;
  private final RateLimiter limiter;

  /**
   * @param limiter shared with the other features' usage limits: one table of counters
   * @param settingsSections what other features show on the settings page, in order
   * @param reads what kept pages read on every view, sent with the session's lookup
   */
  public Accounts(Jdbi jdbi, DirectRead directRead, Pages pages, Config config, RateLimiter limiter, List<SettingsSection> settingsSections, PageReads reads) {
    this.users = new Users(jdbi);
    this.sessions = new Sessions(jdbi, directRead);
    this.limiter = new RateLimiter(jdbi);
    this.filter = new SessionFilter(sessions, new Csrf(jdbi), reads);
    this.routes = new AccountRoutes(pages, users, sessions, new Passwords(config.passwords()), limiter, config, settingsSections);
  }

  /** Housekeeping: deletes sessions past their idle or absolute expiry; returns how many. */
  public int purgeExpiredSessions() {
    return sessions.purgeExpired();
  }

  /** Housekeeping: deletes limiter rows nobody will read again; returns how many. */
  public int purgeExpiredLimits() {
    return limiter.purgeExpired();
  }

  /** Resolves the person and checks CSRF before every handler; the route table registers it first. */
  public SessionFilter sessionFilter() {
    return filter;
  }

  public AccountRoutes routes() {
    return routes;
  }

  public Users users() {
    return users;
  }
}
