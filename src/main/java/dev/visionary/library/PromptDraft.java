package dev.visionary.library;

/** What a person writes for a prompt: the content that is versioned, plus where it came from and who sees it. */
record PromptDraft(
    String title, String text, String negative, String target, String params, String idea,
    String expansionId, String parentId, Visibility visibility, Source source) {

  /** A draft written here, with no page it was saved from. */
  PromptDraft(String title, String text, String negative, String target, String params, String idea,
      String expansionId, String parentId, Visibility visibility) {
    this(title, text, negative, target, params, idea, expansionId, parentId, visibility, Source.NONE);
  }

  /** True when the versioned content differs (visibility, lineage and source are not versioned). */
  boolean contentDiffers(PromptDraft other) {
    return !title.equals(other.title) || !text.equals(other.text) || !negative.equals(other.negative)
        || !target.equals(other.target) || !JsonParams.same(params, other.params) || !idea.equals(other.idea);
  }
}
