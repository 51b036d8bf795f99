package dev.visionary.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.visionary.config.Config.PasswordHashing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Password rules and Argon2id hashing. Public so the seed command stores hashes exactly as sign-up does. */
public final class Passwords {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 1024;

  /**
   * Checked when the username is unknown, so a wrong name costs the same time as a wrong password. A fixed
   * hash made at {@link PasswordHashing#OWASP}'s cost (PasswordsTest checks they match): hashing one when the
   * class loads put a 19 MiB Argon2 run, in a JVM that has not compiled it yet, on every start-up.
   */
  static final String DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$XtkZflIUAVjN3ebL76w6qw$3rn9B8jU5y0kFKb3aGGTjSfFv8oggRgRnIVUQnC5mfA";

  private final Set<String> common;
  private final PasswordHashing cost;
  /** {@link #DUMMY_HASH}, or at another cost one made when first needed, so an unknown name still costs one real check. */
  private volatile String dummyHash;

  /** At {@link PasswordHashing#OWASP}'s cost, as every running instance hashes. */
  public Passwords() {
    this(PasswordHashing.OWASP);
  }

  /**
   * Builds no Argon2 function yet: password4j's allocates its whole memory cost when made (twice over, 38 MiB at
   * OWASP's cost) and keeps a 19 MiB copy for its life, which at start-up filled the young generation and cost a
   * collection just before the first request. The first sign-up or sign-in makes it.
   */
  public Passwords(PasswordHashing cost) {
    common = loadCommon();
    this.cost = cost;
    dummyHash = cost.equals(PasswordHashing.OWASP) ? DUMMY_HASH : null;
  }

  /**
   * Argon2id at the configured cost, 1 lane, a 32-byte hash (at OWASP's, about 100 ms per hash on two cores: slow
   * for an attacker, bearable at sign-in); password4j keeps one instance per cost.
   */
  static Argon2Function argon2(PasswordHashing cost) {
    return Argon2Function.getInstance(cost.memoryKib(), cost.passes(), 1, 32, Argon2.ID);
  }

  /** Why a new password is not acceptable, or empty when it is. */
  Optional<String> problem(String password, String username) {
    if (password == null || password.isEmpty()) {
      return Optional.of("Choose a password.");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("Use at least " + MIN_LENGTH + " characters.");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (common.contains(lower)) {
      return Optional.of("That password is one of the most common ones; choose something less guessable.");
    }
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT)) && username.length() >= 3 && length - username.length() < 6) {
      return Optional.of("Your password shouldn't be your username with a few characters added.");
    }
    return Optional.empty();
  }

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(argon2(cost)).getResult();
  }

  boolean matches(String password, String hash) {
    if (password == null || password.length() > MAX_LENGTH) {
      return false;
    }
    return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
  }

  /** Spends the time of one check without anything to compare against. */
  void burnOneCheck(String password) {
    matches(password == null ? "" : password, dummyHash());
  }

  String dummyHash() {
    String made = dummyHash;
    if (made == null) {
      made = hash(""); // two threads may both make one; either does
      dummyHash = made;
    }
    return made;
  }

  private static Set<String> loadCommon() {
    try (var in = Passwords.class.getResourceAsStream("/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-passwords.txt is missing from the classpath");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
