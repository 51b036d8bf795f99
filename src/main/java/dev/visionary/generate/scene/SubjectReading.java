package dev.visionary.generate.scene;

import dev.visionary.generate.scene.SubjectWords.Figure;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a prompt asks to be drawn: which figures, how many, which stands on which, and how the picture
 * frames them. "three kittens" is three cats, "a cat sitting on top of a sleeping dog" a lying dog with a
 * cat on it, "without umbrellas or people" none of either.
 */
final class SubjectReading {

  /** How one subject relates to the subject it names as {@code target}; HELD is carried at its side. */
  enum Relation { BESIDE, ON, IN, UNDER, HELD }

  enum Framing { NORMAL, CLOSE, WIDE }

  enum Placement { FREE, CENTRED, THIRDS }

  /**
   * @param tint a colour the prompt gives it ("a red car"), or null
   * @param airborne the prompt has it floating or flying, wherever it usually stands
   * @param target index of the subject it stands on, sits in or shelters under; -1 for none
   */
  record Subject(Figure figure, int count, Color tint, boolean airborne, Relation relation, int target) { }

  record Reading(List<Subject> subjects, Framing framing, Placement placement) { }

  /** More than this many of one thing stops reading as a count and starts reading as a crowd. */
  static final int MAX_COUNT = 6;
  /** A picture this small holds a handful of figures; a crowd beyond that is drawn as its first few. */
  static final int MAX_FIGURES = 10;
  /** How many people a busy scene shows: enough to read as a crowd, few enough to stay apart. */
  static final int CROWD = 5;

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’-][\\p{L}\\p{N}]+)*|[,.;:!?()]");
  private static final Set<String> NEGATORS = Set.of("no", "without", "not", "none", "nor", "never", "sans",
      "minus", "excluding", "except");
  /** Words that keep a negation going from one named thing to the next: "no umbrellas or people". */
  private static final Set<String> CONNECTORS = Set.of("or", "and", "nor", "any", "a", "an", "the", ",", "other",
      "more", "even");
  private static final Set<String> ARTICLES = Set.of("a", "an", "the");
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("single", 1), Map.entry("lone", 1),
      Map.entry("two", 2), Map.entry("pair", 2), Map.entry("couple", 2), Map.entry("both", 2),
      Map.entry("twin", 2), Map.entry("twins", 2), Map.entry("three", 3), Map.entry("few", 3),
      Map.entry("some", 3), Map.entry("several", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("many", 5), Map.entry("lots", 5), Map.entry("dozens", 6),
      Map.entry("teeming", 5), Map.entry("full", 5), Map.entry("school", 5), Map.entry("flock", 5),
      Map.entry("herd", 4), Map.entry("group", 4), Map.entry("family", 3), Map.entry("busy", 5));
  private static final Set<String> ON = Set.of("on", "atop", "upon", "onto", "riding", "rides", "astride",
      "over", "above", "top");
  private static final Set<String> IN = Set.of("in", "inside", "into", "within");
  private static final Set<String> UNDER = Set.of("under", "beneath", "underneath", "below");
  private static final Set<String> AIRBORNE = Set.of("floating", "flying", "flies", "soaring", "hovering",
      "drifting", "levitating", "swimming");
  private static final int LOOK_BACK = 3;
  private static final int LOOK_AHEAD = 3;

  /** A named thing found in the words: a figure, or a kind such as "people" or "animals". */
  private record Hit(int start, int end, String figure, String kind, boolean plural, boolean singular, Color tint,
      String with) { }

  private SubjectReading() {
  }

  /** @param negative things to leave out, or null */
  static Reading read(SubjectWords words, String prompt, String negative) {
    List<String> tokens = tokens(prompt);
    List<Hit> hits = hits(words, prompt, tokens);
    Set<String> bannedFigures = new HashSet<>();
    Set<String> bannedKinds = new HashSet<>();
    if (negative != null) {
      for (Hit h : hits(words, negative, tokens(negative))) {
        ban(h, bannedFigures, bannedKinds);
      }
    }
    boolean[] negated = negations(tokens, hits);
    boolean portrait = contains(tokens, words.framing("portrait"));
    boolean crowd = contains(tokens, words.framing("crowd"));
    for (int i = 0; i < hits.size(); i++) {
      if (negated[i]) {
        ban(hits.get(i), bannedFigures, bannedKinds);
      }
    }

    List<Hit> kept = new ArrayList<>();
    List<Subject> subjects = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int figures = 0;
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (negated[i] || h.figure() == null) {
        continue;
      }
      Figure base = words.figure(h.figure());
      if (bannedFigures.contains(base.name()) || bannedKinds.contains(base.kind())) {
        continue;
      }
      // "a golden retriever puppy" names one dog twice; a later "the cat" is the same cat again.
      if (!seen.add(base.name())) {
        continue;
      }
      int asked = count(tokens, h, hits);
      if (crowd && "person".equals(base.kind())) {
        // A busy market has a crowd, not the two or three people it happens to name.
        asked = Math.max(asked, CROWD);
      }
      int count = Math.min(asked, Math.max(0, MAX_FIGURES - figures));
      if (count == 0) {
        break;
      }
      figures += count;
      // A portrait of a person is a head-and-shoulders bust, wherever "portrait" sits in the prompt.
      Figure figure = portrait && base.poses().containsKey("portrait") ? words.figure(base.poses().get("portrait"))
          : base;
      boolean airborne = false;
      for (String w : around(tokens, h, hits)) {
        String pose = base.poses().get(w);
        if (pose != null && figure == base) {
          figure = words.figure(pose);
        }
        airborne |= AIRBORNE.contains(w);
      }
      Color tint = h.tint();
      for (String w : before(tokens, h, hits)) {
        Color c = words.colorWord(w);
        tint = c != null ? c : tint;
      }
      kept.add(h);
      subjects.add(new Subject(figure, count, tint, airborne, Relation.BESIDE, -1));
      Figure with = h.with() == null ? null : words.figure(h.with());
      if (with != null && figures < MAX_FIGURES && !bannedFigures.contains(with.name()) && seen.add(with.name())) {
        // A violinist holds a violin; the violin repeats its bearer's hit, so the words relate nothing else to it.
        figures++;
        kept.add(h);
        subjects.add(new Subject(with, 1, null, false, Relation.HELD, subjects.size() - 1));
      }
    }
    relate(words, tokens, kept, subjects);
    return new Reading(List.copyOf(subjects), framing(words, tokens), placement(words, tokens));
  }

  private static void ban(Hit h, Set<String> figures, Set<String> kinds) {
    if (h.figure() != null) {
      figures.add(h.figure());
    }
    if (h.kind() != null) {
      kinds.add(h.kind());
    }
  }

  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group().replace('’', '\''));
    }
    return out;
  }

  private static boolean isPunctuation(String t) {
    return t.length() == 1 && ",.;:!?()".indexOf(t.charAt(0)) >= 0;
  }

  private static List<Hit> hits(SubjectWords words, String text, List<String> tokens) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    scan:
    while (i < tokens.size()) {
      for (List<String> skip : words.ignored()) {
        if (matchesAt(tokens, i, skip)) {
          i += skip.size();
          continue scan;
        }
      }
      Hit hit = null;
      for (SubjectWords.Phrase p : words.phrases()) {
        if (matchesAt(tokens, i, p.words())) {
          // "people" names the person figure and also every person, astronauts included, when negated.
          String kind = p.words().size() == 1 ? words.kind(p.words().get(0)) : null;
          hit = new Hit(i, i + p.words().size(), p.figure(), kind, p.plural(), p.singular(), p.tint(), p.with());
          break;
        }
      }
      if (hit == null && words.kind(tokens.get(i)) != null) {
        hit = new Hit(i, i + 1, null, words.kind(tokens.get(i)), true, false, null, null);
      }
      if (hit != null) {
        hits.add(hit);
        i = hit.end();
      } else {
        i++;
      }
    }
    // Glyph words have no spaces around them, so they count where they appear but cannot be negated.
    for (Map.Entry<String, String> g : words.glyphs().entrySet()) {
      if (text.contains(g.getKey())) {
        hits.add(new Hit(tokens.size(), tokens.size(), g.getValue(), null, false, true, null, null));
      }
    }
    return hits;
  }

  private static boolean matchesAt(List<String> tokens, int at, List<String> phrase) {
    if (at + phrase.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < phrase.size(); k++) {
      if (!tokens.get(at + k).equals(phrase.get(k))) {
        return false;
      }
    }
    return true;
  }

  /** A hit is negated by a "no"/"without" just before it, or by following a negated hit in a list. */
  private static boolean[] negations(List<String> tokens, List<Hit> hits) {
    boolean[] negated = new boolean[hits.size()];
    int previousEnd = 0;
    for (int i = 0; i < hits.size(); i++) {
      Hit h = hits.get(i);
      if (h.start() >= tokens.size()) {
        continue;
      }
      for (int k = h.start() - 1; k >= Math.max(previousEnd, h.start() - LOOK_BACK); k--) {
        String t = tokens.get(k);
        if (NEGATORS.contains(t)) {
          negated[i] = true;
          break;
        }
        if (isPunctuation(t)) {
          break;
        }
      }
      if (!negated[i] && i > 0 && negated[i - 1]) {
        boolean onlyConnectors = true;
        for (int k = hits.get(i - 1).end(); k < h.start(); k++) {
          onlyConnectors &= CONNECTORS.contains(tokens.get(k));
          // "no people, a cat": a comma and an article start a new thing rather than continue the list.
          onlyConnectors &= !(tokens.get(k).equals(",") && k + 1 < h.start() && ARTICLES.contains(tokens.get(k + 1)));
        }
        negated[i] = onlyConnectors;
      }
      previousEnd = h.end();
    }
    return negated;
  }

  /** The words just before a hit, back to the previous hit or punctuation, nearest last. */
  private static List<String> before(List<String> tokens, Hit h, List<Hit> hits) {
    if (h.start() >= tokens.size()) {
      return List.of();
    }
    int from = h.start();
    int limit = Math.max(0, h.start() - LOOK_BACK);
    for (Hit other : hits) {
      if (other.end() <= h.start()) {
        limit = Math.max(limit, other.end());
      }
    }
    while (from > limit && !isPunctuation(tokens.get(from - 1))) {
      from--;
    }
    return tokens.subList(from, h.start());
  }

  /** The words on both sides of a hit that may describe it: "a sleeping dog", "a samurai walking". */
  private static List<String> around(List<String> tokens, Hit h, List<Hit> hits) {
    List<String> out = new ArrayList<>(before(tokens, h, hits));
    for (int k = h.end(); k < Math.min(tokens.size(), h.end() + LOOK_AHEAD); k++) {
      String t = tokens.get(k);
      if (isPunctuation(t) || startsHit(hits, k)) {
        break;
      }
      out.add(t);
    }
    return out;
  }

  private static boolean startsHit(List<Hit> hits, int k) {
    for (Hit other : hits) {
      if (other.start() == k) {
        return true;
      }
    }
    return false;
  }

  private static int count(List<String> tokens, Hit h, List<Hit> hits) {
    Integer n = null;
    for (String w : before(tokens, h, hits)) {
      Integer v = NUMBERS.get(w);
      if (v == null && w.chars().allMatch(Character::isDigit) && w.length() <= 2) {
        v = Integer.parseInt(w);
      }
      n = v != null ? v : n;
    }
    if (n == null || (n == 1 && h.plural() && !h.singular())) {
      // A bare plural is a few; "a flock" or "a school of fish" has already said how many.
      n = h.plural() && !h.singular() ? 3 : 1;
    }
    return Math.max(1, Math.min(MAX_COUNT, n));
  }

  /** Links each subject to the next one it stands on, sits in or shelters under. */
  private static void relate(SubjectWords words, List<String> tokens, List<Hit> kept, List<Subject> subjects) {
    for (int i = 0; i + 1 < kept.size(); i++) {
      Hit a = kept.get(i);
      Hit b = kept.get(i + 1);
      if (subjects.get(i).relation() == Relation.HELD || b.start() >= tokens.size() || b.start() - a.end() > 6) {
        continue;
      }
      Relation r = Relation.BESIDE;
      for (int k = a.end(); k < b.start(); k++) {
        String t = tokens.get(k);
        if (isPunctuation(t)) {
          r = Relation.BESIDE;
          break;
        }
        boolean inFront = IN.contains(t) && k + 1 < tokens.size() && tokens.get(k + 1).equals("front");
        if (ON.contains(t)) {
          r = Relation.ON;
        } else if (IN.contains(t) && !inFront) {
          r = Relation.IN;
        } else if (UNDER.contains(t)) {
          r = Relation.UNDER;
        }
      }
      Subject s = subjects.get(i);
      Subject target = subjects.get(i + 1);
      if (r == Relation.IN && !"in".equals(target.figure().holds())) {
        // A cat in a house is not drawn inside the house's outline; in a basket it is.
        r = "top".equals(target.figure().holds()) ? Relation.ON : Relation.BESIDE;
      }
      if (r == Relation.UNDER && !"under".equals(target.figure().holds())) {
        r = Relation.BESIDE;
      }
      if (r != Relation.BESIDE) {
        // In a basket only heads show, so kittens "sleeping" there are drawn sitting up, peeking over the rim.
        Figure figure = r == Relation.IN ? words.figure(a.figure()) : s.figure();
        subjects.set(i, new Subject(figure, s.count(), s.tint(), s.airborne(), r, i + 1));
      }
    }
  }

  private static Framing framing(SubjectWords words, List<String> tokens) {
    if (contains(tokens, words.framing("close"))) {
      return Framing.CLOSE;
    }
    // A crowd is seen from further off: small figures in the square, not giants over the town.
    return contains(tokens, words.framing("wide")) || contains(tokens, words.framing("crowd")) ? Framing.WIDE
        : Framing.NORMAL;
  }

  private static Placement placement(SubjectWords words, List<String> tokens) {
    if (contains(tokens, words.framing("thirds"))) {
      return Placement.THIRDS;
    }
    return contains(tokens, words.framing("centred")) ? Placement.CENTRED : Placement.FREE;
  }

  private static boolean contains(List<String> tokens, List<List<String>> phrases) {
    for (List<String> p : phrases) {
      for (int i = 0; i < tokens.size(); i++) {
        if (matchesAt(tokens, i, p)) {
          return true;
        }
      }
    }
    return false;
  }
}
