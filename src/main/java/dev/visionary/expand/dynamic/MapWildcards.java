package dev.visionary.expand.dynamic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Wildcard lists held in memory; see {@link Wildcards#of(Map)}. */
public final class MapWildcards implements Wildcards {
  private final Map<String, List<String>> lists = new LinkedHashMap<>();

  public MapWildcards(Map<String, ? extends Collection<String>> lists) {
    lists.forEach((name, values) -> this.lists.put(name.strip().toLowerCase(Locale.ROOT), cleaned(values)));
  }

  @Override
  public Optional<List<String>> values(String name) {
    return Optional.ofNullable(lists.get(name.toLowerCase(Locale.ROOT)));
  }

  @Override
  public Set<String> names() {
    return Set.copyOf(lists.keySet());
  }

  private static List<String> cleaned(Collection<String> values) {
    Set<String> kept = new LinkedHashSet<>();
    for (String value : values) {
      for (String line : value.split("\\R")) {
        String trimmed = line.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
          kept.add(trimmed);
        }
      }
    }
    return List.copyOf(new ArrayList<>(kept));
  }
}
