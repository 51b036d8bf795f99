package dev.visionary.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's secondary indexes and foreign keys, set aside while rows are copied in and put back afterwards.
 * Building an index once and checking a foreign key with one join are far faster than doing both row by row.
 * DDL is transactional in PostgreSQL: if the seed fails, the rollback restores them.
 */
final class BulkLoad {
  private final Connection c;
  private final List<String> restore;

  private BulkLoad(Connection c, List<String> restore) {
    this.c = c;
    this.restore = restore;
  }

  static BulkLoad suspend(Connection c, String table) throws SQLException {
    List<String> drop = new ArrayList<>();
    List<String> restore = new ArrayList<>();
    // Statements built by PostgreSQL from its own catalog (format %I quotes names), not from input.
    try (PreparedStatement s = c.prepareStatement("select format('alter table %I drop constraint %I', ?, conname),"
        + " format('alter table %I add constraint %I ', ?, conname) || pg_get_constraintdef(oid)"
        + " from pg_constraint where conrelid = ?::regclass and contype = 'f'")) {
      s.setString(1, table);
      s.setString(2, table);
      s.setString(3, table);
      collect(s, drop, restore);
    }
    try (PreparedStatement s = c.prepareStatement("select format('drop index %I.%I', schemaname, indexname), indexdef from pg_indexes i"
        + " where tablename = ? and schemaname = current_schema()"
        + " and not exists (select 1 from pg_constraint k where k.conname = i.indexname and k.contype in ('p', 'u'))")) {
      s.setString(1, table);
      collect(s, drop, restore);
    }
    try (Statement s = c.createStatement()) {
      for (String statement : drop) {
        s.execute(statement);
      }
    }
    return new BulkLoad(c, restore);
  }

  int restore() throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("set local maintenance_work_mem = '256MB'");
      for (String statement : restore) {
        s.execute(statement);
      }
    }
    return restore.size();
  }

  private static void collect(PreparedStatement s, List<String> drop, List<String> restore) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        drop.add(r.getString(1));
        restore.add(r.getString(2));
      }
    }
  }
}
