package dev.visionary.library;

/** One link-preview tag (OpenGraph or Twitter) rendered by the layout's head. */
public record Meta(String property, String content) {}
