package io.newsframe.clean;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Chrome that names the outlet: "Site icon YCNews", "(Alliance News):", "GENERICO.ruWorld...". */
final class SourceChrome {
  private static final Pattern SITE_ICON = Pattern.compile("^(?:site (?:icon|logo)|logo)[:\\s]+(.{2,40})$",
      Pattern.CASE_INSENSITIVE);

  private SourceChrome() {}

  static boolean isSourceLine(String line) {
    return SITE_ICON.matcher(line.strip()).matches();
  }

  static String siteIcon(String line) {
    Matcher m = SITE_ICON.matcher(line.strip());
    return m.matches() ? m.group(1).strip() : null;
  }
}
