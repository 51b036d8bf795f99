package dev.visionary.prompt;

/**
 * A saved prompt used as an AUTOMATIC1111 style: its name, the text it adds to (or wraps around) a prompt, and
 * the text it adds to the negative prompt. Either text may be empty.
 */
public record SavedStyle(String id, String name, String prompt, String negative) {}
