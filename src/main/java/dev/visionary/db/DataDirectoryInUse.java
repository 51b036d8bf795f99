package dev.visionary.db;

/** Another running process owns this DATA_DIR's embedded database; the message is one line meant for the person. */
public final class DataDirectoryInUse extends RuntimeException {
  DataDirectoryInUse(String message) {
    super(message);
  }
}
