package dev.visionary.generate.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SvgPathTest {

  /** The end points of every segment, in order, as "x,y" rounded to 3 decimals. */
  private static List<String> points(String d) {
    List<String> out = new ArrayList<>();
    double[] c = new double[6];
    for (PathIterator it = SvgPath.parse(d).getPathIterator(null); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      int n = switch (type) {
        case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 0;
        case PathIterator.SEG_QUADTO -> 2;
        case PathIterator.SEG_CUBICTO -> 4;
        default -> -1;
      };
      out.add(n < 0 ? "Z" : fmt(c[n]) + "," + fmt(c[n + 1]));
    }
    return out;
  }

  private static String fmt(double v) {
    double r = Math.round(v * 1000) / 1000.0;
    return r == (long) r ? Long.toString((long) r) : Double.toString(r);
  }

  /** Area enclosed by a shape, from its flattened outline. */
  static double area(java.awt.Shape shape) {
    double sum = 0;
    double[] c = new double[6];
    double sx = 0;
    double sy = 0;
    double px = 0;
    double py = 0;
    for (PathIterator it = new Area(shape).getPathIterator(null, 0.01); !it.isDone(); it.next()) {
      int type = it.currentSegment(c);
      if (type == PathIterator.SEG_MOVETO) {
        sx = px = c[0];
        sy = py = c[1];
      } else if (type == PathIterator.SEG_LINETO) {
        sum += px * c[1] - c[0] * py;
        px = c[0];
        py = c[1];
      } else {
        sum += px * sy - sx * py;
        px = sx;
        py = sy;
      }
    }
    return Math.abs(sum / 2);
  }

  @Test
  void linesAbsoluteAndRelative() {
    assertEquals(List.of("10,10", "20,10", "20,30", "5,30", "Z"), points("M10 10 L20 10 V30 H5 Z"));
    assertEquals(List.of("10,10", "20,10", "20,30", "5,30", "Z"), points("m10 10 l10 0 v20 h-15 z"));
  }

  @Test
  void implicitRepeatsContinueTheCommandAndMoveToBecomesLineTo() {
    assertEquals(List.of("0,0", "10,0", "10,10"), points("M0 0 10 0 10 10"));
    assertEquals(List.of("1,1", "2,2", "4,4"), points("m1 1 1 1 2 2"));
    assertEquals(List.of("0,0", "5,0", "5,5", "0,5"), points("M0,0L5,0,5,5,0,5"));
  }

  @Test
  void numbersInEveryFormSvgAllows() {
    assertEquals(List.of("0.002,-0.5", "0.5,0.25", "100,-3"), points("M1.5e-3-.5L.5.25 1E2-3"));
    assertEquals(List.of("0,0", "-0.5,0.5"), points("M0 0l-.5.5"));
  }

  @Test
  void cubicCurvesAndTheirSmoothForm() {
    Path2D.Double p = SvgPath.parse("M0 0 C0 10 10 10 10 0 S20 -10 20 0");
    assertEquals(List.of("0,0", "10,0", "20,0"), points("M0 0 C0 10 10 10 10 0 S20 -10 20 0"));
    double[] c = new double[6];
    PathIterator it = p.getPathIterator(null);
    it.next();
    it.next();
    assertEquals(PathIterator.SEG_CUBICTO, it.currentSegment(c));
    // S mirrors the previous second control point (10,10) about (10,0).
    assertEquals(10, c[0], 1e-9);
    assertEquals(-10, c[1], 1e-9);
    assertEquals(List.of("0,0", "10,0", "20,0"), points("m0 0 c0 10 10 10 10 0 s10 -10 10 0"));
  }

  @Test
  void quadraticCurvesAndTheirSmoothForm() {
    Path2D.Double p = SvgPath.parse("M0 0 Q5 10 10 0 T20 0");
    double[] c = new double[6];
    PathIterator it = p.getPathIterator(null);
    it.next();
    it.next();
    assertEquals(PathIterator.SEG_QUADTO, it.currentSegment(c));
    assertEquals(15, c[0], 1e-9);
    assertEquals(-10, c[1], 1e-9);
    assertEquals(List.of("0,0", "10,0", "20,0"), points("m0 0 q5 10 10 0 t10 0"));
  }

  @Test
  void arcsDrawTheRightHalfOfTheRightEllipse() {
    // Two half-turn arcs make a circle of radius 10 around (10, 0).
    Path2D.Double circle = SvgPath.parse("M0 0 A10 10 0 1 0 20 0 A10 10 0 1 0 0 0 Z");
    assertEquals(Math.PI * 100, area(circle), 0.5);
    Rectangle2D b = circle.getBounds2D();
    assertEquals(0, b.getMinX(), 0.01);
    assertEquals(20, b.getMaxX(), 0.01);
    assertEquals(-10, b.getMinY(), 0.5);
    assertEquals(10, b.getMaxY(), 0.5);
    // With y pointing down, sweep 1 turns clockwise on screen: from left to right it passes over the top.
    Rectangle2D lower = SvgPath.parse("M0 0 a10 10 0 0 0 20 0").getBounds2D();
    Rectangle2D upper = SvgPath.parse("M0 0 a10 10 0 0 1 20 0").getBounds2D();
    assertTrue(lower.getMaxY() > 9 && lower.getMinY() > -0.01, "sweep 0 bulges toward +y: " + lower);
    assertTrue(upper.getMinY() < -9 && upper.getMaxY() < 0.01, "sweep 1 bulges toward -y: " + upper);
    // Radii too small to reach are scaled up to a half circle; zero radii draw a straight line.
    assertEquals(List.of("0,0", "10,-10", "20,0"), points("M0 0 A1 1 0 0 1 20 0"));
    assertEquals(List.of("0,0", "20,0"), points("M0 0 A0 5 0 0 1 20 0"));
    // Flags may run into the next number.
    List<String> run = points("M0 0a10 10 0 0120 0");
    assertEquals("20,0", run.get(run.size() - 1));
    assertEquals(3, run.size(), "a half turn is two quarter-turn curves: " + run);
  }

  @Test
  void badPathsAreRefusedWithThePlace() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("L0 0")).getMessage()
        .contains("start with M"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0 L5")).getMessage()
        .contains("expected a number"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0 X5 5")).getMessage()
        .contains("character 5"));
    assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0 A5 5 0 2 0 1 1"));
    assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0 L1e999 0"));
    assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0 Z 5 5"));
    assertThrows(IllegalArgumentException.class, () -> SvgPath.parse(""));
    assertThrows(IllegalArgumentException.class, () -> SvgPath.parse("M0 0" + " L1 1".repeat(5000)));
  }
}
