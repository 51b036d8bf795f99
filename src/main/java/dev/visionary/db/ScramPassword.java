package dev.visionary.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.util.PasswordUtil;

/**
 * The statement that gives the embedded server's superuser its password, as a SCRAM-SHA-256 verifier made here so
 * the password itself never reaches the server or its log.
 *
 * <p>The verifier takes {@link #ITERATIONS} rounds of PBKDF2, not the 4,096 PostgreSQL and the driver default to.
 * Those rounds slow down guessing a chosen password from a stolen verifier; this one is 32 random bytes, beyond
 * guessing at any count. The client repeats them on every connection it opens, and early in a start, before the
 * JIT has compiled SHA-256, 4,096 of them were about a quarter of the database thread's CPU until the pool was up.
 */
final class ScramPassword {
  static final int ITERATIONS = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern ROUNDS = Pattern.compile("SCRAM-SHA-256\\$([0-9]{1,9}):");

  private ScramPassword() {}

  /**
   * Gives the superuser a verifier of {@link #ITERATIONS} rounds when it has one of more, as data directories made
   * before this class have (4,096): one query on every start, and once the statement that replaces it.
   */
  static void renew(DataSource ds, String password) throws SQLException {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("select rolpassword from pg_authid where rolname = 'postgres'")) {
      Matcher m = rs.next() && rs.getString(1) != null ? ROUNDS.matcher(rs.getString(1)) : null;
      if (m != null && m.lookingAt() && Integer.parseInt(m.group(1)) > ITERATIONS) {
        s.execute(alterSuperuser(password));
      }
    }
  }

  /** {@code alter role postgres password '…'}: a role's password cannot be a bound parameter. */
  static String alterSuperuser(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    String verifier = PasswordUtil.encodeScramSha256(password.toCharArray(), ITERATIONS, salt);
    // Base64 and the separators "$:" only, so it can sit between quotes as it is.
    if (!verifier.matches("SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")) {
      throw new IllegalStateException("Unexpected SCRAM verifier format");
    }
    return "alter role postgres password '" + verifier + "'";
  }
}
