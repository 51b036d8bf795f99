package dev.visionary.expand.llm;

import dev.visionary.provider.ProviderException;
import java.util.List;
import java.util.function.Consumer;

/** A language model reached over HTTP. Implementations are thread-safe and reusable. */
public interface ChatClient {

  /** The engine id shown in settings and stored with each expansion: {@code openai}, {@code ollama}, {@code anthropic}. */
  String id();

  /**
   * Sends one request and waits for the whole answer. When {@code request.stream()} is set, {@code onDelta}
   * receives each piece of text as it arrives, in order, on the calling thread; otherwise it is not called.
   * Failed attempts are retried only while no text has been delivered.
   */
  ChatResult complete(ChatRequest request, Consumer<String> onDelta) throws ProviderException;

  /** The model ids the server offers, sorted, for the settings page. */
  List<String> models() throws ProviderException;
}
