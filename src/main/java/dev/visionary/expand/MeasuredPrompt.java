package dev.visionary.expand;

import dev.visionary.prompt.Target;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A prompt written from what can be measured in a picture without knowing what it shows: its dominant colours by
 * name, its brightness and contrast (read as time of day and mood) and its aspect ratio (read as framing).
 */
final class MeasuredPrompt {
  /** Said on every card written this way, so no one takes it for a description of the picture's content. */
  static final String NOTE = "Written from the picture's colours and light, not its content.";
  /** A colour covering less of the picture than this is not one of its dominant colours. */
  private static final double MIN_SHARE = 0.08;

  /** What was measured. */
  record Measures(List<String> colours, double brightness, double contrast, int width, int height) {}

  private MeasuredPrompt() {}

  static Measures measure(Picture picture) {
    BufferedImage image = picture.sample();
    Map<String, Integer> counts = new LinkedHashMap<>();
    double sum = 0;
    double sumSquares = 0;
    int n = image.getWidth() * image.getHeight();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        double luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += luma;
        sumSquares += luma * luma;
        counts.merge(colourName(r, g, b), 1, Integer::sum);
      }
    }
    double mean = sum / n;
    double contrast = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
    List<String> colours = counts.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_SHARE * n)
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(3).map(Map.Entry::getKey).toList();
    return new Measures(colours, mean, contrast, picture.width(), picture.height());
  }

  /** The everyday name of a colour: a hue family, or black, white, grey and brown where hue says little. */
  static String colourName(int r, int g, int b) {
    float[] hsb = java.awt.Color.RGBtoHSB(r, g, b, null);
    float hue = hsb[0] * 360;
    float saturation = hsb[1];
    float value = hsb[2];
    if (value < 0.16f) {
      return "black";
    }
    if (saturation < 0.15f) {
      return value > 0.85f ? "white" : "grey";
    }
    if (hue < 15 || hue >= 345) {
      return value < 0.55f ? "dark red" : "red";
    }
    if (hue < 45) {
      return value < 0.6f ? "brown" : "orange";
    }
    if (hue < 70) {
      return value < 0.5f ? "olive" : "yellow";
    }
    if (hue < 160) {
      return "green";
    }
    if (hue < 195) {
      return "teal";
    }
    if (hue < 255) {
      return value < 0.45f ? "deep blue" : "blue";
    }
    if (hue < 290) {
      return "purple";
    }
    return "pink";
  }

  static String timeOfDay(double brightness) {
    if (brightness < 50) {
      return "night";
    }
    if (brightness < 100) {
      return "dusk";
    }
    if (brightness < 170) {
      return "daylight";
    }
    return "bright midday light";
  }

  static String mood(double brightness, double contrast) {
    if (contrast > 70) {
      return brightness < 100 ? "dramatic chiaroscuro, moody atmosphere" : "bold high-contrast light, vivid atmosphere";
    }
    if (contrast < 30) {
      return brightness < 100 ? "soft low light, quiet mysterious mood" : "soft even light, calm airy mood";
    }
    return brightness < 100 ? "gentle shadows, contemplative mood" : "balanced natural light, relaxed mood";
  }

  static String framing(int width, int height) {
    double ratio = (double) width / height;
    if (ratio >= 1.6) {
      return "wide panoramic framing";
    }
    if (ratio >= 1.15) {
      return "landscape framing";
    }
    if (ratio <= 0.625) {
      return "tall vertical framing";
    }
    if (ratio <= 0.87) {
      return "portrait framing";
    }
    return "square framing";
  }

  /** The aspect ratio as Midjourney's {@code --ar} takes it, in small whole numbers: 1920 × 1080 is {@code 16:9}. */
  static String aspectRatio(int width, int height) {
    int bestW = 1;
    int bestH = 1;
    double ratio = (double) width / height;
    double bestError = Double.MAX_VALUE;
    for (int h = 1; h <= 16; h++) {
      int w = (int) Math.max(1, Math.round(ratio * h));
      double error = Math.abs((double) w / h - ratio);
      if (error < bestError - 1e-9) {
        bestError = error;
        bestW = w;
        bestH = h;
      }
    }
    return bestW + ":" + bestH;
  }

  /** The prompt in {@code target}'s dialect: tags for Stable Diffusion, phrases and {@code --ar} for Midjourney, else a sentence. */
  static Variation write(Measures m, Target target) {
    String colours = colourPhrase(m.colours());
    String time = timeOfDay(m.brightness());
    String mood = mood(m.brightness(), m.contrast());
    String framing = framing(m.width(), m.height());
    List<String> notes = List.of(NOTE);
    return switch (target) {
      case STABLE_DIFFUSION -> new Variation(String.join(", ", tags(m.colours(), time, mood, framing)), null, Map.of(), List.of(), notes,
          "colours, light and framing");
      case MIDJOURNEY -> new Variation("a scene in " + colours + ", " + time + ", " + mood + ", " + framing, null,
          Map.of("ar", aspectRatio(m.width(), m.height())), List.of(), notes, "colours, light and framing");
      default -> new Variation(capitalised("a scene in " + colours + ", " + (time.equals("night") || time.equals("dusk") ? "at " : "in ") + time + ", with " + mood + ", in " + framing + "."),
          null, Map.of(), List.of(), notes, "colours, light and framing");
    };
  }

  private static List<String> tags(List<String> colours, String time, String mood, String framing) {
    List<String> tags = new ArrayList<>();
    colours.forEach(c -> tags.add(c + " tones"));
    tags.add(time);
    tags.addAll(List.of(mood.split(", ")));
    tags.add(framing);
    return tags;
  }

  private static String colourPhrase(List<String> colours) {
    if (colours.isEmpty()) {
      return "many mixed colours";
    }
    if (colours.size() == 1) {
      return colours.get(0) + " tones";
    }
    return String.join(", ", colours.subList(0, colours.size() - 1)) + " and " + colours.get(colours.size() - 1) + " tones";
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
