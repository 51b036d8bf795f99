package dev.visionary.web;

import dev.visionary.db.Database;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

/** {@code GET /health}: what a load balancer or uptime check asks; 503 while the database is unreachable. */
public final class HealthRoutes {
  private final Database database;

  public HealthRoutes(Database database) {
    this.database = database;
  }

  public void health(Context ctx) {
    boolean dbOk = database.isHealthy();
    ctx.header("Cache-Control", "no-store");
    // Written out rather than through the JSON mapper: a start is timed to the first answer here, and the mapper's
    // first use (building its serializers) was a good part of that answer's cost.
    ctx.status(dbOk ? 200 : 503).contentType(ContentType.APPLICATION_JSON)
        .result(dbOk ? "{\"status\":\"ok\",\"db\":\"ok\"}" : "{\"status\":\"unavailable\",\"db\":\"unreachable\"}");
  }
}
