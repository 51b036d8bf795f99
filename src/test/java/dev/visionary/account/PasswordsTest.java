package dev.visionary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void theFixedHashForUnknownUsernamesCostsWhatARealCheckCosts() {
    // Same parameters, so a wrong username takes as long as a wrong password.
    assertEquals(Passwords.ARGON2, Argon2Function.getInstanceFromHash(Passwords.DUMMY_HASH));
  }
}
