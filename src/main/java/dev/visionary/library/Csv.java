package dev.visionary.library;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, in the "excel" dialect Python's csv module (and so AUTOMATIC1111) writes: fields quoted
 * only when needed, {@code ""} for a quote inside quotes, CRLF between records, newlines inside quoted fields.
 */
final class Csv {
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
    boolean needs = f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0;
    return needs ? '"' + f.replace("\"", "\"\"") + '"' : f;
  }
}
