package dev.visionary.web;

import java.util.function.Supplier;

/**
 * A part of the settings page that a feature other than account fills. The settings page includes the
 * fragment {@code template :: fragment(model)} without knowing what it shows, so account imports no feature.
 *
 * @param model computed each time the page is shown, so it is as fresh as the feature wants it to be
 */
public record SettingsSection(String template, String fragment, Supplier<?> model) {}
