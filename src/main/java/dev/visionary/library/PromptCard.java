package dev.visionary.library;

import java.util.List;

/** A prompt in a list of results, with its title and text already escaped and highlighted. */
record PromptCard(
    String id, String url, String titleHtml, String snippetHtml, String ownerName, String targetLabel,
    Visibility visibility, List<String> tags, String updated, int useCount, int imageCount) {}
