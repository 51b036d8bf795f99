package dev.visionary.expand.dynamic;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** The items of several iterators, one after another, each made only when reached. */
final class Chain implements Iterator<String> {
  private final Iterator<Supplier<Iterator<String>>> sources;
  private Iterator<String> current = Collections.emptyIterator();

  Chain(Iterator<Supplier<Iterator<String>>> sources) {
    this.sources = sources;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && sources.hasNext()) {
      current = sources.next().get();
    }
    return current.hasNext();
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
