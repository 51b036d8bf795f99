package dev.visionary.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Tables' secondary indexes, foreign keys and row triggers, set aside while rows are copied in and put back
 * afterwards. Building an index once and checking a foreign key with one join are far faster than doing both row
 * by row.
 *
 * <p>The load runs on several connections, so setting aside is committed before it starts and putting back is a
 * step per index and per key ({@link Steps}). When the seed fails, {@link #restoreMissing} puts back whatever is
 * not there yet.
 */
final class BulkLoad {
  /** An index or a foreign key as it was, and the statement that makes it again. */
  record Index(String table, String name, String create) {}

  record ForeignKey(String table, String name, String references, String definition) {
    /** Added and checked in one statement, which locks both tables against writes and DDL until it is done. */
    String add() {
      return "alter table " + quote(table) + " add constraint " + quote(name) + " " + definition;
    }

    /** Added without checking the rows: a short lock on both tables, and no check row by row afterwards. */
    String addUnchecked() {
      return "alter table " + quote(table) + " add constraint " + quote(name) + " " + definition + " not valid";
    }

    /**
     * Checks the rows with one join. It locks only this table against writes and DDL (the referenced table just
     * against being dropped), so it can run while indexes are built on the referenced one.
     */
    String validate() {
      return "alter table " + quote(table) + " validate constraint " + quote(name);
    }
  }

  record Trigger(String table, String name) {}

  private final List<Index> indexes = new ArrayList<>();
  private final List<ForeignKey> foreignKeys = new ArrayList<>();
  private final List<Trigger> triggers = new ArrayList<>();

  /** Drops the tables' foreign keys and indexes other than primary keys and unique constraints. */
  void suspend(Connection c, String table) throws SQLException {
    List<String> drop = new ArrayList<>();
    // Statements built by PostgreSQL from its own catalog (format %I quotes names), not from input.
    try (PreparedStatement s = c.prepareStatement("select format('alter table %I drop constraint %I', ?, conname), conname,"
        + " confrelid::regclass::text, pg_get_constraintdef(oid) from pg_constraint where conrelid = ?::regclass and contype = 'f'"
        + " order by conname")) {
      s.setString(1, table);
      s.setString(2, table);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          drop.add(r.getString(1));
          foreignKeys.add(new ForeignKey(table, r.getString(2), r.getString(3), r.getString(4)));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("select format('drop index %I.%I', schemaname, indexname), indexname, indexdef"
        + " from pg_indexes i where tablename = ? and schemaname = current_schema()"
        + " and not exists (select 1 from pg_constraint k where k.conname = i.indexname and k.contype in ('p', 'u'))"
        + " order by indexname")) {
      s.setString(1, table);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          drop.add(r.getString(1));
          indexes.add(new Index(table, r.getString(2), r.getString(3)));
        }
      }
    }
    try (Statement s = c.createStatement()) {
      for (String statement : drop) {
        s.execute(statement);
      }
    }
  }

  /** Switches off a trigger whose work the seed does itself, once for all rows. */
  void disableTrigger(Connection c, String table, String trigger) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("alter table " + quote(table) + " disable trigger " + quote(trigger));
    }
    triggers.add(new Trigger(table, trigger));
  }

  List<Index> indexes(String table) {
    return indexes.stream().filter(i -> i.table().equals(table)).toList();
  }

  List<ForeignKey> foreignKeys(String table) {
    return foreignKeys.stream().filter(k -> k.table().equals(table)).toList();
  }

  void enableTriggers(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Trigger t : triggers) {
        s.execute("alter table " + quote(t.table()) + " enable trigger " + quote(t.name()));
      }
    }
  }

  /** After a failure: makes again the indexes and keys that are not there, checks unchecked keys, enables triggers. */
  void restoreMissing(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Index index : indexes) {
        if (!exists(c, "select 1 from pg_indexes where schemaname = current_schema() and indexname = ?", index.name())) {
          s.execute(index.create());
        }
      }
      for (ForeignKey key : foreignKeys) {
        if (!exists(c, "select 1 from pg_constraint where conname = ? and conrelid = '" + quote(key.table()) + "'::regclass", key.name())) {
          s.execute(key.addUnchecked());
        }
        s.execute(key.validate());
      }
    }
    enableTriggers(c);
  }

  private static boolean exists(Connection c, String query, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(query)) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Names here are exactly as PostgreSQL's catalog holds them, so quoting each one always names the same object. */
  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
