package dev.visionary.json;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The app's one Jackson mapper. A mapper is costly to build and safe to share once configured, and one instance
 * means one set of rules: Jackson's defaults everywhere. Code that needs other rules for one read or write (provider
 * answers that add fields, pretty-printed exports) asks for an {@code ObjectReader} or {@code ObjectWriter} from it
 * rather than building a second mapper.
 */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}
}
