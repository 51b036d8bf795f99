package dev.visionary.generate.scene;

import java.awt.geom.Path2D;

/**
 * Parses SVG path data ({@code d} attributes) into a {@link Path2D}: M, L, H, V, C, S, Q, T, A and Z in
 * absolute and relative form, with implicit repeats. Strict: anything outside the grammar is an error
 * naming its position, so a bad shape fails when the library loads rather than drawing garbage.
 */
final class SvgPath {

  /** The shapes are small hand-drawn figures; a longer string is a mistake, not a figure. */
  static final int MAX_LENGTH = 20_000;

  private final String d;
  private int pos;

  private SvgPath(String d) {
    this.d = d;
  }

  static Path2D.Double parse(String d) {
    if (d == null || d.isBlank()) {
      throw new IllegalArgumentException("empty path");
    }
    if (d.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("path longer than " + MAX_LENGTH + " characters");
    }
    return new SvgPath(d).read();
  }

  private Path2D.Double read() {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
    double x = 0;
    double y = 0;
    double startX = 0;
    double startY = 0;
    // The last control point, for the smooth forms S and T, which mirror it.
    double ctrlX = 0;
    double ctrlY = 0;
    char previous = ' ';
    char command = ' ';
    skipSpace();
    if (pos >= d.length() || Character.toUpperCase(d.charAt(pos)) != 'M') {
      throw error("a path must start with M");
    }
    while (true) {
      skipSpace();
      if (pos >= d.length()) {
        break;
      }
      char c = d.charAt(pos);
      if (isCommand(c)) {
        command = c;
        pos++;
      } else if (command == ' ' || Character.toUpperCase(command) == 'Z') {
        throw error("expected a command");
      } else if (command == 'M') {
        command = 'L';
      } else if (command == 'm') {
        command = 'l';
      }
      boolean rel = Character.isLowerCase(command);
      double ox = rel ? x : 0;
      double oy = rel ? y : 0;
      switch (Character.toUpperCase(command)) {
        case 'M' -> {
          x = ox + number();
          y = oy + number();
          path.moveTo(x, y);
          startX = x;
          startY = y;
          ctrlX = x;
          ctrlY = y;
        }
        case 'L' -> {
          x = ox + number();
          y = oy + number();
          path.lineTo(x, y);
        }
        case 'H' -> {
          x = ox + number();
          path.lineTo(x, y);
        }
        case 'V' -> {
          y = oy + number();
          path.lineTo(x, y);
        }
        case 'C' -> {
          double x1 = ox + number();
          double y1 = oy + number();
          ctrlX = ox + number();
          ctrlY = oy + number();
          x = ox + number();
          y = oy + number();
          path.curveTo(x1, y1, ctrlX, ctrlY, x, y);
        }
        case 'S' -> {
          boolean follows = "CcSs".indexOf(previous) >= 0;
          double x1 = follows ? 2 * x - ctrlX : x;
          double y1 = follows ? 2 * y - ctrlY : y;
          ctrlX = ox + number();
          ctrlY = oy + number();
          x = ox + number();
          y = oy + number();
          path.curveTo(x1, y1, ctrlX, ctrlY, x, y);
        }
        case 'Q' -> {
          ctrlX = ox + number();
          ctrlY = oy + number();
          x = ox + number();
          y = oy + number();
          path.quadTo(ctrlX, ctrlY, x, y);
        }
        case 'T' -> {
          boolean follows = "QqTt".indexOf(previous) >= 0;
          ctrlX = follows ? 2 * x - ctrlX : x;
          ctrlY = follows ? 2 * y - ctrlY : y;
          x = ox + number();
          y = oy + number();
          path.quadTo(ctrlX, ctrlY, x, y);
        }
        case 'A' -> {
          double rx = number();
          double ry = number();
          double angle = number();
          boolean large = flag();
          boolean sweep = flag();
          double x2 = ox + number();
          double y2 = oy + number();
          arc(path, x, y, rx, ry, angle, large, sweep, x2, y2);
          x = x2;
          y = y2;
        }
        case 'Z' -> {
          path.closePath();
          x = startX;
          y = startY;
        }
        default -> throw error("unknown command");
      }
      if ("CcSsQqTt".indexOf(command) < 0) {
        ctrlX = x;
        ctrlY = y;
      }
      previous = command;
    }
    return path;
  }

  private static boolean isCommand(char c) {
    return "MmLlHhVvCcSsQqTtAaZz".indexOf(c) >= 0;
  }

  private void skipSpace() {
    while (pos < d.length()) {
      char c = d.charAt(pos);
      if (c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  /** Arc flags are a single 0 or 1 and may run into the next number ("a5 5 0 0110 10"). */
  private boolean flag() {
    skipSpace();
    if (pos < d.length() && (d.charAt(pos) == '0' || d.charAt(pos) == '1')) {
      return d.charAt(pos++) == '1';
    }
    throw error("expected an arc flag 0 or 1");
  }

  /** A number in SVG's grammar: sign, digits, one dot, exponent; "-.5.5" is two numbers. */
  private double number() {
    skipSpace();
    int start = pos;
    if (pos < d.length() && (d.charAt(pos) == '+' || d.charAt(pos) == '-')) {
      pos++;
    }
    int digits = 0;
    while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
      pos++;
      digits++;
    }
    if (pos < d.length() && d.charAt(pos) == '.') {
      pos++;
      while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
        pos++;
        digits++;
      }
    }
    if (digits == 0) {
      pos = start;
      throw error("expected a number");
    }
    if (pos < d.length() && (d.charAt(pos) == 'e' || d.charAt(pos) == 'E')) {
      int mark = pos++;
      if (pos < d.length() && (d.charAt(pos) == '+' || d.charAt(pos) == '-')) {
        pos++;
      }
      int expDigits = 0;
      while (pos < d.length() && Character.isDigit(d.charAt(pos))) {
        pos++;
        expDigits++;
      }
      if (expDigits == 0 || expDigits > 3) {
        pos = mark;
        throw error("bad exponent");
      }
    }
    double v = Double.parseDouble(d.substring(start, pos));
    if (!Double.isFinite(v) || Math.abs(v) > 1e6) {
      pos = start;
      throw error("number out of range");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    int from = Math.max(0, pos - 10);
    int to = Math.min(d.length(), pos + 10);
    return new IllegalArgumentException(what + " at character " + pos + " near \"" + d.substring(from, to) + "\"");
  }

  /**
   * Appends an elliptical arc as cubic curves of at most a quarter turn each, after SVG's
   * endpoint-to-centre conversion (SVG 1.1, appendix F.6), with its rules for zero and too-small radii.
   */
  static void arc(Path2D path, double x1, double y1, double rx, double ry, double angleDeg, boolean large,
      boolean sweep, double x2, double y2) {
    if (x1 == x2 && y1 == y2) {
      return;
    }
    rx = Math.abs(rx);
    ry = Math.abs(ry);
    if (rx == 0 || ry == 0) {
      path.lineTo(x2, y2);
      return;
    }
    double phi = Math.toRadians(angleDeg % 360);
    double cos = Math.cos(phi);
    double sin = Math.sin(phi);
    double dx = (x1 - x2) / 2;
    double dy = (y1 - y2) / 2;
    double xp = cos * dx + sin * dy;
    double yp = -sin * dx + cos * dy;
    double lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry);
    if (lambda > 1) {
      double s = Math.sqrt(lambda);
      rx *= s;
      ry *= s;
    }
    double num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp;
    double den = rx * rx * yp * yp + ry * ry * xp * xp;
    double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
    double cxp = coef * rx * yp / ry;
    double cyp = -coef * ry * xp / rx;
    double cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
    double cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
    double theta1 = angle(1, 0, (xp - cxp) / rx, (yp - cyp) / ry);
    double delta = angle((xp - cxp) / rx, (yp - cyp) / ry, (-xp - cxp) / rx, (-yp - cyp) / ry);
    if (!sweep && delta > 0) {
      delta -= 2 * Math.PI;
    } else if (sweep && delta < 0) {
      delta += 2 * Math.PI;
    }
    int segments = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9);
    double step = delta / segments;
    double k = 4.0 / 3.0 * Math.tan(step / 4);
    double t = theta1;
    for (int i = 0; i < segments; i++) {
      double c1 = Math.cos(t);
      double s1 = Math.sin(t);
      double c2 = Math.cos(t + step);
      double s2 = Math.sin(t + step);
      double[] p1 = point(cx, cy, rx, ry, cos, sin, c1 - k * s1, s1 + k * c1);
      double[] p2 = point(cx, cy, rx, ry, cos, sin, c2 + k * s2, s2 - k * c2);
      double[] p3 = i == segments - 1 ? new double[] {x2, y2} : point(cx, cy, rx, ry, cos, sin, c2, s2);
      path.curveTo(p1[0], p1[1], p2[0], p2[1], p3[0], p3[1]);
      t += step;
    }
  }

  private static double[] point(double cx, double cy, double rx, double ry, double cos, double sin, double u,
      double v) {
    return new double[] {cx + rx * u * cos - ry * v * sin, cy + rx * u * sin + ry * v * cos};
  }

  private static double angle(double ux, double uy, double vx, double vy) {
    return Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  }
}
