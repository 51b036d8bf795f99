package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.KnownPhrase.Role;
import dev.visionary.expand.builtin.Refinement.Change;
import dev.visionary.expand.builtin.Vocabulary.Style;
import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import dev.visionary.expand.builtin.Vocabulary.Weather;
import dev.visionary.prompt.MidjourneyParameters;
import dev.visionary.prompt.Target;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refine on a card: the card's own prompt edited in place, in its own dialect, doing exactly what each change
 * says and nothing else. The person's words (the first phrase, and wherever the idea appears) stay as written
 * unless a change names them; Midjourney parameters stay unless a change is about them; Stable Diffusion's
 * negative prompt keeps out what was removed and never what was asked for.
 */
final class CardEdit {
  private enum Form { NATURAL, MIDJOURNEY, TAGS }

  /** How a Studio card carries its negative prompt when it is refined: A1111's own "Negative prompt:" line. */
  static final Pattern NEGATIVE_LINE = Pattern.compile("\\n\\s*Negative prompt:\\s*(.*)\\z", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern PARAMETERS = Pattern.compile("(?:^|\\s)--[a-zA-Z]");
  // A value runs to the next " --name" or the line's end; the one-character look-ahead keeps this linear (a
  // lazy value tested against "\\s*$" at every character was quadratic in a long run of spaces).
  private static final Pattern PARAMETER = Pattern.compile("--([a-zA-Z]+)\\s*([^-\\s](?:(?!\\s--[a-zA-Z])[^\\n])*)?");
  private static final Pattern WEIGHTED = Pattern.compile("(?<!\\\\)\\(([^()]*?):\\s*[-+]?\\d*\\.?\\d+\\s*\\)");
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?…])\\s+");
  private static final char MASK = '\u0001';
  // The words NaturalDialect weaves vocabulary phrases into ("lit by …", "… completes the picture").
  static final Pattern WOVEN = Pattern.compile("^(?:with|and|while|notice|under|in|shot with|shot on|taken with|there (?:is|are) also|there (?:is|are)"
      + "|capture|convey|featuring|you also see|look closer for|lit by|bathed in|the light is|rendered in|colors lean toward|everything in|aim for"
      + "|the scene holds)\\s+|(?<!\\s)\\s+(?:throughout|falls? across the scene"
      + "|" + NaturalDialect.TAILS + ")$");
  // Joins of two phrases in one clause: "warm tones under soft light", "soft light brings out warm tones".
  private static final Pattern JOINS = Pattern.compile("\\s+and\\s+(?=(?:a|an|the)\\s)|;\\s*|\\s+(?:under|brings out)\\s+");
  // "clouds are drifting across the summits" was the detail "clouds drifting across the summits".
  static final Pattern HELPER = Pattern.compile("\\s(?:is|are)\\s");

  // Words that open a prose clause without being part of what it names: kept when the clause changes.
  private static final Pattern LEAD = Pattern.compile("(?i)(?:without|with|notice|there (?:is|are) also|there (?:is|are)|featuring|and|under)\\s+");
  private static final Pattern TAIL = Pattern.compile("(?<!\\s)\\s+(?:throughout|" + NaturalDialect.TAILS + ")$");
  private static final Pattern JOINING_LEAD = Pattern.compile("^(?i)(?:and|with|under|and also)\\s+");
  private static final Pattern WITH = Pattern.compile("(?i)(?:^|\\s)with\\s+");

  private final Vocabulary vocabulary;
  private final RefineWords words = RefineWords.standard();
  private final Form form;
  private final Target target;
  private final String idea;
  /** Natural text: sentences of clauses. Midjourney and tags: one list of phrases. */
  private final List<List<String>> sentences = new ArrayList<>();
  private final List<String> no = new ArrayList<>();
  private final List<String> negatives = new ArrayList<>();
  private int aspectWidth;
  private int aspectHeight;
  private int stylize;
  private int chaos;
  private String version;

  private CardEdit(ExpansionRequest request, Vocabulary vocabulary, Supplier<ExpansionResult> fresh) {
    this.vocabulary = vocabulary;
    this.target = request.target();
    this.idea = request.idea().toLowerCase(Locale.ROOT);
    form = switch (target) {
      case MIDJOURNEY -> Form.MIDJOURNEY;
      case STABLE_DIFFUSION -> Form.TAGS;
      default -> Form.NATURAL;
    };
    String text = request.basePrompt();
    Matcher negative = NEGATIVE_LINE.matcher(text);
    String negativeText = null;
    if (negative.find()) {
      negativeText = negative.group(1).strip();
      text = text.substring(0, negative.start());
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    Matcher start = PARAMETERS.matcher(text);
    if (start.find()) {
      Matcher p = PARAMETER.matcher(text.substring(start.start()));
      while (p.find()) {
        parameters.put(p.group(1).toLowerCase(Locale.ROOT), p.group(2) == null ? "" : p.group(2).strip());
      }
      text = text.substring(0, start.start());
    }
    if (form == Form.MIDJOURNEY) {
      MidjourneyParameters defaults = null;
      String ar = first(parameters, "ar", "aspect");
      Integer s = number(first(parameters, "stylize", "s"), 1000);
      Integer c = number(first(parameters, "chaos", "c"), 100);
      if (ar == null || !ar.matches("\\d{1,3}:\\d{1,3}") || s == null || c == null) {
        defaults = fresh.get().midjourney();
      }
      String[] sides = (ar != null && ar.matches("\\d{1,3}:\\d{1,3}") ? ar : defaults.aspectRatio()).split(":");
      aspectWidth = Integer.parseInt(sides[0]);
      aspectHeight = Integer.parseInt(sides[1]);
      stylize = s != null ? s : defaults.stylize();
      chaos = c != null ? c : defaults.chaos();
      String v = first(parameters, "v", "version");
      version = v != null && !v.isBlank() ? v : vocabulary.midjourney.version();
      String written = parameters.get("no");
      if (written != null) {
        split(written, no);
      } else if (parameters.isEmpty()) {
        // A card kept without its parameters gets the usual ones; what it keeps out is the usual list.
        no.addAll(defaults.no());
      }
    } else if (form == Form.TAGS) {
      split(negativeText != null ? negativeText : nullToEmpty(fresh.get().negativePrompt()), negatives);
    }
    read(text.strip());
  }

  /** The card refined: every change of the refinement applied, in the order the person wrote them. */
  static ExpansionResult apply(ExpansionRequest request, Refinement refinement, Vocabulary vocabulary, Supplier<ExpansionResult> fresh) {
    CardEdit card = new CardEdit(request, vocabulary, fresh);
    for (Change change : refinement.changes()) {
      card.apply(change);
    }
    return card.result();
  }

  private void apply(Change change) {
    switch (change.verb()) {
      case TIME -> time(vocabulary.times.stream().filter(t -> t.id().equals(change.words())).findFirst().orElseThrow());
      case WEATHER -> weather(vocabulary.weather.stream().filter(w -> w.id().equals(change.words())).findFirst().orElseThrow());
      case SEASON -> season(words.season(change.words()));
      case STYLE -> style(change.words(), vocabulary.styles.get(change.words()));
      case MOOD -> mood(change.words());
      case ADD -> add(change.words());
      case REMOVE -> remove(change.words());
      case FEWER_DETAILS -> fewerDetails();
      case MORE_DETAILS -> moreDetails();
      case CLOSER -> framing(words.wide, words.wideShot, words.closeShot, words.file.closer());
      case WIDER -> framing(words.close, words.closeShot, words.wideShot, words.file.wider());
      case WARMER -> temperature(words.cool, words.warm, words.file.warmer());
      case COOLER -> temperature(words.warm, words.cool, words.file.cooler());
    }
  }

  // ---- the changes ----

  private void time(TimeOfDay time) {
    Terms against = vocabulary.contradictionsByPhase.get(time.phase());
    dropClauses(c -> {
      KnownPhrase known = known(c);
      return known != null && (known.role() == Role.TIME_PHRASE || known.role() == Role.TIME_DETAIL || !known.suitsPhase(time.phase()))
          || found(vocabulary.allTimeTriggers, c) || found(against, c) || clashes(known, c, time.phrase());
    });
    // Whole time phrases first ("in the early morning"), so no word of one is left behind.
    edit(List.of(Terms.of(vocabulary.times.stream().map(TimeOfDay::phrase).toList()), vocabulary.allTimeTriggers, against));
    place(time.phrase(), "(" + time.phrase() + ":1.2)");
    detail(time.details().stream().filter(d -> !found(against, d)).findFirst().orElse(null));
  }

  private void weather(Weather weather) {
    Terms against = vocabulary.contradictionsByWeather.get(weather.id());
    dropClauses(c -> {
      KnownPhrase known = known(c);
      return known != null && (known.role() == Role.WEATHER_PHRASE || known.role() == Role.WEATHER_DETAIL)
          || found(vocabulary.allWeatherTriggers, c) || found(against, c) || clashes(known, c, weather.phrase());
    });
    edit(List.of(Terms.of(vocabulary.weather.stream().map(Weather::phrase).toList()), vocabulary.allWeatherTriggers, against));
    place(weather.phrase(), "(" + weather.phrase() + ":1.2)");
    detail(weather.details().isEmpty() ? null : weather.details().get(0));
  }

  /**
   * Whether a clause the engine wrote about the sky, the light or the colours says what the vocabulary's conflicts
   * rule out beside the new time or weather: a star-filled sky in the rain. The lists of contradicting words name
   * the obvious; this catches the rest. Only those roles: the subject's own details and the mood are the picture,
   * which a change of hour or weather does not overrule ("tiny pink paws" stay in the rain).
   */
  private static final Set<Role> SKY_AND_LIGHT = EnumSet.of(Role.TIME_DETAIL, Role.WEATHER_DETAIL, Role.LIGHTING, Role.PALETTE);

  private boolean clashes(KnownPhrase known, String clause, String changedTo) {
    return known != null && SKY_AND_LIGHT.contains(known.role())
        && !vocabulary.conflicts.agree(vocabulary.conflicts.tags(vocabulary.text(clause)), vocabulary.conflicts.tags(changedTo, vocabulary));
  }

  private void season(RefineWords.Season season) {
    List<String> others = new ArrayList<>(season.contradictions());
    words.seasons.stream().filter(s -> !s.id().equals(season.id())).forEach(s -> others.addAll(s.triggers()));
    others.removeAll(season.triggers());
    Terms against = Terms.of(others);
    dropClauses(c -> found(against, c));
    edit(List.of(against));
    place(season.phrase(), "(" + season.phrase() + ":1.2)");
    detail(season.details().isEmpty() ? null : season.details().get(0));
  }

  private void style(String id, Style style) {
    boolean photographic = Boolean.TRUE.equals(style.photographic());
    List<String> otherTriggers = new ArrayList<>();
    vocabulary.styles.forEach((other, s) -> {
      if (!other.equals(id)) {
        otherTriggers.addAll(s.triggers());
      }
    });
    otherTriggers.removeAll(style.triggers());
    Terms others = Terms.of(otherTriggers);
    dropClauses(c -> {
      KnownPhrase known = known(c);
      if (known != null && (known.role() == Role.STYLE_TAG || known.role() == Role.STYLE_WORD || known.role() == Role.TECHNIQUE)) {
        return !id.equals(known.owner());
      }
      boolean photoFinish = known != null && known.role() == Role.QUALITY && vocabulary.quality.get("photo").contains(known.phrase())
          && !vocabulary.quality.get("art").contains(known.phrase());
      return found(others, c) || !photographic && (known != null && known.role() == Role.CAMERA || photoFinish || found(words.lensWords, c));
    });
    // A lead written by the engine ("A photograph of") is replaced; the idea's own style words give way too.
    List<String> first = sentences.get(0);
    String subject = first.get(0);
    for (Style s : vocabulary.styles.values()) {
      if (s.lead() != null && subject.toLowerCase(Locale.ROOT).startsWith(s.lead().toLowerCase(Locale.ROOT) + " ")) {
        subject = subject.substring(s.lead().length() + 1);
        break;
      }
    }
    Text text = Text.of(subject);
    subject = text.without(others.find(text), vocabulary.connectives, vocabulary.articles);
    // The negative prompt follows the style: a photograph's "painting, illustration" would fight a watercolor.
    if (form == Form.TAGS) {
      List<String> otherStyles = new ArrayList<>();
      vocabulary.styles.forEach((other, st) -> {
        if (!other.equals(id)) {
          otherStyles.addAll(st.negatives());
        }
      });
      otherStyles.removeAll(style.negatives());
      Terms named = Terms.of(concatenated(style.triggers(), style.tag() == null ? List.of() : List.of(style.tag())));
      negatives.removeIf(n -> otherStyles.contains(n) || named.foundIn(Text.of(plain(n))));
      style.negatives().stream().filter(n -> !negatives.contains(n)).forEach(negatives::add);
    }
    if (style.lead() == null) {
      first.set(0, subject);
      return;
    }
    if (form == Form.NATURAL) {
      boolean startsWithArticle = subject.matches("(?s)(?:A|An|The) .*");
      String rest = startsWithArticle ? Character.toLowerCase(subject.charAt(0)) + subject.substring(1) : subject;
      boolean already = rest.toLowerCase(Locale.ROOT).startsWith(style.lead().toLowerCase(Locale.ROOT));
      first.set(0, already ? NaturalDialect.capitalized(rest) : NaturalDialect.capitalized(style.lead()) + " " + rest);
      if (!style.techniques().isEmpty()) {
        detail(style.techniques().get(0));
      }
    } else {
      first.set(0, subject);
      insertIfAbsent(1, style.tag());
    }
  }

  private void mood(String phrase) {
    dropClauses(c -> {
      KnownPhrase known = known(c);
      return known != null && known.role() == Role.MOOD || found(vocabulary.moodWords, c) && found(words.moodish, c);
    });
    later(phrase, phrase);
  }

  private void add(String thing) {
    Terms terms = Terms.of(List.of(thing));
    Text thingText = Text.of(thing);
    Predicate<String> same = entry -> terms.foundIn(Text.of(entry)) || Terms.of(List.of(entry)).foundIn(thingText);
    no.removeIf(same);
    negatives.removeIf(e -> same.test(plain(e)));
    // "Without umbrellas." in a natural paragraph, written by an earlier refinement, gives way too; only that item.
    if (form == Form.NATURAL) {
      dropItems(item -> terms.foundIn(Text.of(item)), "without ");
    }
    dropClauses(c -> c.startsWith("without ") && terms.foundIn(Text.of(c)));
    if (allClauses().stream().anyMatch(c -> plain(c).contains(thing.toLowerCase(Locale.ROOT)))) {
      return;
    }
    switch (form) {
      case NATURAL -> {
        Text t = Text.of(thing);
        boolean joined = !t.tokens().isEmpty() && vocabulary.connectives.isWord(t.tokens().get(0).word()) && !vocabulary.articles.isWord(t.tokens().get(0).word());
        List<String> opening = sentences.get(0);
        int last = opening.size() - 1;
        if (!joined && WITH.matcher(opening.get(last)).find()) {
          // The opening already lists what is "with" the subject: the new thing joins that list.
          opening.set(last, listed(opening.get(last), thing));
        } else {
          opening.add(joined ? thing : "with " + thing);
        }
      }
      case MIDJOURNEY -> sentences.get(0).add(1, thing);
      case TAGS -> sentences.get(0).add(1, "(" + StableDiffusionDialect.escaped(thing) + ":1.2)");
    }
  }

  private void remove(String thing) {
    // "palm trees" also finds "palm tree silhouettes": the singular finds both.
    Terms terms = Terms.of(List.of(thing, thing.replaceAll("(?<=[^s])e?s$", ""), thing.replaceAll("s$", "")));
    dropClauses(c -> terms.foundIn(Text.of(c)));
    edit(List.of(terms));
    switch (form) {
      case MIDJOURNEY -> {
        if (no.stream().noneMatch(n -> n.equalsIgnoreCase(thing))) {
          no.add(0, thing);
        }
      }
      case TAGS -> {
        String escaped = StableDiffusionDialect.escaped(thing);
        if (negatives.stream().noneMatch(n -> n.equalsIgnoreCase(escaped))) {
          negatives.add(0, escaped);
        }
      }
      default -> { }
    }
  }

  private void fewerDetails() {
    RefineWords.Phrases more = words.file.moreDetails();
    dropClauses(c -> {
      KnownPhrase known = known(c);
      return known != null && known.role() == Role.QUALITY || found(words.detailBoilerplate, c) || matchesAny(c, more);
    });
    // Of the details the engine added, the first stays; the rest go.
    boolean[] seen = {false};
    dropClauses(c -> {
      List<KnownPhrase> parts = knownParts(c);
      if (parts == null || parts.stream().anyMatch(k -> k.role() != Role.SUBJECT_DETAIL && k.role() != Role.TIME_DETAIL && k.role() != Role.WEATHER_DETAIL)) {
        return false;
      }
      boolean drop = seen[0];
      seen[0] = true;
      return drop;
    });
    RefineWords.Phrases fewer = words.file.fewerDetails();
    if (allClauses().stream().noneMatch(c -> matchesAny(c, fewer))) {
      later(form == Form.MIDJOURNEY ? fewer.midjourney() : fewer.natural(), fewer.tags().get(0));
    }
    stylize = stylize / 2;
  }

  private void moreDetails() {
    RefineWords.Phrases fewer = words.file.fewerDetails();
    dropClauses(c -> matchesAny(c, fewer));
    // More of what belongs with the subject, then the finish words once.
    List<Vocabulary.Subject> subjects = IdeaReading.read(idea, vocabulary).subjects();
    List<String> pool = new ArrayList<>();
    if (!subjects.isEmpty()) {
      pool.addAll(subjects.get(0).details());
      pool.addAll(vocabulary.kind(subjects.get(0).kind()).details());
    }
    List<String> present = allClauses().stream().map(CardEdit::plain).toList();
    List<String> added = pool.stream().filter(d -> !present.contains(d.toLowerCase(Locale.ROOT))).limit(2).toList();
    if (form == Form.NATURAL && !added.isEmpty()) {
      List<String> sentence = new ArrayList<>(added);
      sentence.set(0, NaturalDialect.capitalized(sentence.get(0)));
      sentences.add(sentence);
    } else {
      added.forEach(this::detail);
    }
    RefineWords.Phrases more = words.file.moreDetails();
    if (allClauses().stream().noneMatch(c -> found(words.detailBoilerplate, c) || matchesAny(c, more))) {
      if (form == Form.TAGS) {
        List<String> tags = sentences.get(0);
        int at = Math.min(tags.size(), 3);
        tags.addAll(at, more.tags());
      } else {
        later(form == Form.MIDJOURNEY ? more.midjourney() : more.natural(), null);
      }
    }
    stylize = Math.min(1000, stylize + Math.max(100, stylize / 2));
  }

  private void framing(Terms away, Terms awayShot, Terms toward, RefineWords.Phrases phrase) {
    dropClauses(c -> found(away, c));
    // Asked for the other framing, the person's own shot word gives way too: "a macro photo" made wider is "a photo".
    edit(List.of(awayShot));
    if (otherClauses().noneMatch(c -> found(toward, c))) {
      later(form == Form.MIDJOURNEY ? phrase.midjourney() : phrase.natural(), phrase.tags().get(0));
    }
  }

  private void temperature(Terms away, Terms toward, RefineWords.Phrases phrase) {
    dropClauses(c -> {
      KnownPhrase known = known(c);
      boolean colour = known != null && known.role() != Role.TIME_PHRASE && known.role() != Role.WEATHER_PHRASE || found(words.colorish, c);
      return colour && found(away, c);
    });
    // The asked palette is always written (once), so the change shows even where the card was already leaning that way.
    if (otherClauses().noneMatch(c -> matchesAny(c, phrase))) {
      later(form == Form.MIDJOURNEY ? phrase.midjourney() : phrase.natural(), phrase.tags().get(0));
    }
  }

  // ---- editing the clauses ----

  /** Drops every clause that is not the person's own words and matches. */
  private void dropClauses(Predicate<String> matches) {
    if (form == Form.NATURAL) {
      dropItems(matches, "");
    }
    for (int s = 0; s < sentences.size(); s++) {
      List<String> clauses = sentences.get(s);
      boolean[] drop = new boolean[clauses.size()];
      for (int i = 0; i < clauses.size(); i++) {
        drop[i] = !isPersons(s, i) && matches.test(plain(clauses.get(i)));
      }
      for (int i = clauses.size() - 1; i >= 0; i--) {
        if (drop[i]) {
          clauses.remove(i);
        }
      }
    }
    sentences.removeIf(List::isEmpty);
    if (sentences.isEmpty()) {
      sentences.add(new ArrayList<>(List.of("")));
    }
    if (form == Form.NATURAL) {
      // A sentence whose opening clause went may now start on a word that only joined it: "And a dog…", "Under haze".
      for (int s = 1; s < sentences.size(); s++) {
        List<String> clauses = sentences.get(s);
        clauses.set(0, JOINING_LEAD.matcher(clauses.get(0)).replaceFirst(""));
      }
    }
  }

  /**
   * Takes out of each prose clause only the items of its list that the terms find ("with a cottage and white
   * paint" without the cottage is "with white paint"); a clause left with nothing goes, passing its lead
   * ("notice", "there are also") to the clause after it, and the tail of "A, B and C" keeps its "and". With
   * {@code onlyAfter}, only clauses opening on that word are looked at ("without ").
   */
  private void dropItems(Predicate<String> matches, String onlyAfter) {
    for (int s = 0; s < sentences.size(); s++) {
      List<String> clauses = sentences.get(s);
      for (int i = 0; i < clauses.size(); i++) {
        String clause = clauses.get(i);
        if (isPersons(s, i)) {
          continue;
        }
        Matcher lead = LEAD.matcher(clause);
        String head = lead.lookingAt() ? clause.substring(0, lead.end()) : "";
        if (!head.toLowerCase(Locale.ROOT).startsWith(onlyAfter)) {
          continue;
        }
        String body = clause.substring(head.length());
        Matcher end = TAIL.matcher(body);
        String tail = end.find() ? body.substring(end.start()) : "";
        body = body.substring(0, body.length() - tail.length());
        List<String> items = new ArrayList<>(List.of(body.split(" and ")));
        int before = items.size();
        items.removeIf(item -> matches.test(plain(item)));
        if (items.size() == before) {
          continue; // nothing found item by item ("black and white"): the clause is judged whole
        }
        if (items.isEmpty()) {
          clauses.remove(i);
          if (i < clauses.size() && !head.isEmpty() && !LEAD.matcher(clauses.get(i)).lookingAt()) {
            clauses.set(i, head + clauses.get(i));
          } else if (!tail.isEmpty() && head.isEmpty() && i > 0 && i == clauses.size()) {
            // The end of a list that began a clause before ("A, B and C complete the picture"); a clause of its own
            // ("…, and a quiet stillness settles over everything") takes its verb with it.
            String previous = clauses.get(i - 1);
            clauses.set(i - 1, previous + NaturalDialect.agree(tail, NaturalDialect.pluralSubject(LEAD.matcher(previous).replaceFirst(""))));
          }
          i--;
        } else if (head.isEmpty() && before > 1 && items.size() == 1 && i > 0 && i == clauses.size() - 1) {
          clauses.remove(i);
          clauses.set(i - 1, clauses.get(i - 1) + " and " + items.get(0) + NaturalDialect.agree(tail, true));
          i--;
        } else {
          // "A quiet stillness and deep twilight settle over everything" left with the stillness "settles".
          clauses.set(i, head + String.join(" and ", items) + NaturalDialect.agree(tail, NaturalDialect.pluralSubject(String.join(" and ", items))));
        }
      }
    }
  }

  /** "with A and B" and X: "with A, B and X". */
  private static String listed(String clause, String thing) {
    Matcher with = WITH.matcher(clause);
    int from = 0;
    while (with.find()) {
      from = with.end();
    }
    String list = clause.substring(from);
    int and = list.lastIndexOf(" and ");
    String joined = and < 0 ? list : list.substring(0, and) + ", " + list.substring(and + " and ".length());
    return clause.substring(0, from) + joined + " and " + thing;
  }

  /** Takes what the terms find out of the person's own words, with the small words that only joined them. */
  private void edit(List<Terms> terms) {
    for (int s = 0; s < sentences.size(); s++) {
      List<String> clauses = sentences.get(s);
      for (int i = 0; i < clauses.size(); i++) {
        if (!isPersons(s, i)) {
          continue;
        }
        Text text = Text.of(clauses.get(i));
        List<Text.Span> spans = new ArrayList<>();
        terms.forEach(t -> spans.addAll(t.find(text)));
        if (!spans.isEmpty()) {
          clauses.set(i, text.without(spans, vocabulary.connectives, vocabulary.articles));
        }
      }
      clauses.removeIf(c -> c.isBlank() && clauses.size() > 1);
    }
  }

  /** A time, weather or season: joined to the subject in prose and Midjourney, its own weighted tag in Stable Diffusion. */
  private void place(String phrase, String tag) {
    List<String> first = sentences.get(0);
    if (form == Form.TAGS) {
      first.add(Math.min(1, first.size()), tag);
    } else if (!plain(first.get(0)).contains(phrase.toLowerCase(Locale.ROOT))) {
      first.set(0, (first.get(0) + " " + phrase).strip());
    }
  }

  /**
   * A detail that goes with a change: a sentence of its own in prose, said as the paragraph says its details ("The
   * sun is high overhead" would need a verb the phrase lacks: "You also see the sun high overhead"), a phrase after
   * the subject otherwise.
   */
  private void detail(String detail) {
    if (detail == null) {
      return;
    }
    // Found as the phrase or as the sentence this writes of it ("Notice frost-covered branches"), asked for twice.
    String written = plain(NaturalDialect.sentence(detail));
    if (allClauses().stream().anyMatch(c -> plain(c).equals(detail.toLowerCase(Locale.ROOT)) || plain(c).equals(written))) {
      return;
    }
    if (form == Form.NATURAL) {
      sentences.add(new ArrayList<>(List.of(NaturalDialect.sentence(detail))));
    } else {
      List<String> first = sentences.get(0);
      first.add(Math.min(form == Form.TAGS ? 2 : 1, first.size()), detail);
    }
  }

  /** Framing, palette, mood and finish: a sentence of its own in prose, among the first phrases otherwise. */
  private void later(String phrase, String tag) {
    if (form == Form.NATURAL) {
      sentences.add(new ArrayList<>(List.of(NaturalDialect.capitalized(phrase))));
    } else {
      List<String> first = sentences.get(0);
      first.add(Math.min(first.size(), form == Form.TAGS ? 4 : first.size()), form == Form.TAGS ? tag : phrase);
    }
  }

  private void insertIfAbsent(int at, String phrase) {
    if (phrase == null || allClauses().stream().anyMatch(c -> plain(c).equals(phrase.toLowerCase(Locale.ROOT)))) {
      return;
    }
    List<String> first = sentences.get(0);
    first.add(Math.min(at, first.size()), phrase);
  }

  // ---- reading and writing ----

  private void read(String text) {
    // Commas inside the person's idea do not split it: the idea stays one phrase.
    String masked = text;
    int at = text.toLowerCase(Locale.ROOT).indexOf(idea);
    if (at >= 0 && !idea.isEmpty()) {
      masked = text.substring(0, at) + text.substring(at, at + idea.length()).replace(',', MASK) + text.substring(at + idea.length());
    }
    List<String> parts = form == Form.NATURAL ? List.of(SENTENCES.split(masked)) : List.of(masked);
    for (String part : parts) {
      String sentence = part.strip();
      if (form == Form.NATURAL && sentence.endsWith(".")) {
        sentence = sentence.substring(0, sentence.length() - 1);
      }
      List<String> clauses = new ArrayList<>();
      for (String clause : sentence.split(form == Form.NATURAL ? ",\\s*" : "\\s*,\\s*")) {
        String restored = clause.replace(MASK, ',').strip();
        if (!restored.isEmpty()) {
          clauses.add(restored);
        }
      }
      if (!clauses.isEmpty()) {
        sentences.add(clauses);
      }
    }
    if (sentences.isEmpty()) {
      sentences.add(new ArrayList<>(List.of(idea)));
    }
  }

  private ExpansionResult result() {
    List<String> warnings = new ArrayList<>();
    switch (form) {
      case MIDJOURNEY -> {
        String prompt = String.join(", ", sentences.get(0).stream().filter(c -> !c.isBlank()).toList()).replace("--", "—");
        MidjourneyParameters parameters = new MidjourneyParameters(aspectWidth, aspectHeight, stylize, chaos, no, version);
        return new ExpansionResult(prompt, null, parameters, warnings);
      }
      case TAGS -> {
        String prompt = String.join(", ", sentences.get(0).stream().filter(c -> !c.isBlank()).toList());
        int tokens = ClipTokens.count(prompt);
        if (tokens > ClipTokens.LIMIT) {
          warnings.add("Longer than " + ClipTokens.LIMIT + " CLIP tokens (about " + tokens + "): Stable Diffusion will ignore the rest.");
        }
        return new ExpansionResult(prompt, String.join(", ", negatives), null, warnings);
      }
      default -> {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < sentences.size(); s++) {
          String sentence = String.join(", ", sentences.get(s).stream().filter(c -> !c.isBlank()).toList());
          if (sentence.isEmpty()) {
            continue;
          }
          out.append(out.length() == 0 ? sentence : " " + NaturalDialect.capitalized(sentence));
          if (".!?…".indexOf(sentence.charAt(sentence.length() - 1)) < 0) {
            out.append('.');
          }
        }
        String text = out.toString();
        if (text.length() > target.maxChars()) {
          int space = text.lastIndexOf(' ', target.maxChars() - 1);
          text = text.substring(0, space > 0 ? space : target.maxChars() - 1).replaceAll("[\\s,;:]+$", "") + "…";
          warnings.add(String.format("%s reads at most %,d characters: the idea was cut to fit.", target.label(), target.maxChars()));
        }
        return new ExpansionResult(text, null, null, warnings);
      }
    }
  }

  /** The first phrase of the prompt, and any phrase holding the idea as typed, are the person's own words. */
  private boolean isPersons(int sentence, int clause) {
    return sentence == 0 && clause == 0 || plain(sentences.get(sentence).get(clause)).contains(idea);
  }

  private List<String> allClauses() {
    List<String> all = new ArrayList<>();
    sentences.forEach(all::addAll);
    return all;
  }

  private java.util.stream.Stream<String> otherClauses() {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      for (int i = 0; i < sentences.get(s).size(); i++) {
        if (!isPersons(s, i)) {
          out.add(plain(sentences.get(s).get(i)));
        }
      }
    }
    return out.stream();
  }

  /** A clause as words: weights and brackets gone, lower case, no closing full stop. */
  private static String plain(String clause) {
    String text = clause;
    String before;
    do {
      before = text;
      text = WEIGHTED.matcher(text).replaceAll("$1");
    } while (!text.equals(before));
    text = text.replaceAll("(?<!\\\\)[()\\[\\]]", "").replaceAll("\\\\([()\\[\\]])", "$1");
    return text.strip().replaceAll("[.]+$", "").toLowerCase(Locale.ROOT);
  }

  /**
   * The vocabulary phrase a clause is, also when a paragraph wove it into a sentence ("with soft light",
   * "notice a soft haze lifting", "an eerie mood throughout"); null when it is not one.
   */
  private KnownPhrase known(String plainClause) {
    KnownPhrase direct = vocabulary.knownPhrases.get(plainClause);
    if (direct != null) {
      return direct;
    }
    List<KnownPhrase> parts = knownParts(plainClause);
    return parts == null || parts.size() != 1 ? null : parts.get(0);
  }

  /** Each part of "with a winding path and a cottage" as a vocabulary phrase, or null when any part is not one. */
  private List<KnownPhrase> knownParts(String plainClause) {
    String bare = WOVEN.matcher(plainClause).replaceAll("").strip();
    List<KnownPhrase> parts = new ArrayList<>();
    for (String part : JOINS.split(bare)) {
      KnownPhrase phrase = phraseOf(WOVEN.matcher(part.strip()).replaceAll("").strip());
      if (phrase == null) {
        return null;
      }
      parts.add(phrase);
    }
    return parts.isEmpty() ? null : parts;
  }

  /** A vocabulary phrase as written, or as a paragraph made it a sentence ("clouds are drifting …"). */
  private KnownPhrase phraseOf(String text) {
    KnownPhrase phrase = vocabulary.knownPhrases.get(text);
    if (phrase == null) {
      phrase = vocabulary.knownPhrases.get(HELPER.matcher(text).replaceFirst(" "));
    }
    if (phrase == null) {
      phrase = vocabulary.knownPhrases.get(NaturalDialect.detailOfStative(text));
    }
    return phrase;
  }

  private boolean found(Terms terms, String text) {
    return terms.foundIn(Text.of(text));
  }

  private static boolean matchesAny(String plainClause, RefineWords.Phrases phrases) {
    List<String> all = new ArrayList<>(phrases.tags());
    if (phrases.natural() != null) {
      all.add(phrases.natural());
    }
    if (phrases.midjourney() != null) {
      all.add(phrases.midjourney());
    }
    return all.stream().anyMatch(p -> plainClause.equals(p.toLowerCase(Locale.ROOT)));
  }

  private static String first(Map<String, String> parameters, String... names) {
    for (String name : names) {
      if (parameters.containsKey(name)) {
        return parameters.get(name);
      }
    }
    return null;
  }

  private static Integer number(String digits, int max) {
    if (digits == null || !digits.matches("\\d{1,4}")) {
      return null;
    }
    int value = Integer.parseInt(digits);
    return value <= max ? value : null;
  }

  private static void split(String list, List<String> into) {
    for (String item : list.split(",")) {
      if (!item.isBlank()) {
        into.add(item.strip());
      }
    }
  }

  private static List<String> concatenated(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
