package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.ProviderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads prompt variations out of a model's answer, whatever shape the model chose: the schema's
 * {@code {"prompts":[…]}}, a bare array of strings or objects, JSON in a code fence or among prose, JSON cut off
 * by the token limit, or plain text (numbered or bulleted lists, or paragraphs).
 */
public final class PromptListParser {

  private static final Pattern THINKING = Pattern.compile("(?is)<think>.*?(</think>|\\z)");
  private static final Pattern FENCE = Pattern.compile("(?s)```[a-zA-Z]*[ \\t]*\\R?(.*?)```");
  private static final Pattern PROMPT_FIELD =
      Pattern.compile("\"(prompt|negative_prompt)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|null)");
  private static final Pattern STRING_ITEM = Pattern.compile("(\"(?:[^\"\\\\]|\\\\.)*\")\\s*[,\\]]");
  private static final List<String> LIST_FIELDS = List.of("prompts", "variations", "results", "items", "data");
  private static final List<String> PROMPT_KEYS = List.of("prompt", "positive_prompt", "positive", "text", "description");
  private static final List<String> NEGATIVE_KEYS = List.of("negative_prompt", "negativePrompt", "negative");

  private PromptListParser() {
  }

  /** The variations in the answer, in order; empty when it holds none. */
  public static List<PromptVariation> parse(String answer) {
    if (answer == null) {
      return List.of();
    }
    String text = THINKING.matcher(answer).replaceAll("").strip();
    if (text.isEmpty()) {
      return List.of();
    }
    Matcher fence = FENCE.matcher(text);
    while (fence.find()) {
      List<PromptVariation> fromFence = fromJsonText(fence.group(1).strip());
      if (fromFence != null) {
        return fromFence;
      }
    }
    List<PromptVariation> json = fromJsonText(text);
    if (json != null) {
      return json;
    }
    String unfenced = text.replaceAll("```[a-zA-Z]*", "").strip();
    if (unfenced.startsWith("{") || unfenced.startsWith("[")) {
      // JSON the model did not finish (token limit): keep every prompt that was written out in full.
      return salvage(unfenced);
    }
    return PlainTextPrompts.parse(unfenced);
  }

  /** Variations from text that is, or contains, one JSON value; null when there is no JSON to read. */
  private static List<PromptVariation> fromJsonText(String text) {
    JsonNode whole = ProviderJson.parse(text);
    if (whole.isContainerNode()) {
      return fromJson(whole);
    }
    for (String candidate : embeddedJson(text)) {
      JsonNode node = ProviderJson.parse(candidate);
      if (node.isContainerNode()) {
        List<PromptVariation> found = fromJson(node);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return null;
  }

  /** The spans from the first opening bracket to the last closing one, the earlier-opening kind first. */
  private static List<String> embeddedJson(String text) {
    int object = text.indexOf('{');
    int array = text.indexOf('[');
    int objectEnd = text.lastIndexOf('}');
    int arrayEnd = text.lastIndexOf(']');
    List<String> spans = new ArrayList<>();
    if (object >= 0 && objectEnd > object) {
      spans.add(text.substring(object, objectEnd + 1));
    }
    if (array >= 0 && arrayEnd > array) {
      spans.add(array < object || object < 0 ? 0 : spans.size(), text.substring(array, arrayEnd + 1));
    }
    return spans;
  }

  static List<PromptVariation> fromJson(JsonNode node) {
    List<PromptVariation> out = new ArrayList<>();
    JsonNode list = node.isArray() ? node : listField(node);
    if (list == null) {
      addItem(node, out);
      return out;
    }
    for (JsonNode item : list) {
      addItem(item, out);
    }
    return out;
  }

  private static JsonNode listField(JsonNode object) {
    for (String name : LIST_FIELDS) {
      if (object.path(name).isArray()) {
        return object.get(name);
      }
    }
    for (JsonNode value : object) {
      if (value.isArray()) {
        return value;
      }
    }
    return null;
  }

  private static void addItem(JsonNode item, List<PromptVariation> out) {
    if (item.isTextual() && !item.asText().isBlank()) {
      out.add(new PromptVariation(item.asText(), null));
    } else if (item.isObject()) {
      String prompt = firstText(item, PROMPT_KEYS);
      if (prompt != null) {
        out.add(new PromptVariation(prompt, firstText(item, NEGATIVE_KEYS)));
      }
    }
  }

  private static String firstText(JsonNode object, List<String> keys) {
    for (String key : keys) {
      String value = ProviderJson.string(object.get(key));
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }

  private static List<PromptVariation> salvage(String partial) {
    List<PromptVariation> out = new ArrayList<>();
    Matcher field = PROMPT_FIELD.matcher(partial);
    String prompt = null;
    boolean any = false;
    while (field.find()) {
      any = true;
      String value = ProviderJson.string(ProviderJson.parse(field.group(2)));
      if (field.group(1).equals("prompt")) {
        addSalvaged(prompt, null, out);
        prompt = value;
      } else {
        addSalvaged(prompt, value, out);
        prompt = null;
      }
    }
    addSalvaged(prompt, null, out);
    if (!any && partial.startsWith("[")) {
      Matcher item = STRING_ITEM.matcher(partial);
      while (item.find()) {
        addSalvaged(ProviderJson.string(ProviderJson.parse(item.group(1))), null, out);
      }
    }
    return out;
  }

  private static void addSalvaged(String prompt, String negative, List<PromptVariation> out) {
    if (prompt != null && !prompt.isBlank()) {
      out.add(new PromptVariation(prompt, negative));
    }
  }
}
