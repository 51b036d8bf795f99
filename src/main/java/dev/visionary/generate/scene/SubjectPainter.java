package dev.visionary.generate.scene;

import dev.visionary.generate.scene.SubjectReading.Reading;
import dev.visionary.generate.scene.SubjectReading.Relation;
import dev.visionary.generate.scene.SubjectReading.Subject;
import dev.visionary.generate.scene.SubjectWords.Figure;
import dev.visionary.generate.scene.SubjectWords.Part;
import dev.visionary.generate.scene.SubjectWords.Role;
import dev.visionary.generate.scene.SubjectWords.Stand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the subjects a prompt names over the backdrop: standing on the ground line, floating on the
 * water or flying in the sky, sized by their natural sizes and the composition words, in a colour that
 * stands out from what lies behind them, with a soft contact shadow and a thin rim.
 */
final class SubjectPainter {

  /** Where one figure went and its body colour, for whoever needs to know what was drawn. */
  record Drawn(String figure, Rectangle2D box, Color fill) { }

  /** One figure to draw: centre x, the y its base stands on, its height in pixels. */
  private record Placed(Figure figure, Color tint, double x, double base, double height, boolean flip,
      boolean grounded, boolean rider) {

    Placed(Figure figure, Color tint, double x, double base, double height, boolean flip, boolean grounded) {
      this(figure, tint, x, base, height, flip, grounded, false);
    }
  }

  private static final Color GLOW = Rgb.of(0xffe2a0);
  private static final Color DARK_BODY = Rgb.of(0x19171f);
  private static final Color LIT_BODY = Rgb.of(0xe9dfcc);
  private static final Color PALE_BODY = Rgb.of(0xf4f2ee);
  /** Gap between neighbours, as a share of the left one's width: enough that three cats read as three. */
  private static final double GAP = 0.22;
  /** A poster's text box that starts above this share of the height is a title at the top. */
  private static final double TITLE_AT_TOP = 0.25;
  /** From this many of one thing on the ground they stand in a loose group rather than a line. */
  private static final int CROWD_FROM = 4;

  private final Reading reading;
  private final SplittableRandom random;
  private final List<Drawn> drawn;

  /**
   * @param random this layer's own stream, so subjects never move the backdrop
   * @param drawn receives every figure drawn, in drawing order
   */
  SubjectPainter(Reading reading, SplittableRandom random, List<Drawn> drawn) {
    this.reading = reading;
    this.random = random;
    this.drawn = drawn;
  }

  void paint(Graphics2D g, BufferedImage image, Scene s, Palette p, Layout l) {
    for (Placed f : place(s, l)) {
      draw(g, image, f, p, l);
    }
  }

  // ---- placement ----

  private List<Placed> place(Scene s, Layout l) {
    List<Subject> subjects = reading.subjects();
    List<Placed> out = new ArrayList<>();
    int shelter = -1;
    for (int i = 0; i < subjects.size(); i++) {
      if ("under".equals(subjects.get(i).figure().holds()) && subjects.get(i).target() < 0) {
        shelter = i;
        break;
      }
    }
    // The row on the ground holds every subject that stands on its own, in the prompt's order.
    List<Integer> row = new ArrayList<>();
    List<Integer> sheltered = new ArrayList<>();
    List<Integer> flying = new ArrayList<>();
    for (int i = 0; i < subjects.size(); i++) {
      Subject sub = subjects.get(i);
      Stand stand = standOf(sub, s);
      if (sub.target() >= 0 && stand != Stand.SKY) {
        continue;
      }
      if (stand == Stand.SKY || stand == Stand.FLOAT) {
        flying.add(i);
      } else if (shelter >= 0 && i != shelter && sub.relation() != Relation.ON) {
        sheltered.add(i);
      } else {
        row.add(i);
      }
    }
    if (shelter >= 0 && sheltered.isEmpty()) {
      shelter = -1;
    }
    double frame = switch (reading.framing()) {
      case CLOSE -> 0.70;
      case WIDE -> 0.15;
      default -> 0.40;
    };
    double ref = 0;
    for (int i : row) {
      ref = Math.max(ref, i == shelter ? 0 : subjects.get(i).figure().height());
    }
    for (int i : sheltered) {
      ref = Math.max(ref, subjects.get(i).figure().height() * 1.6);
    }
    if (!row.isEmpty()) {
      double base = baseline(s, l, row, subjects);
      // On the far shore of water things stand smaller: a dog as tall as the sea is deep looks like a cliff.
      double tallest = frame * l.height() * (s.hasWater() && !boatsOnly(row, subjects) ? 0.7 : 1);
      // Too tall for the space above the base line: the whole row shrinks together.
      double room = base - 0.05 * l.height();
      tallest *= Math.min(1, room / (tallest * stackFactor(row, subjects)));
      List<Placed> rel = new ArrayList<>();
      double cursor = 0;
      for (int i : row) {
        if (i == shelter) {
          cursor = shelterUnit(i, sheltered, subjects, ref, tallest, base, cursor, rel);
        } else {
          cursor = unit(i, subjects, heightOf(subjects.get(i).figure(), ref, tallest), base, cursor, rel);
        }
      }
      double width = Math.max(1, cursor - GAP * lastWidth(rel));
      double fit = Math.min(1, 0.92 * l.width() / width);
      double left = anchor(l, row.size(), width * fit) - width * fit / 2;
      for (Placed f : rel) {
        out.add(new Placed(f.figure(), f.tint(), left + f.x() * fit, base - (base - f.base()) * fit,
            f.height() * fit, f.flip(), f.grounded(), f.rider()));
      }
    }
    double skyUnit = frame * l.height() * (row.isEmpty() ? 0.8 : 0.3);
    List<Placed> air = new ArrayList<>();
    for (int i : flying) {
      Subject sub = subjects.get(i);
      Stand stand = standOf(sub, s);
      boolean inWater = stand == Stand.FLOAT && s.hasWater() && !sub.airborne();
      for (int c = 0; c < sub.count(); c++) {
        double h = skyUnit * (sub.count() > 1 ? 0.6 : 1) * (0.85 + 0.3 * random.nextDouble());
        // Wide figures (a bird with spread wings, a fish) are held to their share of the width.
        h = Math.min(h, Math.min(0.8 * l.height(), 0.5 * l.width() / sub.count() / sub.figure().aspect()));
        double x = l.width() * (sub.count() == 1 ? 0.3 + 0.4 * random.nextDouble()
            : (c + 0.5) / sub.count() + 0.08 * (random.nextDouble() - 0.5));
        double centre = inWater ? l.horizon() + l.below() * (0.35 + 0.3 * random.nextDouble())
            : stand == Stand.FLOAT ? l.height() * (0.35 + 0.15 * random.nextDouble())
            : l.horizon() * (0.25 + 0.25 * random.nextDouble());
        centre = Math.max(h / 2 + 0.03 * l.height(), Math.min(l.height() - h / 2, centre));
        // Under a poster's title (a map's, an infographic's), never across it.
        Rectangle2D words = posterWords(s, l);
        if (words != null && words.getMinY() < l.height() * TITLE_AT_TOP && centre - h / 2 < words.getMaxY()) {
          centre = Math.min(l.height() - h / 2, words.getMaxY() + 0.02 * l.height() + h / 2);
        }
        air.add(new Placed(sub.figure(), sub.tint(), x, centre + h / 2, h, random.nextBoolean(), false));
      }
    }
    // What flies is drawn first: the row on the ground stands in front of it.
    air.addAll(out);
    return air;
  }

  private static Stand standOf(Subject sub, Scene s) {
    Stand stand = sub.figure().stands();
    if (sub.airborne()) {
      return stand == Stand.SKY ? Stand.SKY : Stand.FLOAT;
    }
    return stand == Stand.WATER && !s.hasWater() ? Stand.GROUND : stand;
  }

  /** A figure's height in the row: the tallest fills its share of the frame, the rest in proportion. */
  private static double heightOf(Figure f, double ref, double tallest) {
    return tallest * Math.max(0.3, Math.min(1, f.height() / ref));
  }

  /**
   * Where the row stands: low for close-ups, near the horizon for wide views, on the far shore at sea; on a
   * poster with its words in the middle or low, above them, as they would otherwise be written across the row.
   */
  private double baseline(Scene s, Layout l, List<Integer> row, List<Subject> subjects) {
    boolean boats = boatsOnly(row, subjects);
    if (row.stream().anyMatch(i -> subjects.get(i).figure().stands() == Stand.FRAME)) {
      return l.height();
    }
    double base;
    if (s.hasWater()) {
      base = l.horizon() + l.below() * (boats ? 0.4 : 0.1);
    } else {
      base = switch (reading.framing()) {
        case CLOSE -> l.height() * 0.94;
        case WIDE -> l.horizon() + l.below() * 0.25;
        default -> Math.min(l.height() * 0.94, l.horizon() + l.below() * 0.55);
      };
    }
    // Not for a title at the top (a map's, an infographic's): that sits above the row already.
    Rectangle2D words = posterWords(s, l);
    if (words != null && words.getMinY() >= l.height() * TITLE_AT_TOP) {
      base = Math.min(base, words.getMinY() - l.height() * 0.02);
    }
    return base;
  }

  /** The box a poster's words are set in, or null for a picture that is not a poster or has no words. */
  private static Rectangle2D posterWords(Scene s, Layout l) {
    return s.setting() == Setting.POSTER ? l.textBox() : null;
  }

  private static boolean boatsOnly(List<Integer> row, List<Subject> subjects) {
    return row.stream().allMatch(i -> subjects.get(i).figure().stands() == Stand.WATER);
  }

  /** How much taller than its base figure a stack (a cat on a dog) stands. */
  private static double stackFactor(List<Integer> row, List<Subject> subjects) {
    double factor = 1;
    for (int i : row) {
      double h = 1;
      for (Subject rider : subjects) {
        if (rider.target() == i && rider.relation() == Relation.ON) {
          h = Math.max(h, 0.92 + riderShare(rider.figure(), subjects.get(i).figure()));
        }
      }
      if ("under".equals(subjects.get(i).figure().holds())) {
        h = 1.6;
      }
      factor = Math.max(factor, h);
    }
    return factor;
  }

  private static double riderShare(Figure rider, Figure under) {
    return Math.max(0.25, Math.min(0.9, rider.height() / under.height()));
  }

  /**
   * Lays out one subject's copies from {@code cursor} (row coordinates, base line shared) with whatever
   * stands on them or sits in them; returns where the next unit starts.
   */
  private double unit(int index, List<Subject> subjects, double h, double base, double cursor, List<Placed> rel) {
    Subject sub = subjects.get(index);
    boolean flip = random.nextBoolean();
    for (int c = 0; c < sub.count(); c++) {
      double hc = h * (sub.count() > 1 ? 0.9 + 0.2 * random.nextDouble() : 1);
      double wc = hc * sub.figure().aspect();
      double x = cursor + wc / 2;
      // A crowd mills about rather than lining up: each one stands a little nearer or further.
      double b = sub.count() >= CROWD_FROM && sub.target() < 0 ? base + hc * 0.3 * random.nextDouble() : base;
      int at = rel.size();
      rel.add(new Placed(sub.figure(), sub.tint(), x, b, hc, flip ^ (c % 2 == 1), true));
      if (c == 0) {
        riders(index, subjects, x, wc, hc, base, rel, at);
      }
      cursor += wc * (1 + GAP);
    }
    return cursor;
  }

  private void riders(int index, List<Subject> subjects, double x, double w, double h, double base,
      List<Placed> rel, int containerAt) {
    Figure under = subjects.get(index).figure();
    for (int j = 0; j < subjects.size(); j++) {
      Subject rider = subjects.get(j);
      if (rider.target() != index || rider.relation() == Relation.BESIDE) {
        continue;
      }
      if (rider.relation() == Relation.HELD) {
        // Held low at the bearer's side and in front of it, at its natural size beside the bearer.
        double hh = h * Math.max(0.25, Math.min(0.6, rider.figure().height() / under.height()));
        rel.add(new Placed(rider.figure(), rider.tint(), x + 0.22 * w, base - 0.06 * h, hh, false, false, true));
        continue;
      }
      boolean inside = rider.relation() == Relation.IN;
      double rh = h * (inside ? Math.max(0.3, Math.min(0.75, rider.figure().height() / under.height()))
          : riderShare(rider.figure(), under));
      double each = rh * rider.figure().aspect();
      // Inside a container they huddle, overlapping a little; on top they stand apart.
      double step = each * (inside ? 0.72 : 1 + GAP);
      double span = each + (rider.count() - 1) * step;
      double shrink = inside ? Math.min(1, 0.95 * w / span) : 1;
      rh *= shrink;
      each *= shrink;
      step *= shrink;
      span *= shrink;
      // On top: on its seat or back (its rim, or near its top edge); inside: sunk below the container's rim.
      double rim = Double.isNaN(under.rim()) ? (inside ? 0.5 : 0.92) : under.rim();
      double riderBase = inside ? base - h * rim + rh * 0.45 : base - h * rim;
      double start = x - span / 2;
      boolean flip = random.nextBoolean();
      for (int c = 0; c < rider.count(); c++) {
        // Huddled figures all face one way, so their heads (rarely in the middle of the box) stay evenly spaced.
        Placed p = new Placed(rider.figure(), rider.tint(), start + each / 2 + c * step, riderBase, rh,
            flip ^ (!inside && c % 2 == 1), false, !inside);
        if (inside) {
          rel.add(containerAt + c, p);
        } else {
          rel.add(p);
          if (c == 0) {
            // A cat on a dog on a sofa: what stands on this rider goes on top of it in turn.
            riders(j, subjects, p.x(), each, rh, riderBase, rel, rel.size() - 1);
          }
        }
      }
    }
  }

  /** An umbrella (or anything held over others) over the subjects that shelter under it. */
  private double shelterUnit(int index, List<Integer> sheltered, List<Subject> subjects, double ref, double tallest,
      double base, double cursor, List<Placed> rel) {
    int at = rel.size();
    double start = cursor;
    double maxH = 0;
    for (int i : sheltered) {
      double h = heightOf(subjects.get(i).figure(), ref, tallest);
      maxH = Math.max(maxH, h);
      cursor = unit(i, subjects, h, base, cursor, rel);
    }
    double childrenWidth = cursor - start - GAP * lastWidth(rel);
    Figure cover = subjects.get(index).figure();
    double h = Math.max(maxH * 1.6, childrenWidth * 1.1 / cover.aspect());
    h = Math.min(h, tallest * 1.6);
    double w = h * cover.aspect();
    double offset = Math.max(0, (w - childrenWidth) / 2);
    for (int k = at; k < rel.size(); k++) {
      Placed p = rel.get(k);
      rel.set(k, new Placed(p.figure(), p.tint(), p.x() + offset, p.base(), p.height(), p.flip(), p.grounded(),
          p.rider()));
    }
    rel.add(at, new Placed(cover, subjects.get(index).tint(), start + Math.max(w, childrenWidth) / 2, base, h,
        false, true));
    return start + Math.max(w, childrenWidth) * (1 + GAP);
  }

  private static double lastWidth(List<Placed> rel) {
    if (rel.isEmpty()) {
      return 0;
    }
    Placed last = rel.get(rel.size() - 1);
    return last.height() * last.figure().aspect();
  }

  /** The row's centre: centred, on a third, or (unasked) somewhere near the middle. */
  private double anchor(Layout l, int units, double width) {
    double x = switch (reading.placement()) {
      case CENTRED -> l.width() / 2.0;
      case THIRDS -> l.width() * (random.nextBoolean() ? 1 / 3.0 : 2 / 3.0);
      default -> units == 1 ? l.width() * (0.36 + 0.28 * random.nextDouble()) : l.width() / 2.0;
    };
    double margin = 0.04 * l.width();
    return Math.max(margin + width / 2, Math.min(l.width() - margin - width / 2, x));
  }

  // ---- drawing ----

  private void draw(Graphics2D g, BufferedImage image, Placed f, Palette p, Layout l) {
    Figure fig = f.figure();
    Rectangle2D b = fig.bounds();
    double scale = f.height() / b.getHeight();
    double tx = f.flip() ? f.x() + b.getCenterX() * scale : f.x() - b.getCenterX() * scale;
    AffineTransform at = new AffineTransform(f.flip() ? -scale : scale, 0, 0, scale, tx, f.base() - b.getMaxY() * scale);
    Shape body = at.createTransformedShape(fig.outline());
    Rectangle2D box = body.getBounds2D();
    // What sits on something is seen against it: judged by the strip just under its base, on what carries it.
    double behind = backdropLuma(image, f.rider()
        ? new Rectangle2D.Double(box.getX(), box.getMaxY(), box.getWidth(), 0.25 * box.getHeight())
        : box);
    Color fill = fill(fig, f.tint(), behind, p);
    boolean darkFill = Rgb.luma(fill) < behind;

    if (f.grounded() && fig.stands() != Stand.FRAME) {
      // A contact shadow in three soft rings, darkest under the feet.
      double w = box.getWidth() * 1.05;
      double h = Math.max(3 * l.unit(), box.getHeight() * 0.05);
      for (int k = 0; k < 3; k++) {
        double s = 1 - 0.22 * k;
        g.setColor(new Color(0, 0, 0, 36));
        g.fill(new Ellipse2D.Double(box.getCenterX() - w * s / 2, f.base() - h * s / 2, w * s, h * s));
      }
    }
    // A rim of the opposite brightness, drawn under the body so only its outer half shows.
    Color rim = darkFill ? Rgb.alpha(Rgb.mix(p.light(), Color.WHITE, 0.5), 0.35) : Rgb.alpha(Color.BLACK, 0.45);
    g.setColor(rim);
    g.setStroke(new BasicStroke((float) Math.max(1.5, 3 * l.unit()), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(body);
    g.setColor(fill);
    g.fill(body);

    boolean dark = p.level() < 0.45;
    for (Part part : fig.parts()) {
      Shape shape = at.createTransformedShape(part.shape());
      if (part.role() == Role.LIGHT && dark) {
        glow(g, shape.getBounds2D(), l);
      }
      g.setColor(partColor(part, fill, p, dark));
      g.fill(shape);
    }
    drawn.add(new Drawn(fig.name(), box, fill));
  }

  private static void glow(Graphics2D g, Rectangle2D r, Layout l) {
    double radius = Math.max(8 * l.unit(), 2.2 * Math.max(r.getWidth(), r.getHeight()));
    Point2D c = new Point2D.Double(r.getCenterX(), r.getCenterY());
    g.setPaint(new RadialGradientPaint(c, (float) radius, new float[] {0f, 0.35f, 1f},
        new Color[] {Rgb.alpha(GLOW, 0.7), Rgb.alpha(GLOW, 0.25), Rgb.alpha(GLOW, 0)}));
    g.fill(new Ellipse2D.Double(c.getX() - radius, c.getY() - radius, 2 * radius, 2 * radius));
  }

  /**
   * The body colour: its own colour where it has one (a fox, a red car, snow), otherwise dark against a
   * bright backdrop and lit against a dark one; pushed further when it would melt into what is behind.
   */
  private static Color fill(Figure f, Color tint, double behind, Palette p) {
    Color c;
    if (tint != null) {
      // Dusk light greys every surface, but a named colour is what the picture is about: part of it stays.
      c = Rgb.mix(p.land(tint, 0), tint, 0.35);
    } else if (f.pale()) {
      c = p.bright(PALE_BODY, 0);
    } else if (f.tint() != null) {
      c = p.land(f.tint(), 0);
    } else {
      c = behind > 100 ? Rgb.mix(DARK_BODY, p.skyTop(), 0.12) : Rgb.scale(Rgb.mix(LIT_BODY, p.light(), 0.3), 0.85);
    }
    // A colour the prompt names keeps its hue: washing a red car toward white turns it pink. The rim
    // already sets it apart from what is behind.
    if (tint == null && Math.abs(Rgb.luma(c) - behind) < 55) {
      c = behind > 120 ? Rgb.scale(c, 0.45) : Rgb.mix(c, Color.WHITE, 0.55);
    }
    return c;
  }

  private static Color partColor(Part part, Color fill, Palette p, boolean dark) {
    boolean lightFill = Rgb.luma(fill) > 110;
    return switch (part.role()) {
      case WINDOW -> dark ? p.windowColors().get(0) : Rgb.mix(fill, p.skyMid(), 0.6);
      case LIGHT -> dark ? GLOW : Rgb.mix(fill, Color.WHITE, 0.6);
      case PALE -> lightFill ? Rgb.mix(fill, Color.WHITE, 0.6) : Rgb.mix(p.bright(PALE_BODY, 0), fill, 0.15);
      case DARK -> lightFill ? Rgb.scale(fill, 0.4) : Rgb.mix(fill, Color.WHITE, 0.22);
      case ACCENT -> Rgb.mix(p.land(part.color(), 0), part.color(), dark ? 0.2 : 0.5);
    };
  }

  /** Mean brightness behind a box, from a 5×5 grid of samples: enough to tell a bright sky from a dark one. */
  private static double backdropLuma(BufferedImage image, Rectangle2D box) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        int x = (int) (box.getX() + box.getWidth() * (i + 0.5) / 5);
        int y = (int) (box.getY() + box.getHeight() * (j + 0.5) / 5);
        if (x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight()) {
          int rgb = image.getRGB(x, y);
          sum += Rgb.luma(new Color(rgb));
          n++;
        }
      }
    }
    return n == 0 ? 128 : sum / n;
  }
}
