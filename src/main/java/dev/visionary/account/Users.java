package dev.visionary.account;

import dev.visionary.identity.User;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The users table. Usernames are citext, so lookups and uniqueness ignore case. */
public final class Users {
  private final Jdbi jdbi;

  public Users(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Stored credentials, only for checking a password. */
  record Credentials(User user, String passwordHash) {}

  /** Creates the user, or returns empty when the name is taken in any letter case. */
  Optional<User> create(String username, String passwordHash) {
    return jdbi.withHandle(h -> h.createQuery(
            "insert into users(username, password_hash) values (:username, :hash) "
                + "on conflict (username) do nothing returning id, username::text")
        .bind("username", username)
        .bind("hash", passwordHash)
        .map((rs, ctx) -> new User(rs.getLong("id"), rs.getString("username")))
        .findOne());
  }

  Optional<Credentials> credentials(String username) {
    return jdbi.withHandle(h -> h.createQuery("select id, username::text, password_hash from users where username = :username")
        .bind("username", username)
        .map((rs, ctx) -> new Credentials(new User(rs.getLong("id"), rs.getString("username")), rs.getString("password_hash")))
        .findOne());
  }

  Optional<String> passwordHash(long userId) {
    return jdbi.withHandle(h -> h.createQuery("select password_hash from users where id = :id")
        .bind("id", userId).mapTo(String.class).findOne());
  }

  public Optional<User> byUsername(String username) {
    return jdbi.withHandle(h -> h.createQuery("select id, username::text from users where username = :username")
        .bind("username", username)
        .map((rs, ctx) -> new User(rs.getLong("id"), rs.getString("username")))
        .findOne());
  }

  void updatePassword(long userId, String passwordHash) {
    jdbi.useHandle(h -> h.createUpdate("update users set password_hash = :hash where id = :id")
        .bind("hash", passwordHash).bind("id", userId).execute());
  }

  /** Deletes the person and, through foreign keys with on delete cascade, everything they own. */
  void delete(long userId) {
    jdbi.useHandle(h -> h.createUpdate("delete from users where id = :id").bind("id", userId).execute());
  }
}
