package io.newsframe.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One self-contained HTML page for a run, from {@link ReportData}: inline CSS and SVG, nothing
 * fetched, no script. The template ({@code report.mustache}) is rendered by Mustache, which
 * HTML-escapes every value it inserts; the page builds no markup from data itself, only numbers
 * (bar lengths, points, colour strengths) that the template puts into attributes.
 */
public final class ReportPage {
  /** No script from anywhere; styles only inline; images only as data. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
  private static final int BAR_WIDTH = 220;
  private static final int TREND_WIDTH = 260;
  private static final int LABEL_CHARS = 18;
  private static final int TREND_HEIGHT = 48;
  private static final Mustache TEMPLATE = new DefaultMustacheFactory("io/newsframe/report")
      .compile("report.mustache");

  private ReportPage() {}

  public static String render(ReportData data) {
    StringWriter out = new StringWriter();
    TEMPLATE.execute(out, scope(data));
    return out.toString();
  }

  private static Map<String, Object> scope(ReportData data) {
    Map<String, Object> page = new LinkedHashMap<>();
    page.put("csp", CONTENT_SECURITY_POLICY);
    page.put("run", data.run());
    page.put("notes", entries(data.run().notes()));
    page.put("hasNotes", !data.run().notes().isEmpty());
    page.put("models", entries(data.run().models()));
    page.put("stages", data.stages().stream().map(s -> Map.of("name", s.name(), "rowsIn", s.rowsIn(),
        "rowsOut", s.rowsOut(), "rowsRejected", s.rowsRejected(), "seconds", fixed(s.seconds(), 1))).toList());
    page.put("accounting", accounting(data.accounting()));
    page.put("rejects", bars(data.rejects()));
    page.put("removedLines", bars(data.removedLines()));
    page.put("qualityFlags", bars(data.qualityFlags()));
    page.put("languages", bars(data.languages()));
    page.put("duplicateSizes", bars(data.duplicateSizes()));
    page.put("removedBySource", data.removedBySource().stream().map(s -> Map.of("source", s.source(),
        "articles", s.articles(), "lines", s.lines(), "perArticle", fixed(s.articles() == 0 ? 0 : (double) s.lines()
            / s.articles(), 1), "reasons", String.join(", ", s.byReason().entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
            .map(e -> e.getKey() + " " + e.getValue()).toList()))).toList());
    page.put("topics", data.topics().stream().map(t -> topic(t, data.trendPeriods())).toList());
    page.put("hasTopics", !data.topics().isEmpty());
    page.put("periods", data.trendPeriods().isEmpty() ? "" : data.trendPeriods().get(0) + " to "
        + data.trendPeriods().get(data.trendPeriods().size() - 1));
    page.put("clusters", data.clusters().stream().map(ReportPage::cluster).toList());
    page.put("hasClusters", !data.clusters().isEmpty());
    page.put("sourceByCluster", heatmap(data.sourceByCluster()));
    page.put("topicByCluster", heatmap(data.topicByCluster()));
    return page;
  }

  private static List<Map<String, Object>> entries(Map<String, String> map) {
    return map.entrySet().stream().map(e -> Map.<String, Object>of("key", e.getKey(), "value", e.getValue())).toList();
  }

  private static Map<String, Object> accounting(ReportData.Accounting a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("recordsRead", a.recordsRead());
    out.put("rejected", a.rejected());
    out.put("articles", a.articles());
    out.put("duplicates", a.duplicates());
    out.put("flagged", a.flagged());
    out.put("modelled", a.modelled());
    out.put("reconciles", a.recordsRead() == a.articles() + a.rejected()
        && a.articles() == a.duplicates() + a.flagged() + a.modelled());
    return out;
  }

  /** Horizontal bars scaled to the largest count, a row of 16 px each. */
  private static Map<String, Object> bars(List<ReportData.Count> counts) {
    long max = counts.stream().mapToLong(ReportData.Count::count).max().orElse(1);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < counts.size(); i++) {
      ReportData.Count c = counts.get(i);
      double width = BAR_WIDTH * (double) c.count() / Math.max(1, max);
      items.add(Map.of("key", c.key(), "label", shortened(c.key()), "count", c.count(), "width", fixed(width, 1), "y", i * 16,
          "textY", i * 16 + 11, "countX", fixed(134 + width, 1)));
    }
    return Map.of("items", items, "hasItems", !items.isEmpty(), "height", Math.max(16, items.size() * 16));
  }

  private static Map<String, Object> topic(ReportData.Topic t, List<String> periods) {
    double max = t.weights().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    List<Map<String, Object>> terms = new ArrayList<>();
    for (int i = 0; i < t.terms().size(); i++) {
      terms.add(Map.of("term", t.terms().get(i), "label", shortened(t.terms().get(i)), "y", i * 16, "textY", i * 16 + 11,
          "width", fixed(BAR_WIDTH * t.weights().get(i) / Math.max(max, 1e-12), 1),
          "weight", fixed(t.weights().get(i), 4)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("topic", t.topic());
    out.put("label", t.label());
    out.put("prevalence", percent(t.prevalence()));
    out.put("npmi", fixed(t.npmi(), 3));
    out.put("terms", terms);
    out.put("barsHeight", t.terms().size() * 16);
    out.put("titles", t.titles());
    out.put("trend", trendPoints(t.monthlyShares()));
    out.put("hasTrend", periods.size() > 1);
    out.put("latestShare", t.monthlyShares().isEmpty() ? "" : percent(t.monthlyShares().get(t.monthlyShares().size() - 1)));
    return out;
  }

  /** An SVG polyline's points for shares over months, scaled to the topic's own peak. */
  private static String trendPoints(List<Double> shares) {
    double max = shares.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<String> points = new ArrayList<>();
    for (int i = 0; i < shares.size(); i++) {
      double x = shares.size() == 1 ? 0 : TREND_WIDTH * (double) i / (shares.size() - 1);
      double y = TREND_HEIGHT - (max <= 0 ? 0 : (TREND_HEIGHT - 4) * shares.get(i) / max) - 2;
      points.add(fixed(x, 1) + "," + fixed(y, 1));
    }
    return String.join(" ", points);
  }

  private static Map<String, Object> cluster(ReportData.Cluster c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cluster", c.cluster());
    out.put("size", c.size());
    out.put("description", c.description());
    out.put("sources", String.join(", ", c.sources()));
    out.put("terms", String.join(", ", c.terms()));
    out.put("titles", c.titles());
    out.put("example", c.example());
    out.put("evidence", c.example() == null ? List.of() : c.example().evidence().stream().map(e -> Map.of(
        "feature", e.feature(), "term", e.term(), "sentence", e.sentence(), "weight", fixed(e.weight(), 2))).toList());
    return out;
  }

  /** A table whose cells are shaded by share; -1 is the column of unplaced articles. */
  private static Map<String, Object> heatmap(ReportData.Matrix m) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < m.rows().size(); r++) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (double share : m.shares().get(r)) {
        cells.add(Map.of("share", percent(share), "alpha", fixed(Math.min(1, Math.max(0, share)) * 0.85, 3),
            "dark", share > 0.55));
      }
      rows.add(Map.of("name", m.rows().get(r), "articles", m.rowArticles().get(r), "cells", cells));
    }
    return Map.of("columns", m.columns().stream().map(c -> c < 0 ? "unplaced" : String.valueOf(c)).toList(),
        "rows", rows, "empty", rows.isEmpty());
  }

  /** A label that fits left of a bar; the whole text is the bar's tooltip. */
  private static String shortened(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }
}
