package dev.visionary.generate.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The official OpenAI schemas (an extract of openai-openapi, OpenAPI 3.1 = JSON Schema 2020-12). Schemas are
 * loaded by JSON pointer into the whole document so that their {@code #/components/schemas/...} refs resolve.
 */
final class OpenAiSchema {

  private static final String DOCUMENT = "classpath:openai/images-schemas.json";
  // OpenAPI adds keywords of its own (example, x-oai…, the document's openapi/info/components); they carry no
  // validation, so they are read as annotations instead of being warned about one by one.
  private static final JsonMetaSchema OPENAPI_31 = JsonMetaSchema.builder(JsonMetaSchema.getV202012())
      .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
      .build();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder.metaSchema(OPENAPI_31));

  static final JsonSchema CREATE_IMAGE_REQUEST = load("CreateImageRequest");
  static final JsonSchema IMAGES_RESPONSE = load("ImagesResponse");
  static final JsonSchema ERROR_RESPONSE = load("ErrorResponse");

  private OpenAiSchema() {}

  private static JsonSchema load(String name) {
    return FACTORY.getSchema(SchemaLocation.of(DOCUMENT + "#/components/schemas/" + name));
  }

  /** Every problem the schema finds, one per line; empty when the document is valid. */
  static String problems(JsonSchema schema, JsonNode document) {
    Set<ValidationMessage> messages = schema.validate(document);
    return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
  }
}
