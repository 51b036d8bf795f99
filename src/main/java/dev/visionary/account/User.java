package dev.visionary.account;

/** A person with an account. The password hash never leaves {@link Users}. */
public record User(long id, String username) {}
