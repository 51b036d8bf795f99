package dev.visionary.png;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The generation parameters AUTOMATIC1111 writes into its PNGs (and Forge, Civitai and ComfyUI read):
 * the prompt, an optional {@code Negative prompt:} line, and a last line of {@code Key: value} pairs.
 *
 * @param negativePrompt never null; empty when there is none
 * @param parameters in the order they are written, e.g. Steps, Sampler, CFG scale, Seed, Size, Model
 */
public record Infotext(String prompt, String negativePrompt, Map<String, String> parameters) {

  private static final String NEGATIVE = "Negative prompt:";
  private static final Pattern KEY = Pattern.compile("\\w[\\w \\-/]*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final ObjectMapper JSON = new ObjectMapper();

  public Infotext {
    Objects.requireNonNull(prompt, "prompt");
    negativePrompt = negativePrompt == null ? "" : negativePrompt;
    Map<String, String> copy = new LinkedHashMap<>();
    parameters.forEach((key, value) -> {
      if (!KEY.matcher(key).matches() || !key.equals(key.strip())) {
        throw new IllegalArgumentException("infotext keys are words, spaces, '-' and '/', got: " + key);
      }
      copy.put(key, Objects.requireNonNull(value, key));
    });
    parameters = Collections.unmodifiableMap(copy);
  }

  /** The text exactly as AUTOMATIC1111 lays it out. */
  public String format() {
    StringBuilder out = new StringBuilder(prompt);
    if (!negativePrompt.isEmpty()) {
      out.append('\n').append(NEGATIVE).append(' ').append(negativePrompt);
    }
    if (!parameters.isEmpty()) {
      out.append('\n');
      String separator = "";
      for (Map.Entry<String, String> e : parameters.entrySet()) {
        out.append(separator).append(e.getKey()).append(": ").append(quote(e.getValue()));
        separator = ", ";
      }
    }
    return out.toString().strip();
  }

  /**
   * Reads infotext written by AUTOMATIC1111, Forge or any tool that copies them. Never fails: text
   * without a parameters line is all prompt. Takes time in proportion to the length of the text.
   */
  public static Infotext parse(String text) {
    String[] lines = text.replace("\r\n", "\n").strip().split("\n", -1);
    Map<String, String> parameters = new LinkedHashMap<>();
    int promptLines = lines.length;
    List<InfotextPairs.Pair> pairs = InfotextPairs.find(lines[lines.length - 1]);
    if (pairs.size() >= 3) {
      promptLines--;
      pairs.forEach(pair -> parameters.put(pair.key().strip(), unquote(pair.value().strip())));
    }
    List<String> prompt = new ArrayList<>();
    List<String> negative = new ArrayList<>();
    for (int i = 0; i < promptLines; i++) {
      String line = lines[i];
      if (negative.isEmpty() && line.startsWith(NEGATIVE)) {
        negative.add(line.substring(NEGATIVE.length()).strip());
      } else {
        (negative.isEmpty() ? prompt : negative).add(line);
      }
    }
    return new Infotext(String.join("\n", prompt).strip(), String.join("\n", negative).strip(), parameters);
  }

  public Optional<String> parameter(String key) {
    return Optional.ofNullable(parameters.get(key));
  }

  public OptionalLong seed() {
    try {
      return parameter("Seed").map(s -> OptionalLong.of(Long.parseLong(s.strip()))).orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  public OptionalInt width() {
    return sizePart(0);
  }

  public OptionalInt height() {
    return sizePart(1);
  }

  private OptionalInt sizePart(int index) {
    String[] parts = parameter("Size").map(s -> s.strip().split("x")).orElse(new String[0]);
    if (parts.length != 2) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(parts[index].strip()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * AUTOMATIC1111 quotes a value holding ',', ':' or a newline as a JSON string. We also quote values
   * that would otherwise read back differently: surrounded by spaces, or already looking quoted.
   */
  static String quote(String value) {
    boolean needsQuotes = value.contains(",") || value.contains(":") || value.contains("\n")
        || !value.equals(value.strip()) || value.startsWith("\"");
    if (!needsQuotes) {
      return value;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serialises", e);
    }
  }

  private static String unquote(String value) {
    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      try {
        return JSON.readValue(value, String.class);
      } catch (JsonProcessingException e) {
        return value;
      }
    }
    return value;
  }
}
