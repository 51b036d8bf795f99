package dev.visionary.library;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;

/**
 * The library's filter lists (tags with how many live prompts carry each, and the person's collections),
 * kept in memory per person. Counting tags reads every tag of every live prompt (tens of milliseconds of
 * database time for 20,000 prompts), which each page view would otherwise repeat although the lists change
 * only when their owner changes something.
 *
 * <p>Keyed by the person's revision, which every committed change to their things moves on, through any
 * instance; lists read after a revision was seen may be newer than it, never older.
 */
final class LibraryFacets {
  /** Past this many people the least recently seen are dropped; the lists only save work. */
  private static final int MAX_PEOPLE = 10_000;

  record Facets(List<Tags.TagCount> tagCounts, List<PromptCollection> collections) {}

  private record Slot(long revision, Facets facets) {}

  private final Tags tags;
  private final PromptCollections collections;
  private final Cache<Long, Slot> slots = Caffeine.newBuilder().maximumSize(MAX_PEOPLE).build();

  LibraryFacets(Tags tags, PromptCollections collections) {
    this.tags = tags;
    this.collections = collections;
  }

  Facets of(long ownerId, long revision) {
    Slot slot = slots.getIfPresent(ownerId);
    if (slot != null && slot.revision() == revision) {
      return slot.facets();
    }
    Facets loaded = new Facets(tags.counts(ownerId), collections.ownedBy(ownerId));
    slots.put(ownerId, new Slot(revision, loaded));
    return loaded;
  }
}
