package dev.visionary.library;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The library's filter lists (tags with how many live prompts carry each, and the person's collections),
 * kept in memory per person. Counting tags reads every tag of every live prompt (tens of milliseconds of
 * database time for 20,000 prompts), which each page view would otherwise repeat although the lists change
 * only when their owner changes something.
 *
 * <p>Any change the person makes through this instance forgets their lists at once ({@link #forget}); a change
 * made through another instance shows here after at most {@link #FRESH}.
 */
final class LibraryFacets {
  static final Duration FRESH = Duration.ofSeconds(15);
  /** Past this many people the map is emptied rather than grown; it only saves work. */
  private static final int MAX_PEOPLE = 10_000;

  record Facets(List<Tags.TagCount> tagCounts, List<PromptCollection> collections) {}

  /** {@code generation} counts the owner's changes, so lists read before a change are never stored after it. */
  private record Slot(long generation, Facets facets, long loadedAt) {}

  private final Tags tags;
  private final PromptCollections collections;
  private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();

  LibraryFacets(Tags tags, PromptCollections collections) {
    this.tags = tags;
    this.collections = collections;
  }

  Facets of(long ownerId) {
    Slot slot = slots.get(ownerId);
    long now = System.nanoTime();
    if (slot != null && slot.facets() != null && now - slot.loadedAt() < FRESH.toNanos()) {
      return slot.facets();
    }
    long generation = slot == null ? 0 : slot.generation();
    Facets loaded = new Facets(tags.counts(ownerId), collections.ownedBy(ownerId));
    if (slots.size() >= MAX_PEOPLE) {
      slots.clear();
    }
    slots.compute(ownerId, (id, current) -> (current == null ? 0 : current.generation()) == generation
        ? new Slot(generation, loaded, now) : current);
    return loaded;
  }

  /** Called after each request that may have changed the person's prompts, tags or collections. */
  void forget(long ownerId) {
    slots.compute(ownerId, (id, current) -> new Slot(current == null ? 1 : current.generation() + 1, null, 0));
  }
}
