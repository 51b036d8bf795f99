package dev.visionary.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import dev.visionary.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  @Test
  void theFixedHashForUnknownUsernamesCostsWhatARealCheckCosts() {
    // Same parameters, so a wrong username takes as long as a wrong password.
    assertEquals(Passwords.argon2(Config.PasswordHashing.OWASP), Argon2Function.getInstanceFromHash(Passwords.DUMMY_HASH));
  }

  @Test
  void aRunningInstanceHashesAtOwaspsCost() {
    Config config = Config.from(Map.of());
    String hash = new Passwords(config.passwords()).hash("correct horse battery");
    assertEquals(Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID), Argon2Function.getInstanceFromHash(hash));
    assertTrue(new Passwords(config.passwords()).matches("correct horse battery", hash));
  }

  @Test
  void atAnotherCostAnUnknownNameStillCostsOneCheckAtThatCost() {
    Passwords cheap = new Passwords(new Config.PasswordHashing(8, 1));
    Argon2Function cost = Argon2Function.getInstance(8, 1, 1, 32, Argon2.ID);
    String hash = cheap.hash("correct horse battery");
    assertEquals(cost, Argon2Function.getInstanceFromHash(hash));
    assertEquals(cost, Argon2Function.getInstanceFromHash(cheap.dummyHash()));
    assertFalse(cheap.matches("wrong horse battery", hash));
    assertEquals(Passwords.DUMMY_HASH, new Passwords().dummyHash(), "at OWASP's cost the fixed hash is used, not one made on first use");
  }

  @Test
  void makingThePasswordCheckerAtStartUpSetsAsideNoArgon2Memory() {
    // A cost no other test uses, so no Argon2 function of it exists yet in this JVM.
    Config.PasswordHashing cost = new Config.PasswordHashing(16 * 1024 + 7, 1);
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Passwords passwords = new Passwords(cost);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(allocated < 4 * 1024 * 1024, "made at start-up it allocated " + allocated + " bytes");
    // The first use makes it, and the unknown-name check still runs at that cost.
    assertEquals(Passwords.argon2(cost), Argon2Function.getInstanceFromHash(passwords.dummyHash()));
    assertTrue(passwords.matches("correct horse battery", passwords.hash("correct horse battery")));
  }
}
