package dev.visionary.web;

import dev.visionary.db.DirectRead;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The one read a kept page makes on every view besides the session: whether the viewer may see the page, and
 * the key its kept copy is under. The session's lookup sends it in its own statement, so a view of a kept page
 * costs one round trip to the database, as a view of one's own library does; a second round trip cost PostgreSQL
 * more CPU than the small read it carried. The features say which read a path wants; the account
 * feature runs it with the session; the page's handler takes the row, or reads it itself when no session was
 * looked up (a visitor without a cookie). It is read when the request arrives, as the handler would read it, so
 * a change committed on any instance shows on the next view.
 */
public final class PageReads {
  private static final String ATTR = "visionary.pageRead";

  /**
   * A read of at most one row: {@code call} is a call of a set-returning function, with one parameter ({@code ?})
   * for {@link Wanted#key} when that is not null, or for the session's token hash when {@code ofSession} (a read of
   * the signed-in person's own things, whose address names nothing); {@code present} names a column that is never
   * null in a row it returns; {@code row} maps its columns.
   */
  public record Read<T>(String call, String present, DirectRead.Row<T> row, boolean ofSession) {
    public Read(String call, String present, DirectRead.Row<T> row) {
      this(call, present, row, false);
    }

    /**
     * This read on its own, for a view whose session's lookup did not carry it (a visitor without a cookie). Not for
     * a read {@code ofSession}, which only the session's lookup can make.
     */
    public Optional<T> alone(Jdbi jdbi, String key) {
      if (ofSession) {
        throw new IllegalStateException("A read of the session's own things is made with the session's lookup: " + call);
      }
      return jdbi.withHandle(h -> {
        var query = h.createQuery("select * from " + call);
        if (key != null) {
          query.bind(0, key);
        }
        return query.map((rs, ctx) -> row.map(rs)).findOne();
      });
    }
  }

  /** A read a request wants, and its key (an id, a name; null for a read without one). */
  public record Wanted<T>(Read<T> read, String key) {}

  private record Done(Wanted<?> wanted, Object row) {}

  private final List<Function<String, Optional<Wanted<?>>>> byPath = new CopyOnWriteArrayList<>();

  /** Adds a feature's reads: what a GET of a path wants, if anything. */
  public void add(Function<String, Optional<Wanted<?>>> wantedByPath) {
    byPath.add(wantedByPath);
  }

  /** The read a GET of {@code path} wants, if any feature wants one. */
  public Optional<Wanted<?>> wanted(String path) {
    for (Function<String, Optional<Wanted<?>>> wanted : byPath) {
      Optional<Wanted<?>> found = wanted.apply(path);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Records what the session's statement read for this request: {@code row} is null when the read found nothing. */
  public static void done(Context ctx, Wanted<?> wanted, Object row) {
    ctx.attribute(ATTR, new Done(wanted, row));
  }

  /**
   * The row read with the session, when it was read for {@code read} and {@code key}; otherwise what
   * {@code otherwise} reads now.
   */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> get(Context ctx, Read<T> read, String key, Supplier<Optional<T>> otherwise) {
    Done done = ctx.attribute(ATTR);
    if (done != null && done.wanted().read() == read && Objects.equals(done.wanted().key(), key)) {
      return Optional.ofNullable((T) done.row());
    }
    return otherwise.get();
  }

  /** The path's segments after the leading slash: "/p/abc/title" gives [p, abc, title]. */
  public static String[] segments(String path) {
    return path.length() > 1 ? path.substring(1).split("/", -1) : new String[0];
  }
}
