package dev.visionary.library;

/** What a person writes for a prompt: the content that is versioned, plus where it came from and who sees it. */
record PromptDraft(
    String title, String text, String negative, String target, String params, String idea,
    String expansionId, String parentId, Visibility visibility) {

  /** True when the versioned content differs (visibility and lineage are not versioned). */
  boolean contentDiffers(PromptDraft other) {
    return !title.equals(other.title) || !text.equals(other.text) || !negative.equals(other.negative)
        || !target.equals(other.target) || !JsonParams.same(params, other.params) || !idea.equals(other.idea);
  }
}
