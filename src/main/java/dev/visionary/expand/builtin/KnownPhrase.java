package dev.visionary.expand.builtin;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A vocabulary phrase recognised inside a prompt being refined, with what it describes, so a refinement can
 * replace exactly the phrases it changes ("make it night" replaces sunset details) and keep the rest.
 *
 * @param phase the time-of-day phase the phrase belongs to, or null when it suits any time
 * @param owner the time, weather or style the phrase belongs to, or null
 */
record KnownPhrase(String phrase, Role role, String phase, String owner) {
  enum Role {
    TIME_PHRASE, TIME_DETAIL, WEATHER_PHRASE, WEATHER_DETAIL, SUBJECT_DETAIL, SETTING, LIGHTING, PALETTE,
    COMPOSITION, CAMERA, TECHNIQUE, MOOD, STYLE_TAG, STYLE_WORD, QUALITY
  }

  /** Every vocabulary phrase by its lower-cased text; the first role listed wins when a phrase has two. */
  static Map<String, KnownPhrase> index(Vocabulary vocabulary) {
    Map<String, KnownPhrase> index = new HashMap<>();
    for (Vocabulary.TimeOfDay time : vocabulary.times) {
      add(index, List.of(time.phrase()), Role.TIME_PHRASE, time.phase(), time.id());
      add(index, time.details(), Role.TIME_DETAIL, time.phase(), time.id());
    }
    for (Vocabulary.Weather weather : vocabulary.weather) {
      add(index, List.of(weather.phrase()), Role.WEATHER_PHRASE, null, weather.id());
      add(index, weather.details(), Role.WEATHER_DETAIL, null, weather.id());
    }
    for (Vocabulary.Subject subject : vocabulary.subjects) {
      add(index, subject.details(), Role.SUBJECT_DETAIL, null, null);
      add(index, subject.nightDetails(), Role.SUBJECT_DETAIL, "night", null);
      // Day details suit daytime and twilight alike; "not night" is written as the day phase's opposite.
      add(index, subject.dayDetails(), Role.SUBJECT_DETAIL, "!night", null);
      subject.states().values().forEach(state -> add(index, state, Role.SUBJECT_DETAIL, null, null));
      add(index, subject.settings().indoor(), Role.SETTING, null, null);
      add(index, subject.settings().outdoor(), Role.SETTING, null, null);
    }
    for (Vocabulary.Kind kind : vocabulary.kinds.values()) {
      add(index, kind.details(), Role.SUBJECT_DETAIL, null, null);
      add(index, kind.settings().indoor(), Role.SETTING, null, null);
      add(index, kind.settings().outdoor(), Role.SETTING, null, null);
      add(index, kind.compositions(), Role.COMPOSITION, null, null);
      add(index, kind.cameras(), Role.CAMERA, null, null);
      add(index, kind.lighting(), Role.LIGHTING, null, null);
    }
    for (String phase : Vocabulary.PHASES) {
      add(index, vocabulary.lightingFor(phase), Role.LIGHTING, phase, null);
      add(index, vocabulary.palettesFor(phase), Role.PALETTE, phase, null);
    }
    add(index, vocabulary.lightingFor("indoor"), Role.LIGHTING, null, null);
    add(index, vocabulary.lightingFor("any"), Role.LIGHTING, null, null);
    add(index, vocabulary.palettesFor("any"), Role.PALETTE, null, null);
    add(index, vocabulary.moodPhrases(), Role.MOOD, null, null);
    vocabulary.styles.forEach((id, style) -> {
      if (style.tag() != null) {
        add(index, List.of(style.tag()), Role.STYLE_TAG, null, id);
      }
      add(index, style.words(), Role.STYLE_WORD, null, id);
      add(index, style.techniques(), Role.TECHNIQUE, null, id);
    });
    vocabulary.quality.values().forEach(words -> add(index, words, Role.QUALITY, null, null));
    return Map.copyOf(index);
  }

  /** Whether the phrase suits a picture at this phase (null: no time of day is set). */
  boolean suitsPhase(String current) {
    if (phase == null) {
      return true;
    }
    if (phase.equals("!night")) {
      return !"night".equals(current);
    }
    return phase.equals(current);
  }

  private static void add(Map<String, KnownPhrase> index, List<String> phrases, Role role, String phase, String owner) {
    for (String phrase : phrases) {
      index.putIfAbsent(phrase.toLowerCase(Locale.ROOT), new KnownPhrase(phrase, role, phase, owner));
    }
  }
}
