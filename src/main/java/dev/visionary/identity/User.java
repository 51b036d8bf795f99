package dev.visionary.identity;

/** A person with an account. The password hash stays inside the account feature. */
public record User(long id, String username) {}
