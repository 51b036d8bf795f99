package dev.visionary.library;

import java.time.Instant;

/** What other features may know about a prompt a person can see. */
public record PromptSummary(
    String id, String ownerUsername, String title, String text, String negative, String target, String paramsJson,
    String url, Visibility visibility, Instant updatedAt) {}
