package dev.visionary.expand.llm;

/**
 * A model's complete answer.
 *
 * <p>A refusal or a content-filter stop with no text at all is raised as
 * {@link dev.visionary.provider.Failure#CONTENT_FILTER} instead; when the model wrote some text before it was stopped,
 * the text is returned here with {@code finishReason} and {@code refusal} telling why it is short.
 *
 * @param text         the answer's text, as delivered to the delta consumer when streaming
 * @param finishReason why the model stopped, in the provider's words ({@code stop}, {@code length},
 *                     {@code content_filter}, {@code end_turn}, {@code max_tokens}, …), or null if not reported
 * @param refusal      the model's refusal message, or null
 * @param model        the model that answered, as reported by the server (may differ from the one asked for)
 */
public record ChatResult(String text, String finishReason, String refusal, String model) {
}
