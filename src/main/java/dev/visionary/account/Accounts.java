package dev.visionary.account;

import dev.visionary.config.Config;
import dev.visionary.web.Pages;
import io.javalin.config.RoutesConfig;
import org.jdbi.v3.core.Jdbi;

/** The accounts feature: its parts built once, and what other features may use of it. */
public final class Accounts {
  private final Users users;
  private final SessionFilter filter;
  private final AccountRoutes routes;
  private final UsageLimits limits;
  private final Sessions sessions;
  private final RateLimiter limiter;

  public Accounts(Jdbi jdbi, Pages pages, Config config) {
    this.users = new Users(jdbi);
    this.sessions = new Sessions(jdbi);
    this.limiter = new RateLimiter(jdbi);
    this.filter = new SessionFilter(sessions, new Csrf(jdbi));
    this.routes = new AccountRoutes(pages, users, sessions, new Passwords(), limiter, config);
    this.limits = new UsageLimits(limiter, config);
  }

  /** Housekeeping: deletes sessions past their idle or absolute expiry; returns how many. */
  public int purgeExpiredSessions() {
    return sessions.purgeExpired();
  }

  /** Housekeeping: deletes limiter rows nobody will read again; returns how many. */
  public int purgeExpiredLimits() {
    return limiter.purgeExpired();
  }

  /** The session filter runs before every other feature's handlers; register this first. */
  public void register(RoutesConfig config) {
    config.before(filter::before);
    config.after(filter::after);
    routes.register(config);
  }

  public Users users() {
    return users;
  }

  public UsageLimits limits() {
    return limits;
  }
}
