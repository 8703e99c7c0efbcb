package io.newsframe.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsframe.report.ReportData.Cluster;
import io.newsframe.report.ReportData.Count;
import io.newsframe.report.ReportData.Evidence;
import io.newsframe.report.ReportData.Example;
import io.newsframe.report.ReportData.Matrix;
import io.newsframe.report.ReportData.Topic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page escapes every scraped string and runs no script: checked on the markup, and in headless
 * Chromium, which parses the page as a reader's browser does and screenshots it.
 */
class ReportPageTest {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(2)>";
  private static final String QUOTE_BREAK = "\" onmouseover=\"alert(3)";

  /** A run whose titles, sources, labels and evidence carry markup, as a scraper may bring. */
  static ReportData injected() {
    var run = new ReportData.Run("20261201-abc", LocalDate.of(2026, 12, 1), 1, "incoming/" + SCRIPT, "local[2]",
        "0.1.0", "0123456789abcdef", "2026-12-01 02:00:00", "2026-12-01 02:05:00",
        Map.of("stance", "one cluster " + IMG), Map.of("topics", "/models/topics/x"));
    var stages = List.of(new ReportData.Stage("ingest", 10, 8, 2, 1.5), new ReportData.Stage("clean", 8, 8, 0, 2.5));
    var accounting = new ReportData.Accounting(10, 2, 8, 1, 2, 5);
    var topic = new Topic(0, "kremlin / talks " + SCRIPT, List.of("kremlin", "peskov" + IMG, "talks"),
        List.of(0.05, 0.03, 0.01), 0.4, 0.12, List.of("Headline " + SCRIPT), List.of(0.2, 0.35, 0.3));
    var evidence = List.of(new Evidence("framing.loaded", "kiev" + QUOTE_BREAK, "He said " + IMG + " in Kiev.", 2.0));
    var cluster = new Cluster(0, 5, "writes 'kiev' " + SCRIPT, List.of("East Wire " + IMG), List.of("kiev"),
        List.of("Title " + SCRIPT), new Example("Example " + SCRIPT, "Source " + IMG, evidence));
    var sources = new Matrix(List.of("East Wire " + SCRIPT), List.of(5L), List.of(-1, 0), List.of(List.of(0.2, 0.8)));
    var topics = new Matrix(List.of("0"), List.of(5L), List.of(0), List.of(List.of(1.0)));
    return new ReportData(run, stages, accounting, List.of(new Count("binary" + IMG, 2)),
        List.of(new Count("repeated_line", 40), new Count("byline", 3)),
        List.of(new ReportData.SourceRemoval("East Wire " + IMG, 5, 43, Map.of("repeated_line", 40L))),
        List.of(new Count("too_few_words", 2)), List.of(new Count("eng", 8)), List.of(new Count("2", 1)),
        List.of(topic), List.of("2026-10", "2026-11", "2026-12"), List.of(cluster), sources, topics);
  }

  @Test
  void escapesScrapedStringsAndAllowsNoScript() {
    String html = ReportPage.render(injected());
    assertFalse(html.contains(SCRIPT), "raw script in the page");
    assertFalse(html.contains("<img"), "raw img in the page");
    assertFalse(html.contains(QUOTE_BREAK), "an attribute-breaking quote in the page");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown as text");
    assertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;")
        || html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;"), html);
    assertFalse(html.contains("http://") || html.contains("https://"), "the page must fetch nothing");
    // The numbers: accounting, the bars' geometry, the heat map's shares.
    assertTrue(html.contains("The counts reconcile"), html);
    assertTrue(html.contains(">80.0%<") && html.contains(">unplaced<"), html);
    assertTrue(html.contains("width=\"220.0\""), "the longest bar is full length");
  }

  @Test
  void chromiumShowsInjectedMarkupAsText(@TempDir Path dir) throws Exception {
    Path chromium = Path.of(System.getenv().getOrDefault("NEWSFRAME_CHROMIUM", "/usr/bin/chromium"));
    Assumptions.assumeTrue(Files.isExecutable(chromium),
        "no Chromium at " + chromium + " (jobs/test installs Debian's chromium): browser check skipped");
    Path page = dir.resolve("report.html");
    Files.writeString(page, ReportPage.render(injected()), StandardCharsets.UTF_8);

    String dom = run(chromium, dir, "--dump-dom", page.toUri().toString());
    // The DOM as the browser built it: no element from the data, only the page's own.
    assertEquals(List.of(), elements(dom, "script"));
    assertEquals(List.of(), elements(dom, "img"));
    assertFalse(Pattern.compile("<[a-z]+[^>]*\\s(onerror|onmouseover)=").matcher(dom).find(), "an injected attribute");
    assertTrue(dom.contains("Example &lt;script&gt;alert(1)&lt;/script&gt;"), "the evidence title as text");
    assertTrue(dom.contains("He said &lt;img src=x onerror=alert(2)&gt; in Kiev."), "the evidence sentence as text");
    assertTrue(dom.contains("East Wire &lt;script&gt;"), "the source as text");
    assertEquals(7, elements(dom, "svg").size(), "the five cleaning lists' bars, the topic's term bars and trend");

    Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    run(chromium, dir, "--screenshot=" + png, "--window-size=1200,1800", page.toUri().toString());
    assertTrue(Files.size(png) > 10_000, "a screenshot of the page at " + png);
  }

  private static List<String> elements(String dom, String tag) {
    Matcher m = Pattern.compile("<" + tag + "[\\s>]").matcher(dom);
    List<String> found = new java.util.ArrayList<>();
    while (m.find()) {
      found.add(dom.substring(m.start(), Math.min(dom.length(), m.start() + 80)));
    }
    return found;
  }

  /** Chromium headless with a fresh profile and its background connections off (the network is closed). */
  private static String run(Path chromium, Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("chromium.log")));
    return new String(out, StandardCharsets.UTF_8);
  }
}
