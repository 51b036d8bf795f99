package dev.visionary.png;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sampler and scheduler names as AUTOMATIC1111 labels them ({@code DPM++ 2M}, {@code Karras}), from the
 * names each tool writes: ComfyUI's and Fooocus's k-diffusion names ({@code dpmpp_2m}, {@code
 * dpmpp_2m_sde_gpu}, {@code karras}), InvokeAI's scheduler names that hold both ({@code dpmpp_2m_k} is
 * DPM++ 2M with Karras sigmas), and AUTOMATIC1111's own older infotext, where the schedule was part of the
 * sampler ({@code DPM++ 2M Karras}, still written by Fooocus's A1111 scheme). A name none of these know is
 * kept as written.
 */
final class SamplerNames {

  /** Either may be null. */
  record Named(String sampler, String scheduler) {}

  private static final Map<String, String> SAMPLERS = new HashMap<>();
  private static final Map<String, String> SCHEDULERS = new HashMap<>();
  /** InvokeAI scheduler names that are not k-diffusion sampler names; their {@code _k} forms add Karras. */
  private static final Map<String, String> INVOKE = Map.of("euler_a", "Euler a", "kdpm_2", "DPM2", "kdpm_2_a", "DPM2 a",
      "unipc", "UniPC", "dpmpp_2s", "DPM++ 2S a");

  static {
    // AUTOMATIC1111's label, then the k-diffusion function name ComfyUI and Fooocus use.
    String[][] samplers = {
        {"Euler a", "euler_ancestral"}, {"Euler", "euler"}, {"LMS", "lms"}, {"Heun", "heun"}, {"DPM2", "dpm_2"},
        {"DPM2 a", "dpm_2_ancestral"}, {"DPM++ 2S a", "dpmpp_2s_ancestral"}, {"DPM++ 2M", "dpmpp_2m"},
        {"DPM++ SDE", "dpmpp_sde"}, {"DPM++ 2M SDE", "dpmpp_2m_sde"}, {"DPM++ 3M SDE", "dpmpp_3m_sde"},
        {"DPM fast", "dpm_fast"}, {"DPM adaptive", "dpm_adaptive"}, {"Restart", "restart"}, {"DDIM", "ddim"},
        {"PLMS", "plms"}, {"UniPC", "uni_pc"}, {"LCM", "lcm"}, {"DDPM", "ddpm"}, {"DPM++ 2M SDE Heun", "dpmpp_2m_sde_heun"},
    };
    for (String[] s : samplers) {
      SAMPLERS.put(key(s[0]), s[0]);
      SAMPLERS.put(s[1], s[0]);
      // ComfyUI's _gpu variants draw their noise on the GPU; the sampler is the same.
      SAMPLERS.put(s[1] + "_gpu", s[0]);
      // AUTOMATIC1111's old aliases (k_euler_a, k_dpmpp_2m), still in some infotext.
      SAMPLERS.put("k_" + s[1], s[0]);
    }
    SAMPLERS.put("k_euler_a", "Euler a");
    SAMPLERS.put("k_dpm_2_a", "DPM2 a");
    SAMPLERS.put("k_dpmpp_2s_a", "DPM++ 2S a");
    for (String label : List.of("Automatic", "Uniform", "Karras", "Exponential", "Polyexponential", "SGM Uniform",
        "KL Optimal", "Align Your Steps", "Simple", "Normal", "DDIM", "Beta")) {
      SCHEDULERS.put(key(label), label);
      SCHEDULERS.put(label.toLowerCase(Locale.ROOT).replace(' ', '_'), label);
    }
  }

  private SamplerNames() {}

  static Named normalise(String sampler, String scheduler) {
    String schedulerLabel = scheduler == null ? null : SCHEDULERS.getOrDefault(key(scheduler), scheduler);
    if (sampler == null) {
      return new Named(null, schedulerLabel);
    }
    String known = SAMPLERS.get(key(sampler));
    if (known != null) {
      return new Named(known, schedulerLabel);
    }
    // "DPM++ 2M Karras": a known sampler followed by a known schedule.
    int space = sampler.lastIndexOf(' ');
    while (space > 0) {
      String head = SAMPLERS.get(key(sampler.substring(0, space)));
      String tail = SCHEDULERS.get(key(sampler.substring(space + 1)));
      if (head != null && tail != null) {
        return new Named(head, schedulerLabel != null ? schedulerLabel : tail);
      }
      space = sampler.lastIndexOf(' ', space - 1);
    }
    // InvokeAI: "dpmpp_2m_k" is DPM++ 2M on Karras sigmas.
    String name = sampler.toLowerCase(Locale.ROOT);
    boolean karras = name.endsWith("_k");
    String base = karras ? name.substring(0, name.length() - 2) : name;
    String invoke = INVOKE.getOrDefault(base, SAMPLERS.get(base));
    if (invoke != null) {
      return new Named(invoke, karras && schedulerLabel == null ? "Karras" : schedulerLabel);
    }
    return new Named(sampler, schedulerLabel);
  }

  /** Case and the space in "SGM Uniform" do not matter when matching a label. */
  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
  }
}
