package dev.visionary.expand.builtin;

import dev.visionary.expand.builtin.KnownPhrase.Role;
import dev.visionary.expand.builtin.Vocabulary.Subject;
import dev.visionary.expand.builtin.Vocabulary.TimeOfDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what each variation says. Every variation keeps what the person wrote and takes its own lighting,
 * composition, mood, palette, lens or technique and details from the vocabulary, so no two read alike.
 */
final class ScenePlanner {
  private final Vocabulary vocabulary;

  ScenePlanner(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  List<ScenePlan> plan(ExpansionRequest request) {
    Situation situation = Situation.resolve(request, vocabulary);
    // The idea joins the seed so that different ideas under one seed do not all get the same lighting and mood;
    // the refinement does not, so a refined prompt keeps the choices it does not change.
    Picks picks = new Picks(request.seed() * 31 + request.idea().hashCode());
    List<ScenePlan> plans = new ArrayList<>(request.count());
    for (int i = 0; i < request.count(); i++) {
      plans.add(variation(situation, picks, i));
    }
    return plans;
  }

  private ScenePlan variation(Situation s, Picks picks, int i) {
    // The refined card itself changes only what the refinement names; other variations take fresh choices.
    boolean keep = s.refining && i == 0;
    String setting = first(s.kept(Role.SETTING, null, s.time));
    if (setting == null) {
      setting = picks.one("setting", s.settingCandidates, i);
    }
    boolean outdoor = setting != null ? s.outdoorSettings.contains(setting) : s.outdoor;
    TimeOfDay time = s.time;
    String timePhrase = s.timePhrase;
    if (time == null && outdoor && !s.timeCandidates.isEmpty()) {
      time = picks.one("time", s.timeCandidates, i);
      timePhrase = time.phrase();
    }
    String phase = time == null ? null : time.phase();
    Choices choices = new Choices(s, picks, i, phase, time, keep);

    List<String> details = details(s, choices, time);
    String lighting = choices.pick(Role.LIGHTING, "lighting", lightingPool(s, phase, outdoor));
    String palette = s.givesColor ? null
        : choices.pick(Role.PALETTE, "palette", Situation.concat(phase == null ? List.of() : vocabulary.palettesFor(phase), vocabulary.palettesFor("any")));
    String composition = choices.pick(Role.COMPOSITION, "composition", s.kind.compositions());
    String mood = s.givesMood ? null : choices.pick(Role.MOOD, "mood", vocabulary.moodPhrases());
    String camera = s.photographic
        ? choices.pick(Role.CAMERA, "camera", s.kind.cameras())
        : choices.pick(Role.TECHNIQUE, "technique", s.style.techniques());
    List<String> styleWords = s.kept(Role.STYLE_WORD, phase, time);
    if (styleWords.isEmpty()) {
      styleWords = picks.several("style-words", choices.usable(s.style.words()), i, 2);
    }
    List<String> qualityPool = choices.usable(vocabulary.quality.get(s.photographic ? "photo" : "art"));
    qualityPool.removeAll(styleWords);
    List<String> quality = picks.several("quality", qualityPool, i, 2);

    Set<String> negatives = new LinkedHashSet<>(vocabulary.commonNegatives);
    negatives.addAll(s.kind.negatives());
    negatives.addAll(s.style.negatives());
    String lead = s.styleInIdea ? null : s.style.lead();
    String tag = s.styleInIdea ? null : s.style.tag();
    List<Integer> stylize = s.style.stylize();
    List<Integer> chaos = vocabulary.midjourney.chaos();
    String aspect = picks.one("aspect", s.kind.aspects(), i);
    int stylizeValue = picks.between("stylize", i, stylize.get(0), stylize.get(1));
    int chaosValue = picks.between("chaos", i, chaos.get(0), chaos.get(1));
    if (keep) {
      aspect = s.base.aspect() != null ? s.base.aspect() : aspect;
      stylizeValue = s.base.stylize() != null ? s.base.stylize() : stylizeValue;
      chaosValue = s.base.chaos() != null ? s.base.chaos() : chaosValue;
    }
    return new ScenePlan(s.subject, s.anchors, s.additions, setting, timePhrase, s.weatherPhrase, details, lighting,
        palette, composition, mood, camera, lead, tag, styleWords, quality, s.exclusions, List.copyOf(negatives),
        s.stated, aspect, stylizeValue, chaosValue);
  }

  /** What belongs with the subject, the time of day and the weather, each variation taking different ones. */
  private List<String> details(Situation s, Choices choices, TimeOfDay time) {
    Set<String> details = new LinkedHashSet<>(s.kept(Role.SUBJECT_DETAIL, choices.phase, time));
    boolean fresh = details.isEmpty();
    if (s.primary != null) {
      Subject primary = s.primary;
      List<String> pool = Situation.concat(primary.details(), vocabulary.kind(primary.kind()).details());
      int count = choices.phase == null ? 3 : 2;
      details.addAll(choices.several("detail:" + primary.id(), pool, fresh ? count : choices.keep ? 0 : 1));
      if ((fresh || s.timeChanged) && choices.phase != null) {
        List<String> phased = choices.phase.equals("night") ? primary.nightDetails() : primary.dayDetails();
        details.addAll(choices.several("phased:" + primary.id(), phased, 1));
      }
      if (fresh) {
        s.others.forEach(other -> details.addAll(choices.several("detail:" + other.id(), other.details(), 1)));
      }
    } else if (fresh) {
      details.addAll(choices.several("detail:generic", s.kind.details(), 3));
    }
    List<String> keptTime = s.kept(Role.TIME_DETAIL, choices.phase, time);
    details.addAll(keptTime);
    if (time != null && keptTime.isEmpty()) {
      // A time the person named deserves more of its details than one the engine picked.
      details.addAll(choices.several("time:" + time.id(), time.details(), s.time != null ? 2 : 1));
    }
    List<String> keptWeather = s.kept(Role.WEATHER_DETAIL, choices.phase, time);
    details.addAll(keptWeather);
    if (s.weather != null && keptWeather.isEmpty()) {
      details.addAll(choices.several("weather:" + s.weather.id(), s.weather.details(), 2));
    }
    return List.copyOf(details);
  }

  private List<String> lightingPool(Situation s, String phase, boolean outdoor) {
    List<String> any = vocabulary.lightingFor("any");
    if (!s.kind.lighting().isEmpty()) {
      return Situation.concat(s.kind.lighting(), any);
    }
    if (phase != null) {
      return Situation.concat(vocabulary.lightingFor(phase), any);
    }
    return !outdoor && !s.namesScene ? Situation.concat(vocabulary.lightingFor("indoor"), any) : any;
  }

  private static String first(List<String> list) {
    return list.isEmpty() ? null : list.get(0);
  }

  /** The choices of one variation, keeping out whatever would contradict the request or repeat the base prompt. */
  private static final class Choices {
    private final Situation situation;
    private final Picks picks;
    private final int index;
    private final String phase;
    private final TimeOfDay time;
    private final boolean keep;

    Choices(Situation situation, Picks picks, int index, String phase, TimeOfDay time, boolean keep) {
      this.situation = situation;
      this.picks = picks;
      this.index = index;
      this.phase = phase;
      this.time = time;
      this.keep = keep;
    }

    String pick(Role role, String pool, List<String> candidates) {
      if (keep) {
        List<String> kept = situation.kept(role, phase, time);
        if (!kept.isEmpty()) {
          return kept.get(0);
        }
      }
      return picks.one(pool, fresh(candidates), index);
    }

    List<String> several(String pool, List<String> candidates, int k) {
      return picks.several(pool, fresh(candidates), index, k);
    }

    List<String> usable(List<String> candidates) {
      List<String> out = new ArrayList<>(candidates.size());
      for (String candidate : candidates) {
        if (!situation.contradicted(candidate, phase)) {
          out.add(candidate);
        }
      }
      return out;
    }

    /** Usable and not already in the prompt being refined, so "more like this" brings something new. */
    private List<String> fresh(List<String> candidates) {
      List<String> out = usable(candidates);
      out.removeIf(c -> situation.used.contains(c.toLowerCase(Locale.ROOT)));
      return out;
    }
  }
}
