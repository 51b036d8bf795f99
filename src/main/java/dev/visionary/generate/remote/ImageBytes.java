package dev.visionary.generate.remote;

import dev.visionary.generate.engine.GeneratedImage;
import dev.visionary.generate.engine.ImageEngineException;
import dev.visionary.provider.Failure;
import java.util.Base64;

/** Turns what a server sent into a {@link GeneratedImage}, trusting the bytes rather than the server's label. */
final class ImageBytes {

  private ImageBytes() {}

  /** Decodes base64 with or without a {@code data:image/...;base64,} prefix, which some servers add. */
  static byte[] fromBase64(String provider, String base64) throws ImageEngineException {
    String data = base64.startsWith("data:") ? base64.substring(base64.indexOf(',') + 1) : base64;
    try {
      return Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, provider + " sent an image that is not valid base64.", e);
    }
  }

  /**
   * Wraps downloaded or decoded bytes. The size is read from the PNG header when there is one, because
   * servers may round or ignore the size we asked for; otherwise the requested size stands.
   */
  static GeneratedImage image(String provider, byte[] bytes, int width, int height, Long seed, String revisedPrompt)
      throws ImageEngineException {
    String mime = mimeType(bytes);
    if (mime == null) {
      throw ImageEngineException.retryable(Failure.BAD_RESPONSE, provider + " sent something that is not a PNG, JPEG or WebP image.", null);
    }
    if (mime.equals(GeneratedImage.PNG) && bytes.length >= 24) {
      width = readInt(bytes, 16);
      height = readInt(bytes, 20);
    }
    return new GeneratedImage(bytes, width, height, seed, revisedPrompt, mime);
  }

  /** The image type from its magic bytes, or null when it is none of the types we store. */
  static String mimeType(byte[] b) {
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return GeneratedImage.PNG;
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
  }
}
