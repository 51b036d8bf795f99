package dev.visionary.web;

import dev.visionary.db.Database;
import io.javalin.http.Context;
import java.util.Map;

/** {@code GET /health}: what a load balancer or uptime check asks; 503 while the database is unreachable. */
public final class HealthRoutes {
  private final Database database;

  public HealthRoutes(Database database) {
    this.database = database;
  }

  public void health(Context ctx) {
    boolean dbOk = database.isHealthy();
    ctx.header("Cache-Control", "no-store");
    ctx.status(dbOk ? 200 : 503).json(Map.of("status", dbOk ? "ok" : "unavailable", "db", dbOk ? "ok" : "unreachable"));
  }
}
