package dev.visionary.expand.dynamic;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One set of lists in front of another; see {@link Wildcards#withFallback(Wildcards)}. */
final class LayeredWildcards implements Wildcards {
  private final Wildcards first;
  private final Wildcards fallback;

  LayeredWildcards(Wildcards first, Wildcards fallback) {
    this.first = first;
    this.fallback = fallback;
  }

  @Override
  public Optional<List<String>> values(String name) {
    Optional<List<String>> values = first.values(name);
    return values.isPresent() ? values : fallback.values(name);
  }

  @Override
  public Set<String> names() {
    Set<String> names = new HashSet<>(first.names());
    names.addAll(fallback.names());
    return Set.copyOf(names);
  }
}
