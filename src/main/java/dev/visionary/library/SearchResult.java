package dev.visionary.library;

import java.util.List;

/**
 * One page of results. {@code countLabel} is exact for narrow searches and "500+"-style for broad
 * ones, which are never counted in full.
 */
record SearchResult(List<PromptCard> cards, String countLabel, int page, String prevUrl, String nextUrl, String correctedQuery,
    String correctedUrl, String originalQuery, boolean onlyCommonWords) {

  public String countText() {
    return "1".equals(countLabel) ? "1 prompt" : countLabel + " prompts";
  }

  public boolean empty() {
    return cards.isEmpty();
  }
}
