package dev.visionary.web;

import io.javalin.security.RouteRole;

/**
 * Who may reach a route. Every route in the route table names one; the session filter reads it from the
 * matched route, so there is no second list of paths that could drift from the table.
 */
public enum RouteAccess implements RouteRole {
  /** Anyone, signed in or not (the handler may still hide private things behind a 404). */
  PUBLIC,
  /** A signed-in person; anyone else is sent to sign in. */
  SIGNED_IN,
  /** A signed-in person, and the handler itself answers 404 unless that person owns the thing named in the path. */
  OWNER;

  public boolean needsSignIn() {
    return this != PUBLIC;
  }
}
