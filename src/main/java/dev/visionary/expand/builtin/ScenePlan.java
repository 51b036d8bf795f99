package dev.visionary.expand.builtin;

import java.util.List;

/**
 * Everything one variation will say, decided before it is written in any model's dialect. Null or empty
 * parts are left out.
 *
 * @param subject the person's idea as typed (less only what a refinement replaced)
 * @param anchors phrases kept from a prompt being refined, in their original words
 * @param additions what a refinement asked to add, in its own words
 * @param setting where the subject is, when the idea does not say
 * @param timePhrase the time of day, when the idea does not already say it ("at golden hour")
 * @param weatherPhrase the weather a refinement asked for
 * @param details what belongs with the subject, the time and the weather
 * @param camera a lens or camera for photographic looks, or the style's technique for other looks
 * @param exclusions what the person asked to keep out
 * @param negatives things that commonly spoil this kind of picture in this style
 * @param stated everything the person wrote, for keeping negatives from contradicting it
 * @param aspect width:height that suits the subject, such as 16:9 for scenes and 2:3 for people
 * @param stylize Midjourney's stylize value for this variation, from the style's range
 * @param chaos Midjourney's chaos value for this variation
 * @param negated what the idea itself rules out ("without people"), for negative prompts and --no
 * @param textToRender words the idea asks to see written in the picture, exactly as typed, or null
 * @param explores what sets this variation apart, an axis and its value ("time of day — blue hour"), or null
 */
record ScenePlan(String subject, List<String> anchors, List<String> additions, String setting, String timePhrase,
                 String weatherPhrase, List<String> details, String lighting, String palette, String composition,
                 String mood, String camera, String styleLead, String styleTag, List<String> styleWords,
                 List<String> quality, List<String> exclusions, List<String> negatives, Text stated, String aspect,
                 int stylize, int chaos, List<String> negated, String textToRender, String explores) {

  /** The subject with where and when it is, as one phrase: "a cat on a windowsill at golden hour". */
  String subjectPhrase() {
    StringBuilder phrase = new StringBuilder(subject);
    // "a reading nook, watercolor" ends on a note about the picture: where and when join after a comma.
    String join = subject.contains(",") ? ", " : " ";
    for (String part : new String[] {setting, timePhrase, weatherPhrase}) {
      if (part != null) {
        phrase.append(phrase.length() == 0 ? "" : phrase.length() == subject.length() ? join : " ").append(part);
      }
    }
    return phrase.toString();
  }
}
