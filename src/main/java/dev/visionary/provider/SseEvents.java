package dev.visionary.provider;

/**
 * Server-sent events read from a line source, per the HTML living standard: {@code event:} names the event,
 * {@code data:} lines are joined with newlines, a blank line dispatches, {@code :} lines are comments and
 * other fields ({@code id:}, {@code retry:}) are ignored.
 */
public final class SseEvents {

  /** One dispatched event; {@code name} is {@code "message"} when the server gave none. */
  public record Event(String name, String data) {
  }

  public interface LineSource {
    /** The next line without its terminator, or null at the end. */
    String nextLine() throws ProviderException;
  }

  private final LineSource source;

  public SseEvents(LineSource source) {
    this.source = source;
  }

  /** The next event with data, or null at the end of the stream. */
  public Event next() throws ProviderException {
    String name = null;
    StringBuilder data = null;
    for (String line = source.nextLine(); ; line = source.nextLine()) {
      if (line == null || line.isEmpty()) {
        if (data != null) {
          return new Event(name == null ? "message" : name, data.toString());
        }
        if (line == null) {
          return null;
        }
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
  }
}
