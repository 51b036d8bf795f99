package dev.visionary.generate.scene;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.SplittableRandom;

/** Single trees, drawn standing on (x, baseY) with the given height. */
final class TreeShapes {

  private static final Color TRUNK = Rgb.of(0x4a3526);

  private TreeShapes() {
  }

  /** A conifer: tiers of drooping branches narrowing to a point, lit on one side. */
  static void pine(Graphics2D g, SplittableRandom r, double x, double baseY, double height, Color foliage,
      Color lit, boolean litFromLeft) {
    double trunkH = height * 0.08;
    double halfWidth = height * (0.17 + 0.06 * r.nextDouble());
    g.setColor(Rgb.mix(TRUNK, foliage, 0.6));
    g.fill(new Rectangle2D.Double(x - height * 0.02, baseY - trunkH * 1.5, height * 0.04, trunkH * 1.5));
    int tiers = 6 + r.nextInt(4);
    double crownBottom = baseY - trunkH;
    double crownHeight = height - trunkH;
    Path2D left = new Path2D.Double();
    Path2D right = new Path2D.Double();
    left.moveTo(x, baseY - height);
    right.moveTo(x, baseY - height);
    // Each tier flares out and droops, then tucks back in toward the trunk before the next one.
    for (int i = 1; i <= tiers; i++) {
      double u = (double) i / tiers;
      double tipY = baseY - height + crownHeight * u;
      double reach = halfWidth * (0.25 + 0.75 * u) * (0.85 + 0.3 * r.nextDouble());
      double tuck = reach * 0.45;
      double tuckY = tipY - crownHeight / tiers * 0.55;
      if (i < tiers) {
        left.lineTo(x - tuck, tuckY);
        right.lineTo(x + tuck, tuckY);
      }
      left.lineTo(x - reach, tipY + crownHeight * 0.02);
      right.lineTo(x + reach * (0.85 + 0.3 * r.nextDouble()), tipY + crownHeight * 0.02);
      if (i < tiers) {
        left.lineTo(x - reach * 0.35, tipY - crownHeight / tiers * 0.1);
        right.lineTo(x + reach * 0.35, tipY - crownHeight / tiers * 0.1);
      }
    }
    left.lineTo(x, crownBottom);
    right.lineTo(x, crownBottom);
    left.closePath();
    right.closePath();
    g.setColor(litFromLeft ? lit : foliage);
    g.fill(left);
    g.setColor(litFromLeft ? foliage : lit);
    g.fill(right);
  }

  /** A broadleaf tree: a short trunk under a rounded crown of clustered leaf masses. */
  static void broadleaf(Graphics2D g, SplittableRandom r, double x, double baseY, double height, Color foliage,
      Color lit, boolean litFromLeft) {
    double trunkW = height * 0.065;
    double crownR = height * (0.3 + 0.06 * r.nextDouble());
    double cy = baseY - height + crownR;
    Path2D trunk = new Path2D.Double();
    trunk.moveTo(x - trunkW * 0.8, baseY);
    trunk.lineTo(x - trunkW * 0.4, cy);
    trunk.lineTo(x + trunkW * 0.4, cy);
    trunk.lineTo(x + trunkW * 0.8, baseY);
    trunk.closePath();
    g.setColor(Rgb.mix(TRUNK, foliage, 0.45));
    g.fill(trunk);
    int blobs = 6 + r.nextInt(4);
    double side = litFromLeft ? -1 : 1;
    double[] bx = new double[blobs];
    double[] by = new double[blobs];
    double[] br = new double[blobs];
    for (int i = 0; i < blobs; i++) {
      double a = r.nextDouble() * Math.PI * 2;
      double d = crownR * 0.55 * Math.sqrt(r.nextDouble());
      br[i] = crownR * (0.45 + 0.25 * r.nextDouble());
      bx[i] = x + StrictMath.cos(a) * d * 1.1;
      by[i] = cy + StrictMath.sin(a) * d * 0.8;
    }
    g.setColor(foliage);
    for (int i = 0; i < blobs; i++) {
      g.fill(new Ellipse2D.Double(bx[i] - br[i], by[i] - br[i], 2 * br[i], 2 * br[i]));
    }
    // The lit pass is smaller and shifted toward the light and up, leaving a shaded rim below.
    g.setColor(lit);
    for (int i = 0; i < blobs; i++) {
      double rr = br[i] * 0.72;
      double lx = bx[i] + side * br[i] * 0.22;
      double ly = by[i] - br[i] * 0.25;
      g.fill(new Ellipse2D.Double(lx - rr, ly - rr, 2 * rr, 2 * rr));
    }
  }

  /** A palm: a slender curving trunk with ringed bark and a crown of arching, feathered fronds. */
  static void palm(Graphics2D g, SplittableRandom r, double x, double baseY, double height, Color trunk,
      Color frond) {
    double lean = height * (0.12 + 0.22 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
    double topX = x + lean;
    double topY = baseY - height;
    double ctrlX = x + lean * 0.15;
    double ctrlY = baseY - height * 0.55;
    double baseW = height * 0.028;
    double topW = height * 0.016;
    Path2D stem = new Path2D.Double();
    stem.moveTo(x - baseW, baseY);
    stem.quadTo(ctrlX - (baseW + topW) / 2, ctrlY, topX - topW, topY);
    stem.lineTo(topX + topW, topY);
    stem.quadTo(ctrlX + (baseW + topW) / 2, ctrlY, x + baseW, baseY);
    stem.closePath();
    g.setColor(trunk);
    g.fill(stem);
    g.setColor(Rgb.alpha(Rgb.scale(trunk, 0.6), 0.6));
    g.setStroke(new BasicStroke((float) Math.max(0.6, height * 0.004)));
    for (double t = 0.04; t < 0.97; t += 0.045) {
      double u = 1 - t;
      double px = u * u * x + 2 * u * t * ctrlX + t * t * topX;
      double py = u * u * baseY + 2 * u * t * ctrlY + t * t * topY;
      double half = baseW + (topW - baseW) * t;
      g.draw(new Line2D.Double(px - half, py, px + half, py - half * 0.3));
    }
    int fronds = 8 + r.nextInt(4);
    for (int i = 0; i < fronds; i++) {
      // Spread the fronds around the crown: most reach sideways, a few stand up or hang down.
      double angle = -Math.PI * (i + 0.5 + 0.4 * (r.nextDouble() - 0.5)) / fronds;
      double length = height * (0.36 + 0.16 * r.nextDouble());
      frond(g, topX, topY, angle, length, frond, r);
    }
    g.setColor(Rgb.scale(trunk, 0.7));
    for (int i = 0; i < 3; i++) {
      double cr = topW * 1.1;
      g.fill(new Ellipse2D.Double(topX - cr * 2 + i * cr * 1.3, topY + cr * 0.2, 2 * cr, 2 * cr));
    }
  }

  /** One frond: an arching rib with leaflets combed back toward its drooping tip. */
  private static void frond(Graphics2D g, double x, double y, double angle, double length, Color color,
      SplittableRandom r) {
    double dx = StrictMath.cos(angle);
    double dy = StrictMath.sin(angle);
    double droop = length * (0.45 + 0.35 * r.nextDouble());
    double tipX = x + dx * length;
    double tipY = y + dy * length * 0.35 + droop * (0.5 + 0.5 * Math.abs(dx));
    double ctrlX = x + dx * length * 0.6;
    double ctrlY = y + dy * length * 0.7 - length * 0.12;
    int steps = 16;
    double[] px = new double[steps + 1];
    double[] py = new double[steps + 1];
    Path2D rib = new Path2D.Double();
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      double u = 1 - t;
      px[i] = u * u * x + 2 * u * t * ctrlX + t * t * tipX;
      py[i] = u * u * y + 2 * u * t * ctrlY + t * t * tipY;
      if (i == 0) {
        rib.moveTo(px[i], py[i]);
      } else {
        rib.lineTo(px[i], py[i]);
      }
    }
    float ribWidth = (float) (length * 0.02);
    g.setColor(color);
    g.setStroke(new BasicStroke(ribWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(rib);
    g.setStroke(new BasicStroke(ribWidth * 0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (int i = 1; i < steps; i++) {
      double t = (double) i / steps;
      double tx = px[i + 1] - px[i - 1];
      double ty = py[i + 1] - py[i - 1];
      double len = StrictMath.hypot(tx, ty);
      tx /= len;
      ty /= len;
      double leaf = length * 0.2 * StrictMath.sin(Math.PI * Math.min(1, 0.15 + t)) * (0.8 + 0.4 * r.nextDouble());
      for (int side = -1; side <= 1; side += 2) {
        // Leaflets sweep toward the tip and hang down under their own weight.
        double lx = tx * 0.55 + side * -ty * 0.8;
        double ly = ty * 0.55 + side * tx * 0.8 + 0.45;
        double norm = StrictMath.hypot(lx, ly);
        g.draw(new Line2D.Double(px[i], py[i], px[i] + lx / norm * leaf, py[i] + ly / norm * leaf));
      }
    }
  }
}
