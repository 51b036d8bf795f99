package dev.visionary.library;

import dev.visionary.web.Requests;
import dev.visionary.web.Urls;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Atom feeds of what is shared: Explore, a person's public prompts, a public or unlisted collection. Each answers
 * a revisit with 304 while the revision its page is kept under has not moved, so polling readers cost one query.
 */
public final class FeedRoutes {
  private static final String NO_COLLECTION = "There is no collection at this address, or it is private.";

  private final Prompts prompts;
  private final PromptCollections collections;
  private final PromptFeeds feeds;

  FeedRoutes(Prompts prompts, PromptCollections collections, PromptFeeds feeds) {
    this.prompts = prompts;
    this.collections = collections;
    this.feeds = feeds;
  }

  public void explore(Context ctx) {
    serve(ctx, "explore:" + prompts.sharedRevision(), () -> AtomFeed.write(Requests.origin(ctx),
        new AtomFeed.Header("Visionary · Explore", "Prompts people have chosen to share with everyone.", Urls.EXPLORE, Urls.EXPLORE_FEED),
        feeds.newestPublic()));
  }

  public void profile(Context ctx) {
    Prompts.Profile profile = prompts.profile(ctx.pathParam("username"))
        .orElseThrow(() -> new NotFoundResponse("There is nobody with that name here."));
    String name = profile.owner().username();
    serve(ctx, "profile:" + profile.owner().id() + ":" + profile.revision(), () -> AtomFeed.write(Requests.origin(ctx),
        new AtomFeed.Header(name + " on Visionary", "Prompts " + name + " has shared.", Urls.profile(name), Urls.profileFeed(name)),
        feeds.newestPublicOf(profile.owner().id())));
  }

  /** A private collection has no feed, not even for its owner: a feed address is made to be handed to a reader. */
  public void collection(Context ctx) {
    String id = ctx.pathParam("id");
    PromptCollections.PageFacts facts = collections.pageFacts(id).filter(f -> f.visibility().shareable())
        .orElseThrow(() -> new NotFoundResponse(NO_COLLECTION));
    serve(ctx, "collection:" + id + ":" + facts.key(), () -> {
      PromptCollection c = collections.find(id).filter(found -> found.visibility().shareable())
          .orElseThrow(() -> new NotFoundResponse(NO_COLLECTION));
      return AtomFeed.write(Requests.origin(ctx), new AtomFeed.Header(c.name() + " · a collection by " + c.ownerName(),
          c.description().isEmpty() ? "Prompts collected by " + c.ownerName() + "." : c.description(), c.url(), Urls.collectionFeed(c.id())),
          feeds.newestInCollection(c.id()));
    });
  }

  private static void serve(Context ctx, String revision, Supplier<String> feed) {
    serve(ctx, revision, AtomFeed.CONTENT_TYPE, feed);
  }

  /**
   * The document, or 304 when the reader's copy was made under the same revision and origin. Revalidated every
   * time, as the kept pages are; the ETag makes that cheap.
   */
  static void serve(Context ctx, String revision, String contentType, Supplier<String> document) {
    String etag = etag(List.of(revision, Requests.origin(ctx)).toString());
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "private, no-cache");
    if (Requests.notModified(ctx, etag)) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(contentType).result(document.get());
  }

  private static String etag(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "\"atom-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
