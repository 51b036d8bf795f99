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

  public Accounts(Jdbi jdbi, Pages pages, Config config) {
    this.users = new Users(jdbi);
    this.sessions = new Sessions(jdbi);
    RateLimiter limiter = new RateLimiter(jdbi);
    this.filter = new SessionFilter(sessions, new Csrf(jdbi));
    this.routes = new AccountRoutes(pages, users, sessions, new Passwords(), limiter, config);
    this.limits = new UsageLimits(limiter, config);
  }

  /** Start-up housekeeping, once the database is migrated (building the feature does not touch it). */
  public void purgeExpiredSessions() {
    sessions.purgeExpired();
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
