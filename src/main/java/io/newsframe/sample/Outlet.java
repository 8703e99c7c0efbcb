package io.newsframe.sample;

import java.util.List;

/**
 * A news site of the sample: its name and host, the camp it leans to, how it dates and datelines
 * its articles, the chrome a scraper picks up around the body, and whether it is scraped as text
 * files or delivered as a JSONL feed.
 */
record Outlet(
    String name,
    String slug,
    String host,
    Camp camp,
    DateStyle dateStyle,
    boolean feed,
    boolean machineTranslated,
    List<String> header,
    List<String> footer,
    boolean teasers,
    boolean gluedText) {

  /** How an outlet writes the date of an article. */
  enum DateStyle {
    /** "March 19, 2021" in a line of its own. */
    LONG_US,
    /** "19 March 2021". */
    LONG_EU,
    /** "2021-03-19". */
    ISO,
    /** "WASHINGTON Dec 31": no year. */
    DATELINE_SHORT,
    /** "ISLAMABAD, June 16 (Outlet):": no year. */
    DATELINE_AGENCY,
    /** "on the 24th": day of month only, in the text. */
    ORDINAL_DAY,
    /** "Friday, March 19, 2021" in the first sentence. */
    WEEKDAY_LONG,
    /** "19.03.2021". */
    DOTTED
  }

  static final List<Outlet> ALL = List.of(
      new Outlet("YCNews", "ycnews", "ycnews.example", Camp.EAST, DateStyle.ORDINAL_DAY, false, true,
          List.of("Site icon YCNews"),
          List.of("Exit mobile version"), false, false),
      new Outlet("Generico", "generico", "generico.example.ru", Camp.EAST, DateStyle.DATELINE_SHORT, false, true,
          List.of("GENERICO.ruWorld%TITLE%"),
          List.of("Please enter your comment!", "Please enter your name here", "LATEST POSTS in this category"),
          false, false),
      new Outlet("TKS", "tks", "tks-blog.example", Camp.EAST, DateStyle.WEEKDAY_LONG, false, true,
          List.of(", pub-%PUB%, DIRECT, f08c47fec0942fa0 TKS: %TITLE%"),
          List.of("No comments:", "Post a Comment"), true, false),
      new Outlet("Alliance Wire", "alliance", "alliancewire.example.pk", Camp.EAST, DateStyle.DATELINE_AGENCY, false, false,
          List.of("Home", "World", "Business", "Sports"),
          List.of("Please enter your comment!", "Please enter your name here"), false, false),
      new Outlet("Eurasia Herald", "eurasia", "eurasiaherald.example", Camp.EAST, DateStyle.DOTTED, false, true,
          List.of("Eurasia Herald", "Menu", "Search", "News | Politics | Economy | Opinion"),
          List.of("Source link", "Leave a Reply", "Your email address will not be published. Required fields are marked *",
              "Back to top button"), false, false),
      new Outlet("Northern Courier", "northern", "northern-courier.example", Camp.EAST, DateStyle.ISO, true, false,
          List.of(), List.of(), false, true),
      new Outlet("Atlantic Ledger", "atlantic", "atlanticledger.example.com", Camp.WEST, DateStyle.LONG_US, false, false,
          List.of("Skip to content", "Atlantic Ledger", "World | Politics | Business | Opinion | Video",
              "Advertisement"),
          List.of("Share this article", "Share on Facebook", "Share on Twitter",
              "Sign up for our daily newsletter", "We use cookies to improve your experience. Accept all cookies",
              "© 2023 Atlantic Ledger. All rights reserved."), true, false),
      new Outlet("Capitol Dispatch", "capitol", "capitoldispatch.example.com", Camp.WEST, DateStyle.LONG_US, false, false,
          List.of("Capitol Dispatch", "Subscribe", "Log in"),
          List.of("Related Coverage", "Copyright 2023 Capitol Dispatch", "Terms of Use | Privacy Policy"), true, false),
      new Outlet("Liberty Review", "liberty", "libertyreview.example.org", Camp.WEST, DateStyle.LONG_EU, false, false,
          List.of("Liberty Review", "Home » World » Europe"),
          List.of("Leave a Reply", "Your email address will not be published. Required fields are marked *",
              "Back to top button", "Exit mobile version"), false, false),
      new Outlet("Western Wire", "westernwire", "westernwire.example.co.uk", Camp.WEST, DateStyle.ISO, true, false,
          List.of(), List.of(), false, true),
      new Outlet("Baltic Monitor", "baltic", "balticmonitor.example.eu", Camp.WEST, DateStyle.DATELINE_AGENCY, false, false,
          List.of("Baltic Monitor", "Latest", "Ukraine", "Security", "Energy"),
          List.of("Read more:", "Subscribe to Baltic Monitor", "Follow us on Telegram"), true, false),
      new Outlet("Pacific Observer", "pacific", "pacificobserver.example", Camp.WEST, DateStyle.LONG_EU, false, false,
          List.of("Pacific Observer", "Edition: International"),
          List.of("Share", "Comments", "Most Read", "Back to top"), false, false));
}
