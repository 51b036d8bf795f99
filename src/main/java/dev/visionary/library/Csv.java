package dev.visionary.library;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, in the "excel" dialect Python's csv module (and so AUTOMATIC1111) writes: fields quoted
 * only when needed, {@code ""} for a quote inside quotes, CRLF between records, newlines inside quoted fields.
 *
 * <p>Written cells are safe to open in a spreadsheet (OWASP, CSV injection): a cell that would start with
 * {@code = + - @}, a tab or a carriage return is written with a single quote in front, and quoted. So that
 * {@link #restore} can tell that quote from one a person typed, a cell of quotes followed by one of those
 * characters ({@code '=x}, {@code ''-x}) gets one more quote too. The rule, both ways: {@link #write} adds one
 * leading quote to every cell matching {@code '*[=+\-@\t\r].*}, {@link #restore} removes one from every cell
 * matching {@code '+[=+\-@\t\r].*}, and every other cell passes unchanged, so a file Visionary wrote reads back
 * to the same texts.
 */
final class Csv {
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Csv() {}

  /** Thrown for text that is not CSV, with the line where reading stopped. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message);
    }
  }

  static List<List<String>> read(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        line++;
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
          rows.add(row);
        }
        row = new ArrayList<>();
      } else {
        // A stray quote inside an unquoted field is kept as text, as Python's reader does.
        field.append(c);
        fieldStarted = true;
      }
    }
    if (quoted) {
      throw new Invalid("A quoted field that starts on line " + quoteLine + " is never closed.");
    }
    if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  static String write(List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(quote(row.get(i)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static String quote(String field) {
    String f = field == null ? "" : field;
    if (startsLikeFormula(f, 0)) {
      return "\"'" + f.replace("\"", "\"\"") + '"';
    }
    boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
    return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
  }

  /** A cell as it was before {@link #write} neutralised it; cells not written that way come back unchanged. */
  static String restore(String cell) {
    return cell.startsWith("'") && startsLikeFormula(cell, 1) ? cell.substring(1) : cell;
  }

  /** Whether the text from {@code from} on, after any single quotes, starts with a character a spreadsheet evaluates. */
  private static boolean startsLikeFormula(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == '\'') {
      i++;
    }
    return i < s.length() && FORMULA_STARTS.indexOf(s.charAt(i)) >= 0;
  }
}
