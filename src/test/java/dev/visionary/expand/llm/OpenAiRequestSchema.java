package dev.visionary.expand.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The official CreateChatCompletionRequest schema (OpenAPI 3.1, so JSON Schema 2020-12), loaded from the copy
 * of the specification in test resources so its {@code #/components/schemas/…} references resolve.
 */
public final class OpenAiRequestSchema {

  /** OpenAPI adds keywords of its own (discriminator, example, x-…); they annotate and never validate. */
  private static final JsonMetaSchema OPENAPI_2020_12 = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
      .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
      .build();

  private static final JsonSchema SCHEMA = JsonSchemaFactory
      .getInstance(SpecVersion.VersionFlag.V202012, factory -> factory.metaSchema(OPENAPI_2020_12))
      .getSchema(SchemaLocation.of(
          "classpath:openai/chat-completions-request-schema.json#/components/schemas/CreateChatCompletionRequest"));

  private OpenAiRequestSchema() {
  }

  public static Set<ValidationMessage> problems(JsonNode body) {
    return SCHEMA.validate(body);
  }
}
