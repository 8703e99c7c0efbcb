package io.newsframe.clean;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page furniture that a scraper left inside a line of text rather than on a line of its own, so
 * the line rules cannot see it: a story header ("By Katie Hunt, CNN Updated 12:07 PM EST, Mon March
 * 6, 2023 Link Copied!"), video-player items ("02:37 Now playing - Source: CNN"), image labels and
 * photo credits ("Image source, Getty Images", "Al Drago/Bloomberg/Getty Images", "(Photo by Liu
 * Yilin/Xinhua)", "© AP Matt Slocum"). Each rule names its furniture by wording that prose does not
 * use, so a match is cut from its line and the rest of the line stays.
 */
final class InlineChrome {
  /** A person's name in a byline: up to four capitalised words. */
  private static final String NAME = "\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3}";
  private static final String NAMES = NAME + "(?:(?:, | and | & )" + NAME + "){0,5}";
  private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?";
  private static final String WEEKDAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?";
  private static final String CLOCK = "\\d{1,2}:\\d{2}\\s?(?:[AaPp]\\.?[Mm]\\.?)?(?: [A-Z]{2,4}\\b)?";
  /** Where two page elements meet without a space: "Getty ImagesBy", "EPABy", "been ́very difficult ́Ms". */
  private static final String JOINT = "(?:(?<=[\\p{Ll}\\p{M}])(?=\\p{Lu}\\p{Ll})|(?<=\\p{Lu}{2})(?=\\p{Lu}\\p{Ll}{2}|By\\b)"
      + "|(?<=\\p{L})(?=[\"“]\\p{Lu})|(?<=\\p{N})(?=\\p{Lu}\\p{Ll}))";
  /** Photo agencies and picture desks that end a credit. */
  private static final String AGENCY = "(?:Getty Images|AFP|Reuters|AP|EPA(?:-EFE)?|Bloomberg|Shutterstock|REX|"
      + "Sipa USA|Pool|NurPhoto|Anadolu Agency|SOPA Images|LightRocket|Xinhua|TASS|Sputnik|CNN|BBC|PA Media|PA)";

  private static final List<Rule> RULES = List.of(
      // A story's byline and time stamp: "Analysis by Brad Lendon, CNN Updated 2:39 AM EST, Mon March 6, 2023".
      new Rule(LineReason.BYLINE, new String[] {"Updated", "Published", "Posted"}, Pattern.compile(
          "(?:(?:(?:Opinion|Analysis|Commentary|Review) by|By) (?<author>" + NAMES + "),? )?"
              + "(?:Updated|Published|Posted|Last updated):? " + CLOCK
              + "(?:,? (?:" + WEEKDAY + " )?" + MONTH + " \\d{1,2},? \\d{4})?")),
      // A byline glued to the outlet's name and the first sentence: "By Laurence PeterBBC NewsRussian".
      new Rule(LineReason.BYLINE, new String[] {"By "}, Pattern.compile(
          "(?<!\\p{Lu})By (?<author>\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}(?: & \\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})?)"
              + "(?=\\p{Lu})\\p{Lu}{2,}(?: \\p{Lu}\\p{Ll}+)?(?=\\p{Lu}\\p{Ll})")),
      // A source and time stamp before the dateline: "(Xinhua) 11:10, March 07, 2023".
      new Rule(LineReason.TIMESTAMP, new String[] {") "}, Pattern.compile(
          "\\([^()\\n]{2,40}\\) " + CLOCK + ",? " + MONTH + " \\d{1,2},? \\d{4}")),
      // Editors' credits: "(Web editor: Zhang Kaiwei, Liang Jun)", "(Compiled by Wang Qingxiu)".
      new Rule(LineReason.BYLINE, new String[] {"editor", "Editor", "by"}, Pattern.compile(
          "\\((?:Web editor|Editor|Compiled by|Edited by|Translated by):? [^()\\n]{1,60}\\)")),
      new Rule(LineReason.SHARE_PROMPT, new String[] {"Link Copied"}, Pattern.compile("Link Copied!")),
      // Another video offered by the player: "Video Ad FeedbackReporter shares what … 03:44Now playing - Source:CNN".
      new Rule(LineReason.TEASER, new String[] {"Ad Feedback"}, Pattern.compile(
          "(?:Video )?Ad Feedback[^\\n]{1,200}? ?\\d{1,2}:\\d{2} ?(?:Now playing ?)?- Source: ?\\p{Lu}{2,}(?!\\p{Ll})")),
      new Rule(LineReason.SHARE_PROMPT, new String[] {"Ad Feedback"}, Pattern.compile("(?:Video )?Ad Feedback")),
      new Rule(LineReason.NAVIGATION, new String[] {"Source:"}, Pattern.compile(
          "\\d{1,2}:\\d{2} ?(?:Now playing ?)?- Source: ?\\p{Lu}{2,}(?!\\p{Ll})")),
      // "Image source, Getty Images": the credit runs to the caption label, a joint or the line's end.
      new Rule(LineReason.CAPTION, new String[] {"Image source", "Image credit"}, Pattern.compile(
          "Image (?:source|credit)s?, ?(?:[^\\n]{1,80}?(?:(?=Image caption)|" + JOINT + "|$))?")),
      new Rule(LineReason.CAPTION, new String[] {"Image caption", "Media caption"}, Pattern.compile(
          "(?:Image|Media) caption, ?(?:[^\\n]{1,300}?(?:(?=Image source)|" + JOINT + "|$))?")),
      // "Agencia Press South/Getty ImagesCNN", "Natalia Kolesnikova/AFP/Getty Images"; the next
      // word may be glued on ("Getty ImagesUS says"), so only a lower-case letter stops a match.
      new Rule(LineReason.CAPTION, new String[] {"/"}, Pattern.compile(
          "(?<![\\p{L}/])(?:\\p{Lu}[\\p{L}'’-]*\\.?(?: \\p{Lu}[\\p{L}'’-]*\\.?){0,3} ?/ ?){1,4}" + AGENCY
              + "(?:CNN|BBC)?(?!\\p{Ll})")),
      // "(Photo by Liu Yilin/Xinhua)", "[Photo/Xinhua]", "(Xinhua/Li Ran)".
      new Rule(LineReason.CAPTION, new String[] {"(", "["}, Pattern.compile(
          "[(\\[] ?(?:(?:File )?(?:Photo|Image|Video|Picture)s?(?: source| credit)?(?: by| from| courtesy of| ?/| ?:)[^)\\]\\n]{0,80}"
              + "|(?:Xinhua|AP|AFP|Reuters|EPA)/[^)\\]\\n]{1,40})[)\\]]", Pattern.CASE_INSENSITIVE)),
      // "© Global Look Press Nir Alon", "©Getty Images Annabelle Chih", "© Twitter @Piers".
      new Rule(LineReason.CAPTION, new String[] {"©"}, Pattern.compile(
          "© ?[\\p{Lu}@][\\p{L}\\p{N}@_'’.-]*(?: [\\p{Lu}@][\\p{L}\\p{N}@_'’.-]*){0,5}")),
      new Rule(LineReason.CAPTION, new String[] {"via Getty"}, Pattern.compile(
          "(?:\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,3} )?via Getty Images")),
      // An end marker glued to the last paragraph: "… serious concerns\".Related Topics".
      new Rule(LineReason.FOOTER, new String[] {"Related Topics"}, Pattern.compile(
          "(?<=[.!?\"”’)\\s])Related Topics\\s*$")));

  /** Glued joints a line needs before its density counts: one or two can be a typo or a name. */
  private static final int MIN_LIST_JOINTS = 4;
  /**
   * A line with a joint at least every this many words is a list of page elements glued together
   * (a video carousel: "Read descriptionExplore moreTitle. Video, 00:00:58TitlePublished27
   * FebruarySubsectionNorfolk0:58Up Next."), not prose: on the Russia scrape the kept lines this
   * dense are 24 BBC carousels, and the next densest is a CNN line that still holds a story (13).
   */
  private static final int MAX_LIST_WORDS_PER_JOINT = 12;

  private static final Pattern OUTLET_AFTER_NAMES = Pattern.compile(", \\p{Lu}{2,}(?: \\p{L}+)*$");

  private InlineChrome() {}

  /** Whether the whole line is page elements glued together rather than text. */
  static boolean isGluedList(String line) {
    int joints = io.newsframe.text.TextNormalizer.gluedJoints(line);
    return joints >= MIN_LIST_JOINTS && RepeatedPassages.words(line).size() <= (long) MAX_LIST_WORDS_PER_JOINT * joints;
  }

  /** A piece of furniture in a line: characters [start, end), why it is cut, and the author it names. */
  record Cut(int start, int end, LineReason reason, String author) {}

  /** The furniture of one line, in order and without overlaps (the earlier and longer match wins). */
  static List<Cut> find(String line) {
    List<Cut> found = new ArrayList<>();
    for (Rule rule : RULES) {
      if (!rule.mayMatch(line)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(line);
      while (m.find()) {
        if (m.end() > m.start()) {
          found.add(new Cut(m.start(), m.end(), rule.reason(), author(m)));
        }
      }
    }
    found.sort(Comparator.comparingInt(Cut::start).thenComparing(Comparator.comparingInt(Cut::end).reversed()));
    List<Cut> kept = new ArrayList<>();
    int end = 0;
    for (Cut cut : found) {
      if (cut.start() >= end) {
        kept.add(cut);
        end = cut.end();
      }
    }
    return kept;
  }

  /** The names a byline gives, without the outlet after them ("Katie Hunt, CNN"). */
  private static String author(Matcher m) {
    String names;
    try {
      names = m.group("author");
    } catch (IllegalArgumentException noSuchGroup) {
      return null;
    }
    return names == null ? null : OUTLET_AFTER_NAMES.matcher(names).replaceFirst("");
  }

  /** A pattern, the reason it cuts with, and literals one of which a line must hold to match. */
  private record Rule(LineReason reason, String[] triggers, Pattern pattern) {
    boolean mayMatch(String line) {
      for (String trigger : triggers) {
        if (line.contains(trigger)) {
          return true;
        }
      }
      return false;
    }
  }
}
