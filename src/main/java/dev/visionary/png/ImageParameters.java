package dev.visionary.png;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.visionary.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings of a picture in one shape, whichever tool wrote them: AUTOMATIC1111's {@code Seed} and
 * {@code CFG scale}, InvokeAI's {@code seed} and {@code cfg_scale}, ComfyUI's {@code seed} and {@code cfg},
 * Fooocus's {@code seed} (a string) and {@code guidance_scale} all become {@code seed} and {@code cfg_scale}.
 * Sampler and scheduler names are AUTOMATIC1111's labels ({@link SamplerNames}); a model is named by its
 * file name without folder or extension, as AUTOMATIC1111 writes it.
 *
 * <p>Values a tool could not have used (a seed past 2^64, a CFG scale of 1e308, steps of -3, a sampler name
 * holding control characters) are left out: what the file really said stays in its raw metadata.
 */
public final class ImageParameters {
  private static final BigInteger MAX_SEED = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigDecimal MAX_CFG = BigDecimal.valueOf(100);
  private static final int MAX_STEPS = 10_000;
  private static final int MAX_SIDE = 65_536;
  private static final int MAX_NAME = 200;
  /** Longest number text parsed; longer is not a setting anyone typed. */
  private static final int MAX_NUMBER_TEXT = 40;
  private static final Pattern INTEGER = Pattern.compile("[+]?\\d{1," + MAX_NUMBER_TEXT + "}");
  private static final Pattern MODEL_EXTENSION = Pattern.compile("(?i)\\.(safetensors|ckpt|pt|pth|bin|gguf|sft)$");

  private BigInteger seed;
  private Integer steps;
  private BigDecimal cfgScale;
  private String sampler;
  private String scheduler;
  private Integer width;
  private Integer height;
  private Integer batchSize;
  private String model;
  private String modelHash;

  public ImageParameters seed(JsonNode value) {
    if (value != null && value.isIntegralNumber()) {
      return seed(value.bigIntegerValue());
    }
    return value != null && value.isTextual() ? seed(value.asText()) : this;
  }

  public ImageParameters seed(String value) {
    String s = value == null ? "" : value.strip();
    return INTEGER.matcher(s).matches() ? seed(new BigInteger(s)) : this;
  }

  private ImageParameters seed(BigInteger value) {
    if (value.signum() >= 0 && value.compareTo(MAX_SEED) <= 0) {
      seed = value;
    }
    return this;
  }

  public ImageParameters steps(JsonNode value) {
    integer(value, MAX_STEPS).ifPresent(v -> steps = v);
    return this;
  }

  public ImageParameters steps(String value) {
    integer(value, MAX_STEPS).ifPresent(v -> steps = v);
    return this;
  }

  public ImageParameters cfgScale(JsonNode value) {
    if (value != null && value.isNumber() && Double.isFinite(value.doubleValue())) {
      return cfgScale(value.decimalValue());
    }
    return value != null && value.isTextual() ? cfgScale(value.asText()) : this;
  }

  public ImageParameters cfgScale(String value) {
    String s = value == null ? "" : value.strip();
    if (s.isEmpty() || s.length() > MAX_NUMBER_TEXT) {
      return this;
    }
    try {
      return cfgScale(new BigDecimal(s));
    } catch (NumberFormatException e) {
      return this;
    }
  }

  private ImageParameters cfgScale(BigDecimal value) {
    // Compared before anything prints it: 1e999999999 would print as a billion digits.
    if (value.signum() >= 0 && value.compareTo(MAX_CFG) <= 0) {
      // No tool writes a scale finer than a few decimals; 1e-20000 would be refused by PostgreSQL's numeric.
      BigDecimal plain = value.setScale(Math.min(value.scale(), 4), java.math.RoundingMode.HALF_UP).stripTrailingZeros();
      cfgScale = plain.scale() < 0 ? plain.setScale(0) : plain;
    }
    return this;
  }

  /** AUTOMATIC1111's and Fooocus's sampler and scheduler, or one InvokeAI scheduler name holding both. */
  public ImageParameters sampler(String samplerName, String schedulerName) {
    SamplerNames.Named named = SamplerNames.normalise(text(samplerName), text(schedulerName));
    sampler = text(named.sampler());
    scheduler = text(named.scheduler());
    return this;
  }

  public ImageParameters size(JsonNode w, JsonNode h) {
    return size(integer(w, MAX_SIDE), integer(h, MAX_SIDE));
  }

  private ImageParameters size(Optional<Integer> w, Optional<Integer> h) {
    if (w.isPresent() && h.isPresent()) {
      width = w.get();
      height = h.get();
    }
    return this;
  }

  /** {@code 1152x896} as AUTOMATIC1111 writes it, or {@code (1152, 896)} as Fooocus does: width first in both. */
  public ImageParameters size(String value) {
    String s = value == null ? "" : value.strip();
    if (s.length() > 2 * MAX_NUMBER_TEXT) {
      return this;
    }
    if (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1).replace(',', 'x').replace(" ", "");
    }
    String[] parts = s.split("x", -1);
    return parts.length == 2 ? size(integer(parts[0], MAX_SIDE), integer(parts[1], MAX_SIDE)) : this;
  }

  public ImageParameters batchSize(JsonNode value) {
    integer(value, MAX_STEPS).ifPresent(v -> batchSize = v);
    return this;
  }

  public ImageParameters batchSize(String value) {
    integer(value, MAX_STEPS).ifPresent(v -> batchSize = v);
    return this;
  }

  /** A checkpoint's name: ComfyUI's {@code SDXL/juggernautXL_v9.safetensors} becomes {@code juggernautXL_v9}. */
  public ImageParameters model(String value) {
    String name = text(value);
    if (name != null) {
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
      name = text(MODEL_EXTENSION.matcher(name).replaceFirst(""));
    }
    if (name != null) {
      model = name;
    }
    return this;
  }

  public ImageParameters modelHash(String value) {
    String hash = text(value);
    if (hash != null) {
      modelHash = hash;
    }
    return this;
  }

  public boolean isEmpty() {
    return toJson().isEmpty();
  }

  /**
   * The parameters as a prompt stores them, always in this order and under these names: seed, steps,
   * cfg_scale, sampler, scheduler, width, height, batch_size (only above 1), model, model_hash.
   */
  public ObjectNode toJson() {
    ObjectNode out = Json.MAPPER.createObjectNode();
    if (seed != null) {
      out.put("seed", seed);
    }
    if (steps != null) {
      out.put("steps", steps);
    }
    if (cfgScale != null) {
      out.put("cfg_scale", cfgScale);
    }
    putText(out, "sampler", sampler);
    putText(out, "scheduler", scheduler);
    if (width != null) {
      out.put("width", width);
      out.put("height", height);
    }
    if (batchSize != null && batchSize > 1) {
      out.put("batch_size", batchSize);
    }
    putText(out, "model", model);
    putText(out, "model_hash", modelHash);
    return out;
  }

  private static void putText(ObjectNode out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  /** A name as written, when it is one: trimmed, not empty, not too long, no control characters. */
  private static String text(String value) {
    if (value == null) {
      return null;
    }
    String s = value.strip();
    if (s.isEmpty() || s.length() > MAX_NAME || s.codePoints().anyMatch(Character::isISOControl)) {
      return null;
    }
    return s;
  }

  private static Optional<Integer> integer(JsonNode value, int max) {
    if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
      return inRange(value.intValue(), max);
    }
    // JSON writers print whole floats as 30.0.
    if (value != null && value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())
        && value.doubleValue() == Math.rint(value.doubleValue()) && Math.abs(value.doubleValue()) <= max) {
      return inRange((int) value.doubleValue(), max);
    }
    return value != null && value.isTextual() ? integer(value.asText(), max) : Optional.empty();
  }

  private static Optional<Integer> integer(String value, int max) {
    String s = value == null ? "" : value.strip();
    if (!INTEGER.matcher(s).matches() || s.length() > 9) {
      return Optional.empty();
    }
    return inRange(Integer.parseInt(s), max);
  }

  private static Optional<Integer> inRange(int value, int max) {
    return value >= 1 && value <= max ? Optional.of(value) : Optional.empty();
  }
}
