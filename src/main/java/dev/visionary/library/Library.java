package dev.visionary.library;

import dev.visionary.identity.User;
import dev.visionary.web.PageReads;
import dev.visionary.web.Pages;
import dev.visionary.web.Urls;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The prompt library feature: its parts built once, its routes, and what other features may use of it. */
public final class Library {
  private final Prompts prompts;
  private final PromptRoutes promptRoutes;
  private final SearchRoutes searchRoutes;
  private final CollectionRoutes collectionRoutes;
  private final TransferRoutes transferRoutes;
  private final PromptComparison comparison;
  private final FeedRoutes feedRoutes;
  private final OpenSearchRoutes openSearchRoutes;
  private final SuggestionRoutes suggestionRoutes;

  public Library(Jdbi jdbi, Pages pages, PromptCaps caps, PromptGallery gallery) {
    this.prompts = new Prompts(jdbi, caps);
    Tags tags = new Tags(jdbi);
    PromptCollections collections = new PromptCollections(jdbi);
    Bookmarks bookmarks = new Bookmarks(jdbi);
    this.promptRoutes = new PromptRoutes(pages, prompts, tags, collections, bookmarks, gallery);
    this.searchRoutes = new SearchRoutes(pages, new PromptSearch(jdbi), prompts, tags, collections);
    this.collectionRoutes = new CollectionRoutes(pages, collections, prompts);
    this.comparison = new PromptComparison(pages, prompts, tags);
    this.feedRoutes = new FeedRoutes(prompts, collections, new PromptFeeds(jdbi));
    SearchSuggestions suggestions = new SearchSuggestions(jdbi);
    this.openSearchRoutes = new OpenSearchRoutes(suggestions);
    this.suggestionRoutes = new SuggestionRoutes(pages, suggestions);
    this.transferRoutes = new TransferRoutes(pages, new LibraryTransfer(jdbi, caps), new PromptImport(prompts), caps);
  }

  /**
   * What a view of a kept page of the library reads besides the session (its access and key), so the session's
   * lookup can carry it: a prompt's or a collection's page facts, a profile's owner, the shared revision of
   * Explore and bookmarks. Other paths, and addresses that cannot name anything, want nothing.
   */
  public Optional<PageReads.Wanted<?>> pageRead(String path) {
    String[] at = PageReads.segments(path);
    if (at.length == 3 && at[0].equals("p") && Slugs.looksLikeId(at[1]) && !at[2].isEmpty()
        && !at[2].equals("edit") && !at[2].equals("history")) {
      return Optional.of(new PageReads.Wanted<>(Prompts.PAGE_FACTS, at[1]));
    }
    if (at.length == 3 && at[0].equals("c") && Slugs.looksLikeId(at[1]) && !at[2].isEmpty() && !at[2].equals("feed.atom")) {
      return Optional.of(new PageReads.Wanted<>(PromptCollections.PAGE_FACTS, at[1]));
    }
    if (at.length == 2 && at[0].equals("u") && !at[1].isEmpty()) {
      return Optional.of(new PageReads.Wanted<>(Prompts.PROFILE, at[1]));
    }
    if (path.equals(Urls.EXPLORE) || path.equals(Urls.BOOKMARKS)) {
      return Optional.of(new PageReads.Wanted<>(Prompts.SHARED_REVISION, null));
    }
    return Optional.empty();
  }

  /** Housekeeping: deletes every person's prompts that stayed in the trash past its time; returns how many. */
  public int purgeExpiredTrash() {
    return prompts.purgeExpired();
  }

  public PromptRoutes promptRoutes() {
    return promptRoutes;
  }

  public SearchRoutes searchRoutes() {
    return searchRoutes;
  }

  public CollectionRoutes collectionRoutes() {
    return collectionRoutes;
  }

  public TransferRoutes transferRoutes() {
    return transferRoutes;
  }

  public FeedRoutes feedRoutes() {
    return feedRoutes;
  }

  public OpenSearchRoutes openSearchRoutes() {
    return openSearchRoutes;
  }

  public SuggestionRoutes suggestionRoutes() {
    return suggestionRoutes;
  }

  public PromptComparison comparison() {
    return comparison;
  }

  /**
   * The prompt if this viewer may see it: its owner always (also in Trash), anyone else only when it is
   * unlisted or public and not deleted. Null-safe: a null viewer is anonymous, a null id finds nothing.
   */
  public Optional<PromptSummary> readable(Optional<User> viewer, String promptId) {
    if (promptId == null) {
      return Optional.empty();
    }
    Optional<User> who = viewer == null ? Optional.empty() : viewer;
    return prompts.find(promptId)
        .filter(p -> Access.canRead(who, p))
        .map(p -> new PromptSummary(p.id(), p.ownerName(), p.title(), p.text(), p.negative(), p.target(), p.params(), p.url(),
            p.visibility(), p.updatedAt()));
  }

  /** Whether this person owns the prompt (also while it is in Trash). */
  public boolean owns(User user, String promptId) {
    return promptId != null && Slugs.looksLikeId(promptId) && prompts.find(promptId).filter(p -> p.ownedBy(user.id())).isPresent();
  }

  /** Counts one use (an expansion or a generation from this prompt); it feeds the "most used" sort. */
  public void recordUse(String promptId) {
    if (promptId != null && Slugs.looksLikeId(promptId)) {
      prompts.recordUse(promptId);
    }
  }

  /** Notes an image generated from the prompt; the first one becomes its preview image. */
  public void recordImage(String promptId, String imageId) {
    if (promptId != null && Slugs.looksLikeId(promptId) && imageId != null) {
      prompts.recordImage(promptId, imageId);
    }
  }
}
