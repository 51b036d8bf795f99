package dev.visionary.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every shape of credential a provider may echo is hidden; the words around it stay readable. */
class RedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      OpenAI masked key   | Incorrect API key provided: sk-test***123. See the docs.     | Incorrect API key provided: [hidden] See the docs.
      Anthropic key       | invalid x-api-key sk-ant-api03-AbCdEf123456 here             | invalid x-api-key [hidden] here
      project key         | key sk-proj-AbC123dEf456 rejected                             | key [hidden] rejected
      bearer header       | sent Authorization: Bearer abc.def-ghi                         | sent Authorization: Bearer [hidden]
      x-api-key header    | header x-api-key: abcdef123456 missing                         | header x-api-key: [hidden] missing
      query parameter     | GET /v1/models?key=AIzaSyA1b2c3&alt=json failed               | GET /v1/models?key=[hidden]&alt=json failed
      token parameter     | callback?access_token=xyz987&state=1                           | callback?access_token=[hidden]&state=1
      long hex            | signature 0123456789abcdef0123456789abcdef0123 bad             | signature [hidden] bad
      long base64         | token eyJhbGciOiJIUzI1NiJ9eyJzdWIiOiIxMjM0NTY3ODkwIn0 bad    | token [hidden] bad
      short masked key    | Incorrect API key provided: te**. You can find yours.         | Incorrect API key provided: [hidden] You can find yours.
      two asterisks       | the key ab**yz is wrong                                        | the key [hidden] is wrong
      asterisks only      | the key ****wxyz is wrong                                      | the key [hidden] is wrong
      ordinary text       | The model gpt-image-1 is overloaded; try again in 20 s.       | The model gpt-image-1 is overloaded; try again in 20 s.
      docs link           | See https://platform.openai.com/account/api-keys for keys.    | See https://platform.openai.com/account/api-keys for keys.
      """)
  void hidesCredentialShapes(String name, String text, String expected) {
    assertEquals(expected, Redaction.redact(text, 400));
  }

  @Test
  void hidesTheConfiguredKeyWhateverItsShape() {
    assertEquals("bad key [hidden] given", Redaction.redact("bad key plainsecret given", 400, "plainsecret"));
  }

  @Test
  void staysFastOnHostileText() {
    // Long runs that every pattern starts on and none completes: each must give up in linear time.
    String hostile = "x".repeat(1_000_000) + "*".repeat(1_000_000);
    String clean = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Redaction.redact(hostile, 400));
    assertEquals(400, clean.length());
  }
}
