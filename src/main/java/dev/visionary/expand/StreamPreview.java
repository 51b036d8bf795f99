package dev.visionary.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readable text from a model's answer while it is still being written. Models answer in JSON
 * ({@code {"prompts":[{"prompt":"…"}]}}); people should see the prompts forming, not the braces, so the
 * string values of prompt fields are read out, the last one possibly unfinished.
 */
final class StreamPreview {
  private static final Pattern PROMPT_KEY = Pattern.compile("\"(?:prompt|positive_prompt|text|description)\"\\s*:\\s*\"");
  private static final Pattern THINKING = Pattern.compile("(?is)<think>.*?(</think>|\\z)");

  private StreamPreview() {}

  static List<String> lines(String raw) {
    String text = THINKING.matcher(raw).replaceAll("").strip();
    String unfenced = text.replaceFirst("^```[a-zA-Z]*\\s*", "");
    if (!(unfenced.startsWith("{") || unfenced.startsWith("["))) {
      return text.isEmpty() ? List.of() : List.of(text);
    }
    List<String> prompts = new ArrayList<>();
    Matcher m = PROMPT_KEY.matcher(unfenced);
    int from = 0;
    while (from < unfenced.length() && m.find(from)) {
      StringBuilder value = new StringBuilder();
      int i = m.end();
      while (i < unfenced.length()) {
        char c = unfenced.charAt(i);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          if (i + 1 >= unfenced.length()) {
            break; // an escape cut in half by the stream: wait for the rest
          }
          char e = unfenced.charAt(i + 1);
          if (e == 'u') {
            if (i + 6 > unfenced.length()) {
              break;
            }
            try {
              value.append((char) Integer.parseInt(unfenced.substring(i + 2, i + 6), 16));
            } catch (NumberFormatException bad) {
              // not a valid escape: leave it out of the preview
            }
            i += 6;
            continue;
          }
          value.append(switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            default -> e;
          });
          i += 2;
          continue;
        }
        value.append(c);
        i++;
      }
      if (!value.isEmpty()) {
        prompts.add(value.toString());
      }
      from = i + 1;
    }
    return prompts;
  }
}
