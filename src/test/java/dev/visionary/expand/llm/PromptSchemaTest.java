package dev.visionary.expand.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.visionary.provider.ProviderJson;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptSchemaTest {

  @Test
  void followsTheStrictStructuredOutputRules() {
    JsonNode schema = PromptSchema.forCount(4);
    assertEquals("object", schema.path("type").asText(), "the root must be an object");
    assertStrict(schema);
    assertEquals(4, schema.path("properties").path("prompts").path("minItems").asInt());
    assertEquals(4, schema.path("properties").path("prompts").path("maxItems").asInt());
  }

  @Test
  void acceptsTheAnswersItDescribes() {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(PromptSchema.forCount(2));
    assertTrue(schema.validate(ProviderJson.parse("{\"prompts\":[{\"prompt\":\"a\",\"negative_prompt\":null},"
        + "{\"prompt\":\"b\",\"negative_prompt\":\"blurry\"}]}")).isEmpty());
    assertFalse(schema.validate(ProviderJson.parse("{\"prompts\":[{\"prompt\":\"a\",\"negative_prompt\":null}]}")).isEmpty(),
        "too few prompts");
    assertFalse(schema.validate(ProviderJson.parse("{\"prompts\":[{\"prompt\":\"a\"},{\"prompt\":\"b\"}]}")).isEmpty(),
        "negative_prompt is required, even if null");
  }

  @Test
  void refusesACountBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> PromptSchema.forCount(0));
  }

  /** Every object schema forbids extra properties and requires all of its properties. */
  private static void assertStrict(JsonNode node) {
    if (node.isObject()) {
      if ("object".equals(node.path("type").asText())) {
        assertEquals(false, node.path("additionalProperties").asBoolean(true), node.toString());
        Set<String> properties = new HashSet<>();
        node.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        assertEquals(properties, required, node.toString());
      }
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        assertStrict(children.next());
      }
    } else if (node.isArray()) {
      node.forEach(PromptSchemaTest::assertStrict);
    }
  }
}
