package dev.visionary.expand.builtin;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeded choices for the variations of one expansion. Each named pool is shuffled once per seed and variation
 * {@code i} takes the {@code i}-th item, so variations never share an item while the pool lasts, the same seed
 * always gives the same choices, and a variation keeps its choices when the person asks for more variations.
 */
final class Picks {
  private final long seed;

  Picks(long seed) {
    this.seed = seed;
  }

  /** The item for variation {@code i}, or null from an empty pool. */
  <T> T one(String pool, List<T> items, int i) {
    if (items.isEmpty()) {
      return null;
    }
    return shuffled(pool, items).get(i % items.size());
  }

  /** {@code k} distinct items for variation {@code i} (fewer when the pool is smaller). */
  <T> List<T> several(String pool, List<T> items, int i, int k) {
    int take = Math.min(k, items.size());
    if (take == 0) {
      return List.of();
    }
    List<T> order = shuffled(pool, items);
    // Each time the variations wrap around the pool, they start one further on, so they pair items differently.
    int start = i * take + i * take / order.size();
    List<T> out = new ArrayList<>(take);
    for (int j = 0; j < take; j++) {
      out.add(order.get((start + j) % order.size()));
    }
    return out;
  }

  /** A whole number from {@code min} to {@code max}, spread over the variations. */
  int between(String pool, int i, int min, int max) {
    if (max <= min) {
      return min;
    }
    // Offsetting each variation by a share of the range keeps neighbouring variations apart.
    int range = max - min + 1;
    long base = Math.floorMod(mix(seed, pool), range);
    return min + (int) Math.floorMod(base + (long) i * Math.max(1, range * 3 / 8), range);
  }

  private <T> List<T> shuffled(String pool, List<T> items) {
    List<T> order = new ArrayList<>(items);
    long state = mix(seed, pool);
    // Fisher-Yates with SplitMix64 steps: written out so the order stays the same on every JVM.
    for (int j = order.size() - 1; j > 0; j--) {
      state += 0x9E3779B97F4A7C15L;
      int k = (int) Math.floorMod(finish(state), (long) (j + 1));
      T swap = order.get(j);
      order.set(j, order.get(k));
      order.set(k, swap);
    }
    return order;
  }

  private static long mix(long seed, String pool) {
    return finish(seed * 0x9E3779B97F4A7C15L + pool.hashCode());
  }

  private static long finish(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
