package dev.visionary.generate.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.visionary.generate.remote.ComfyEvents.Status;
import dev.visionary.generate.remote.ComfyEvents.Update;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Websocket messages as ComfyUI sends them, fed to the handler in the order a real run produces them. */
class ComfyEventsTest {

  private static final String OURS = "5f0c6f5e-3b1a-4d7e-9b7a-2f3e1c9d8a01";
  private static final String OTHER = "0a1b2c3d-0000-4000-8000-000000000000";

  private final ComfyEvents events = new ComfyEvents(OURS);

  @Test
  void followsARunToItsEndAndIgnoresOtherPrompts() {
    List<String> frames = List.of(
        "{\"type\":\"status\",\"data\":{\"status\":{\"exec_info\":{\"queue_remaining\":1}},\"sid\":\"c1\"}}",
        "{\"type\":\"execution_start\",\"data\":{\"prompt_id\":\"" + OURS + "\",\"timestamp\":1724236800000}}",
        "{\"type\":\"execution_cached\",\"data\":{\"nodes\":[\"4\",\"6\"],\"prompt_id\":\"" + OURS + "\",\"timestamp\":1724236800001}}",
        "{\"type\":\"executing\",\"data\":{\"node\":\"3\",\"display_node\":\"3\",\"prompt_id\":\"" + OURS + "\"}}",
        "{\"type\":\"progress\",\"data\":{\"value\":5,\"max\":20,\"prompt_id\":\"" + OURS + "\",\"node\":\"3\"}}",
        "{\"type\":\"progress\",\"data\":{\"value\":19,\"max\":20,\"prompt_id\":\"" + OTHER + "\",\"node\":\"3\"}}",
        "{\"type\":\"progress_state\",\"data\":{\"prompt_id\":\"" + OURS + "\",\"nodes\":{\"3\":{\"value\":5,\"max\":20,\"state\":\"running\"}}}}",
        "{\"type\":\"progress\",\"data\":{\"value\":20,\"max\":20,\"prompt_id\":\"" + OURS + "\",\"node\":\"3\"}}",
        "{\"type\":\"executed\",\"data\":{\"node\":\"9\",\"display_node\":\"9\",\"output\":{\"images\":[{\"filename\":\"visionary_00001_.png\","
            + "\"subfolder\":\"\",\"type\":\"output\"}]},\"prompt_id\":\"" + OURS + "\"}}",
        "{\"type\":\"executing\",\"data\":{\"node\":null,\"prompt_id\":\"" + OTHER + "\"}}",
        "{\"type\":\"executing\",\"data\":{\"node\":null,\"prompt_id\":\"" + OURS + "\"}}");

    List<Update> updates = frames.stream().map(events::accept).toList();

    assertEquals(List.of(0.25, 1.0, 1.0), updates.stream().map(Update::progress).filter(Objects::nonNull).toList());
    assertEquals(Status.SUCCEEDED, updates.get(updates.size() - 1).status());
    assertEquals(Status.RUNNING, updates.get(updates.size() - 2).status(), "another prompt finishing is not ours");
  }

  @Test
  void executionSuccessEndsARunOnServersThatNoLongerSendAFinalExecuting() {
    assertEquals(Status.SUCCEEDED, events.accept("{\"type\":\"execution_success\",\"data\":{\"prompt_id\":\"" + OURS + "\",\"timestamp\":1}}").status());
  }

  @Test
  void anExecutionErrorCarriesTheExceptionMessage() {
    Update update = events.accept("{\"type\":\"execution_error\",\"data\":{\"prompt_id\":\"" + OURS + "\",\"node_id\":\"3\",\"node_type\":\"KSampler\","
        + "\"executed\":[],\"exception_message\":\"CUDA out of memory. Tried to allocate 3.00 GiB\",\"exception_type\":\"torch.OutOfMemoryError\","
        + "\"traceback\":[],\"current_inputs\":{},\"current_outputs\":{}}}");
    assertEquals(Status.FAILED, update.status());
    assertEquals("KSampler: CUDA out of memory. Tried to allocate 3.00 GiB", update.error());
    assertEquals(dev.visionary.generate.engine.ImageEngineException.Kind.TRANSIENT, ComfyErrors.executionFailed(update.error()).kind());
  }

  @Test
  void anInterruptionEndsTheRun() {
    Update update = events.accept("{\"type\":\"execution_interrupted\",\"data\":{\"prompt_id\":\"" + OURS + "\",\"node_id\":\"3\","
        + "\"node_type\":\"KSampler\",\"executed\":[]}}");
    assertEquals(Status.INTERRUPTED, update.status());
    assertNull(update.progress());
  }

  @Test
  void unreadableFramesChangeNothing() {
    assertEquals(Update.NOTHING, events.accept("not json"));
    assertEquals(Update.NOTHING, events.accept("{\"type\":\"progress\",\"data\":{\"value\":1,\"max\":0,\"prompt_id\":\"" + OURS + "\"}}"));
  }
}
