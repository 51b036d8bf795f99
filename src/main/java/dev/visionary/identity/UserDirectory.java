package dev.visionary.identity;

import java.util.Optional;

/** Finds a person by the name others see; account keeps the users, features that link to people ask here. */
public interface UserDirectory {
  Optional<User> byUsername(String username);
}
