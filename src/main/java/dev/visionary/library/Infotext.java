package dev.visionary.library;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AUTOMATIC1111's "infotext": the prompt, an optional "Negative prompt:", and a last line of {@code Key: value} pairs. */
final class Infotext {
  /** A1111's own pattern: a value is a JSON string (when it holds , : or a newline) or runs to the next comma. */
  private static final Pattern PAIR = Pattern.compile("\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Parsed(String prompt, String negative, Map<String, String> params) {}

  private Infotext() {}

  static Parsed parse(String infotext) {
    String[] lines = infotext.replace("\r\n", "\n").strip().split("\n", -1);
    Map<String, String> params = new LinkedHashMap<>();
    int end = lines.length;
    if (end > 0) {
      Map<String, String> last = pairs(lines[end - 1]);
      // Only a last line with at least three pairs is parameters; otherwise it is part of the prompt.
      if (last.size() >= 3) {
        params = last;
        end--;
      }
    }
    StringBuilder prompt = new StringBuilder();
    StringBuilder negative = new StringBuilder();
    boolean inNegative = false;
    for (int i = 0; i < end; i++) {
      String line = lines[i];
      if (!inNegative && line.startsWith("Negative prompt:")) {
        inNegative = true;
        line = line.substring("Negative prompt:".length()).stripLeading();
      }
      StringBuilder into = inNegative ? negative : prompt;
      if (into.length() > 0) {
        into.append('\n');
      }
      into.append(line);
    }
    return new Parsed(prompt.toString().strip(), negative.toString().strip(), params);
  }

  private static Map<String, String> pairs(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PAIR.matcher(line);
    while (m.find()) {
      String value = m.group(2).strip();
      if (value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2) {
        try {
          value = JSON.readValue(value, String.class);
        } catch (java.io.IOException e) {
          value = value.substring(1, value.length() - 1);
        }
      }
      out.put(m.group(1).strip(), value);
    }
    return out;
  }
}
