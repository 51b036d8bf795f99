package dev.visionary.png;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@code Key: value} pairs of an infotext parameters line, with the results of AUTOMATIC1111's
 * pattern {@code \s*(\w[\w \-/]+):\s*("(?:\\.|[^\\"])+"|[^,]*)(?:,|$)} (Python's Unicode {@code \w}),
 * found one after another as {@code re.findall} does.
 *
 * <p>Written out by hand because that pattern backtracks: on a line with no colon every start position
 * rescans the rest of the line, so 80,000 characters took 22-45 s and a 19 MB line pinned a core for
 * minutes. Here every character is looked at a bounded number of times, so the work grows with the length.
 */
final class InfotextPairs {

  /** One pair as written: the key before the colon and the value after it, neither trimmed nor unquoted. */
  record Pair(String key, String value) {}

  private final String line;
  private final int length;
  // Where the last quoted-value scan stopped: a later scan starting before it stops at the same place.
  private int quoteScanStart = -1;
  private int quoteScanStop = -1;

  private InfotextPairs(String line) {
    this.line = line;
    this.length = line.length();
  }

  static List<Pair> find(String line) {
    return new InfotextPairs(line).all();
  }

  private List<Pair> all() {
    List<Pair> pairs = new ArrayList<>();
    int at = 0;
    while (at < length) {
      int keyStart = skipSpaces(at);
      if (keyStart >= length) {
        break;
      }
      int first = line.codePointAt(keyStart);
      if (!isWord(first)) {
        at = keyStart + Character.charCount(first);
        continue;
      }
      int keyEnd = keyStart + Character.charCount(first);
      int restStart = keyEnd;
      while (keyEnd < length && isKeyChar(line.codePointAt(keyEnd))) {
        keyEnd += Character.charCount(line.codePointAt(keyEnd));
      }
      // A start anywhere inside this run of key characters reaches the same end, so when no colon
      // follows, none of them can begin a pair: go on after the run.
      if (keyEnd == restStart || keyEnd >= length || line.charAt(keyEnd) != ':') {
        at = keyEnd;
        continue;
      }
      int valueStart = skipSpaces(keyEnd + 1);
      int quotedEnd = quotedValueEnd(valueStart);
      int valueEnd;
      if (quotedEnd >= 0) {
        valueEnd = quotedEnd;
        at = quotedEnd < length && line.charAt(quotedEnd) == ',' ? quotedEnd + 1 : quotedEnd;
      } else {
        int comma = line.indexOf(',', valueStart);
        valueEnd = comma < 0 ? length : comma;
        at = comma < 0 ? length : comma + 1;
      }
      pairs.add(new Pair(line.substring(keyStart, keyEnd), line.substring(valueStart, valueEnd)));
    }
    return pairs;
  }

  /**
   * The end of a quoted value starting at {@code from} ({@code "(?:\\.|[^\\"])+"}) when a comma or the
   * end of the line follows it, else -1 (the value is then read up to the next comma instead).
   */
  private int quotedValueEnd(int from) {
    if (from >= length || line.charAt(from) != '"') {
      return -1;
    }
    int start = from + 1;
    int stop;
    if (start > quoteScanStart && start < quoteScanStop) {
      // The earlier scan passed the quote before `start` only as the second half of an escape, so it
      // also stepped onto `start` and went on exactly as a scan from here would.
      stop = quoteScanStop;
    } else {
      stop = start;
      while (stop < length) {
        char c = line.charAt(stop);
        if (c == '"') {
          break;
        }
        if (c == '\\') {
          // A backslash escapes any character but a line break ('.' does not match one).
          if (stop + 1 >= length || isLineBreak(line.charAt(stop + 1))) {
            break;
          }
          stop += 2;
        } else {
          stop++;
        }
      }
      quoteScanStart = start;
      quoteScanStop = stop;
    }
    if (stop == start || stop >= length || line.charAt(stop) != '"') {
      return -1;
    }
    int after = stop + 1;
    return after == length || line.charAt(after) == ',' || endsBeforeFinalLineBreak(after) ? after : -1;
  }

  /** Java's {@code $} also matches just before a line break that ends the input. */
  private boolean endsBeforeFinalLineBreak(int at) {
    return (at == length - 1 && isLineBreak(line.charAt(at)))
        || (at == length - 2 && line.charAt(at) == '\r' && line.charAt(at + 1) == '\n');
  }

  private int skipSpaces(int from) {
    int at = from;
    while (at < length && isSpace(line.charAt(at))) {
      at++;
    }
    return at;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }

  /** Unicode White_Space, which is what {@code \s} means with UNICODE_CHARACTER_CLASS. */
  private static boolean isSpace(char c) {
    int type = Character.getType(c);
    return (c >= '\t' && c <= '\r') || c == '\u0085' || type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** Unicode {@code \w}: letters, marks, decimal digits, connector punctuation and the joiners. */
  private static boolean isWord(int cp) {
    if (Character.isAlphabetic(cp) || Character.isDigit(cp) || cp == '\u200c' || cp == '\u200d') {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION;
  }

  private static boolean isKeyChar(int cp) {
    return cp == ' ' || cp == '-' || cp == '/' || isWord(cp);
  }
}
