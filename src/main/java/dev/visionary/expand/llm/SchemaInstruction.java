package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.visionary.provider.ProviderJson;

/** Asks for JSON in words, for servers that cannot enforce a schema themselves. */
final class SchemaInstruction {

  private SchemaInstruction() {
  }

  static String append(String system, JsonNode schema) {
    String ask = "Answer with JSON only, no prose and no code fences, matching this JSON Schema:\n" + ProviderJson.write(schema);
    return system.isBlank() ? ask : system.strip() + "\n\n" + ask;
  }
}
