package io.newsframe.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads {@code conf/local.conf} (shipped in the jar), lays a user file and command-line overrides
 * over it, and turns the result into a checked {@link NewsframeConfig}.
 */
public final class ConfigLoader {
  static final String ROOT = "newsframe";
  static final String DEFAULTS_RESOURCE = "io/newsframe/config/local.conf";
  static final String DEFAULTS_PROPERTY = "newsframe.defaults";
  /** The one open map: any Spark property may be set under it. */
  private static final String OPEN_SPARK_CONF = ROOT + ".spark.conf";
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  private ConfigLoader() {}

  /** The defaults alone. */
  public static NewsframeConfig defaults() {
    return load(null, Map.of());
  }

  /**
   * @param userFile a HOCON file laid over the defaults, or null
   * @param overrides key = value pairs laid over both; keys may omit the leading {@code newsframe.}
   */
  public static NewsframeConfig load(Path userFile, Map<String, String> overrides) {
    Config defaults = defaultsFile();
    Config user = userFile == null ? ConfigFactory.empty() : parseUserFile(userFile);
    Config fromCommandLine = overridesAsConfig(overrides);
    rejectUnknownKeys(user, defaults);
    rejectUnknownKeys(fromCommandLine, defaults);
    Config merged = fromCommandLine.withFallback(user).withFallback(defaults);
    try {
      merged = merged.resolve();
      return read(merged.getConfig(ROOT), digestOf(merged.getConfig(ROOT)));
    } catch (ConfigException e) {
      throw new ConfigError(oneLine(e), e);
    }
  }

  /**
   * conf/local.conf as the launcher names it ({@code -Dnewsframe.defaults}), read at run time so
   * that editing it needs no build; else the copy inside the jar (a cluster-mode driver, tests).
   */
  private static Config defaultsFile() {
    String file = System.getProperty(DEFAULTS_PROPERTY);
    if (file != null && !file.isBlank() && Files.isRegularFile(Path.of(file))) {
      return parseUserFile(Path.of(file));
    }
    return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), DEFAULTS_RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false));
  }

  private static Config parseUserFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError("configuration file not found: " + file);
    }
    try {
      return ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
    } catch (ConfigException e) {
      throw new ConfigError(oneLine(e), e);
    }
  }

  /**
   * Values from the command line stay strings (typed getters convert "300" or "true" as needed),
   * except a bracketed list, "[10, 20, 30]", which is read as a HOCON list, and a double-quoted
   * string, read as HOCON reads it (quotes off, escapes applied), as it would be in a conf file.
   */
  private static Config overridesAsConfig(Map<String, String> overrides) {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, String> entry : new TreeMap<>(overrides).entrySet()) {
      String key = entry.getKey().trim();
      String path = key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
      try {
        ConfigValue value = isList(entry.getValue()) || isQuoted(entry.getValue())
            ? ConfigFactory.parseString("v = " + entry.getValue().trim()).getValue("v")
            : ConfigValueFactory.fromAnyRef(entry.getValue(), "--set " + key);
        config = config.withValue(path, value);
      } catch (ConfigException e) {
        throw new ConfigError("--set " + key + ": not a valid key or value (" + e.getMessage() + ")", e);
      }
    }
    return config;
  }

  private static boolean isList(String value) {
    String v = value.trim();
    return v.startsWith("[") && v.endsWith("]");
  }

  private static boolean isQuoted(String value) {
    String v = value.trim();
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"");
  }

  private static void rejectUnknownKeys(Config layer, Config defaults) {
    for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
      String path = entry.getKey();
      if (path.startsWith(OPEN_SPARK_CONF + ".")) {
        continue;
      }
      if (!defaults.hasPathOrNull(path)) {
        throw new ConfigError(
            entry.getValue().origin().description() + ": unknown key '" + path + "'");
      }
    }
  }

  private static NewsframeConfig read(Config c, String digest) {
    SparkSettings spark = new SparkSettings(
        nonBlank(c, "spark.master"), nonBlank(c, "spark.app-name"), sparkConf(c.getConfig("spark.conf")),
        nonNegative(c, "spark.compile-expressions-from"), nonNegative(c, "spark.adaptive-execution-from"));
    Config fields = c.getConfig("input.fields");
    InputSettings input = new InputSettings(
        nonBlank(c, "input.uri"),
        InputFormat.parse(c.getString("input.format"), "newsframe.input.format"),
        new FieldMapping(
            nonBlank(fields, "id"), nonBlank(fields, "text"), nonBlank(fields, "title"),
            nonBlank(fields, "date"), nonBlank(fields, "source"), nonBlank(fields, "url")),
        c.getString("input.id-root").strip());
    IngestSettings ingest = ByName.of(IngestSettings.class)
        .set("maxRecordBytes", positive(c, "ingest.max-record-bytes"))
        .set("excerptChars", (int) positive(c, "ingest.excerpt-chars"))
        .set("maxControlCharRatio", ratio(c, "ingest.max-control-char-ratio"))
        .set("bytesPerTask", positive(c, "ingest.bytes-per-task"))
        .set("mode", IngestSettings.Mode.parse(c.getString("ingest.mode"), c.getValue("ingest.mode").origin().description()))
        .build();
    CleanSettings clean = readClean(c.getConfig("clean"));
    SampleSettings sample = new SampleSettings(
        nonBlank(c, "sample.dir"), (int) positive(c, "sample.articles"), c.getLong("sample.seed"));
    return ByName.of(NewsframeConfig.class)
        .set("spark", spark)
        .set("warehouse", nonBlank(c, "warehouse"))
        .set("catalog", identifier(c, "catalog"))
        .set("namespace", identifier(c, "namespace"))
        .set("input", input)
        .set("ingest", ingest)
        .set("clean", clean)
        .set("features", readFeatures(c.getConfig("features")))
        .set("topics", readTopics(c.getConfig("topics")))
        .set("stance", readStance(c.getConfig("stance")))
        .set("sample", sample)
        .set("operations", readOperations(c.getConfig("operations")))
        .set("models", readModels(c.getConfig("models")))
        .set("digest", digest)
        .build();
  }

  private static ModelSettings readModels(Config c) {
    java.time.Duration every = c.getDuration("retrain-every");
    if (every.isNegative()) {
      throw new ConfigError(c.getValue("retrain-every").origin().description()
          + ": newsframe.models.retrain-every must not be negative (0: never for age)");
    }
    return new ModelSettings(every, c.getBoolean("retrain"));
  }

  private static OperationsSettings readOperations(Config c) {
    var lock = new OperationsSettings.Lock(positiveDuration(c, "lock.heartbeat"), positiveDuration(c, "lock.stale-after"));
    if (lock.staleAfter().compareTo(lock.heartbeat().multipliedBy(2)) < 0) {
      throw new ConfigError(c.getValue("lock.stale-after").origin().description()
          + ": newsframe.operations.lock.stale-after must be at least twice lock.heartbeat");
    }
    Config m = c.getConfig("maintenance");
    return new OperationsSettings(lock, c.getDuration("progress-interval"), nonNegative(c, "side-by-side-below"),
        ByName.of(OperationsSettings.Maintenance.class)
            .set("enabled", m.getBoolean("enabled"))
            .set("snapshotAge", positiveDuration(m, "snapshot-age"))
            .set("retainLast", (int) positive(m, "retain-last"))
            .set("orphanAge", positiveDuration(m, "orphan-age"))
            .set("orphanCheckEvery", positiveDuration(m, "orphan-check-every"))
            .set("minInputFiles", (int) positive(m, "min-input-files"))
            .set("smallFileBytes", positive(m, "small-file-bytes"))
            .set("deleteFileThreshold", (int) positive(m, "delete-file-threshold"))
            .set("keepModelRuns", (int) positive(m, "keep-model-runs"))
            .build());
  }

  private static java.time.Duration positiveDuration(Config c, String path) {
    java.time.Duration value = c.getDuration(path);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + path + " must be a positive duration, got "
          + c.getValue(path).unwrapped());
    }
    return value;
  }

  private static FeaturesSettings readFeatures(Config c) {
    if (c.getBoolean("stem") && c.getBoolean("lemmatize")) {
      throw new ConfigError(c.getValue("lemmatize").origin().description()
          + ": newsframe.features.lemmatize and newsframe.features.stem cannot both be true (terms are stems,"
          + " lemmas or words)");
    }
    return new FeaturesSettings(c.getBoolean("stem"), c.getBoolean("lemmatize"),
        ByName.of(FeaturesSettings.Phrases.class)
            .set("passes", (int) nonNegative(c, "phrases.passes"))
            .set("minCount", (int) positive(c, "phrases.min-count"))
            .set("threshold", c.getDouble("phrases.threshold"))
            .set("max", (int) positive(c, "phrases.max"))
            .build(),
        ByName.of(FeaturesSettings.Vocabulary.class)
            .set("minDocs", (int) positive(c, "vocabulary.min-docs"))
            .set("maxDocShare", ratio(c, "vocabulary.max-doc-share"))
            .set("maxSize", (int) positive(c, "vocabulary.max-size"))
            .build(),
        nonBlank(c, "model"));
  }

  private static TopicsSettings readTopics(Config c) {
    int topics = (int) nonNegative(c, "topics");
    if (topics == 1) {
      throw new ConfigError(c.getValue("topics").origin().description()
          + ": newsframe.topics.topics must be at least 2 (or 0: chosen automatically)");
    }
    java.util.List<Integer> candidates = c.getIntList("auto.candidates");
    if (candidates.isEmpty() || candidates.stream().anyMatch(k -> k < 2)) {
      throw new ConfigError(c.getValue("auto.candidates").origin().description()
          + ": newsframe.topics.auto.candidates must list numbers of topics of at least 2");
    }
    return ByName.of(TopicsSettings.class)
        .set("topics", topics)
        .set("iterations", (int) positive(c, "iterations"))
        .set("alignedSweeps", (int) nonNegative(c, "aligned-sweeps"))
        .set("sweepsPerSync", (int) positive(c, "sweeps-per-sync"))
        .set("burnIn", (int) nonNegative(c, "burn-in"))
        .set("optimizeInterval", (int) nonNegative(c, "optimize-interval"))
        .set("alphaSum", c.getDouble("alpha-sum"))
        .set("beta", c.getDouble("beta"))
        .set("seed", c.getLong("seed"))
        .set("topTerms", (int) positive(c, "top-terms"))
        .set("partitions", (int) nonNegative(c, "partitions"))
        .set("driverMaxTokens", nonNegative(c, "driver-max-tokens"))
        .set("model", nonBlank(c, "model"))
        .set("autoCandidates", List.copyOf(candidates))
        .set("autoIterations", (int) positive(c, "auto.iterations"))
        .set("minDocumentsPerTopic", (int) positive(c, "min-documents-per-topic"))
        .build();
  }

  private static StanceSettings readStance(Config c) {
    int clusters = (int) nonNegative(c, "clusters");
    if (clusters == 1) {
      throw new ConfigError(c.getValue("clusters").origin().description()
          + ": newsframe.stance.clusters must be at least 2 (or 0: chosen automatically)");
    }
    List<Integer> candidates = c.getIntList("auto.candidates");
    if (candidates.isEmpty() || candidates.stream().anyMatch(k -> k < 2)) {
      throw new ConfigError(c.getValue("auto.candidates").origin().description()
          + ": newsframe.stance.auto.candidates must list numbers of clusters of at least 2");
    }
    Config l = c.getConfig("lexicon");
    var lexicon = ByName.of(StanceSettings.Lexicon.class)
        .set("positive", terms(l, "positive"))
        .set("negative", terms(l, "negative"))
        .set("window", (int) positive(l, "window"))
        .set("minCount", (int) positive(l, "min-count"))
        .set("minPolarity", l.getDouble("min-polarity"))
        .set("maxSize", (int) positive(l, "max-size"))
        .build();
    List<StanceSettings.Target> targets = new ArrayList<>();
    Config t = c.getConfig("targets");
    for (String key : new TreeSet<>(t.root().keySet())) {
      if (!IDENTIFIER.matcher(key).matches()) {
        throw new ConfigError(t.getValue(key).origin().description() + ": newsframe.stance.targets." + key
            + ": a target's key must be a lower-case identifier (it names feature columns)");
      }
      Config target = t.getConfig(key);
      targets.add(ByName.of(StanceSettings.Target.class)
          .set("key", key)
          .set("display", nonBlank(target, "display"))
          .set("names", terms(target, "names"))
          .set("titles", target.hasPath("titles") ? target.getStringList("titles") : List.of())
          .set("voices", target.hasPath("voices") ? target.getStringList("voices") : List.of())
          .build());
    }
    if (targets.isEmpty()) {
      throw new ConfigError(t.origin().description() + ": newsframe.stance.targets must name at least one target");
    }
    Map<String, List<String>> framing = new LinkedHashMap<>();
    Config f = c.getConfig("framing");
    for (String group : new TreeSet<>(f.root().keySet())) {
      if (!IDENTIFIER.matcher(group).matches()) {
        throw new ConfigError(f.getValue(group).origin().description() + ": newsframe.stance.framing." + group
            + ": a framing group's name must be a lower-case identifier (it names a feature column)");
      }
      framing.put(group, terms(f, group));
    }
    List<StanceSettings.Axis> axes = new ArrayList<>();
    Config x = c.getConfig("axes");
    for (String name : new TreeSet<>(x.root().keySet())) {
      List<String> a = terms(x, name + ".a");
      List<String> b = terms(x, name + ".b");
      for (String group : concat(a, b)) {
        if (!framing.containsKey(group)) {
          throw new ConfigError(x.getValue(name).origin().description() + ": newsframe.stance.axes." + name
              + ": '" + group + "' is not a framing group; groups are " + framing.keySet());
        }
      }
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new ConfigError(x.getValue(name).origin().description() + ": newsframe.stance.axes." + name
            + ": an axis name must be a lower-case identifier (it names a feature column)");
      }
      axes.add(new StanceSettings.Axis(name, a, b));
    }
    return ByName.of(StanceSettings.class)
        .set("model", nonBlank(c, "model"))
        .set("clusters", clusters)
        .set("minArticlesPerCluster", (int) positive(c, "min-articles-per-cluster"))
        .set("auto", ByName.of(StanceSettings.Auto.class)
            .set("candidates", List.copyOf(candidates))
            .set("seeds", (int) positive(c, "auto.seeds"))
            .set("minStability", ratio(c, "auto.min-stability"))
            .set("silhouetteTolerance", ratio(c, "auto.silhouette-tolerance"))
            .set("sample", (int) positive(c, "auto.sample"))
            .build())
        .set("seed", c.getLong("seed"))
        .set("maxIterations", (int) positive(c, "max-iterations"))
        .set("clusterFeatures", terms(c, "cluster-features"))
        .set("minBodyWords", (int) nonNegative(c, "min-body-words"))
        .set("perTopic", new StanceSettings.PerTopic((int) positive(c, "per-topic.min-articles"),
            (int) nonNegative(c, "per-topic.max-topics")))
        .set("window", (int) positive(c, "window"))
        .set("evidence", (int) positive(c, "evidence"))
        .set("lexicon", lexicon)
        .set("targets", List.copyOf(targets))
        .set("attribution", new StanceSettings.Attribution(terms(c, "attribution.verbs"), terms(c, "attribution.phrases")))
        .set("framing", java.util.Collections.unmodifiableMap(framing))
        .set("axes", List.copyOf(axes))
        .set("axisTerms", ByName.of(StanceSettings.AxisTerms.class)
            .set("minDocs", (int) positive(c, "axis-terms.min-docs"))
            .set("maxTerms", (int) positive(c, "axis-terms.max-terms"))
            .set("regParam", ratio(c, "axis-terms.reg-param"))
            .set("maxIterations", (int) positive(c, "axis-terms.max-iterations"))
            .set("maxTraining", (int) positive(c, "axis-terms.max-training"))
            .set("exclude", lowerCaseSet(c.getStringList("axis-terms.exclude")))
            .build())
        .set("hedges", terms(c, "hedges"))
        .set("scareQuotes", new StanceSettings.ScareQuotes((int) positive(c, "scare-quotes.max-words"),
            terms(c, "scare-quotes.terms")))
        .set("relations", new StanceSettings.Relations(terms(c, "relations.cooperation"), terms(c, "relations.conflict")))
        .build();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static java.util.Set<String> lowerCaseSet(List<String> words) {
    return java.util.Set.copyOf(words.stream().map(w -> w.strip().toLowerCase(java.util.Locale.ROOT)).toList());
  }

  /** A non-empty list of non-blank strings. */
  private static List<String> terms(Config c, String path) {
    List<String> values = c.getStringList(path);
    if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + path
          + " must be a non-empty list of words or phrases");
    }
    return List.copyOf(values);
  }

  private static CleanSettings readClean(Config c) {
    String referenceDate = c.getString("reference-date").strip();
    if (!referenceDate.isEmpty()) {
      try {
        java.time.LocalDate.parse(referenceDate);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ConfigError(c.getValue("reference-date").origin().description()
            + ": newsframe.clean.reference-date '" + referenceDate + "' is not YYYY-MM-DD");
      }
    }
    Config q = c.getConfig("quality");
    Config d = c.getConfig("dedup");
    int bands = (int) positive(d, "bands");
    int rows = (int) positive(d, "rows");
    if (bands * rows > 1024) {
      throw new ConfigError(d.getValue("bands").origin().description()
          + ": newsframe.clean.dedup bands x rows must be at most 1024");
    }
    return ByName.of(CleanSettings.class)
        .set("repeatedLines", ByName.of(CleanSettings.RepeatedLines.class)
            .set("minDocs", (int) positive(c, "repeated-lines.min-docs"))
            .set("maxShortWords", (int) positive(c, "repeated-lines.max-short-words"))
            .set("minDocsLong", (int) positive(c, "repeated-lines.min-docs-long"))
            .set("maxLines", (int) positive(c, "repeated-lines.max-lines"))
            .set("passageWords", (int) nonNegative(c, "repeated-lines.passage-words"))
            .build())
        .set("boilerplate", ByName.of(CleanSettings.Boilerplate.class)
            .set("shortChars", (int) positive(c, "boilerplate.short-chars"))
            .set("longChars", (int) positive(c, "boilerplate.long-chars"))
            .set("stopWordDensity", ratio(c, "boilerplate.stop-word-density"))
            .set("minBodyCharsBeforeEnd", (int) positive(c, "boilerplate.min-body-chars-before-end"))
            .set("maxHeadingDistance", (int) positive(c, "boilerplate.max-heading-distance"))
            .set("inlineChrome", c.getBoolean("boilerplate.inline-chrome"))
            .build())
        .set("quality", ByName.of(CleanSettings.Quality.class)
            .set("minWords", (int) positive(q, "min-words"))
            .set("maxWords", (int) positive(q, "max-words"))
            .set("minMeanWordLength", q.getDouble("min-mean-word-length"))
            .set("maxMeanWordLength", q.getDouble("max-mean-word-length"))
            .set("maxSymbolRatio", ratio(q, "max-symbol-ratio"))
            .set("maxEllipsisLines", ratio(q, "max-ellipsis-lines"))
            .set("maxBulletLines", ratio(q, "max-bullet-lines"))
            .set("minAlphaWords", ratio(q, "min-alpha-words"))
            .set("minStopWords", (int) q.getLong("min-stop-words"))
            .set("maxDuplicateLines", ratio(q, "max-duplicate-lines"))
            .set("maxDuplicateLineChars", ratio(q, "max-duplicate-line-chars"))
            .set("maxTopNgramChars", q.getDoubleList("max-top-ngram-chars"))
            .set("maxDuplicateNgramChars", q.getDoubleList("max-duplicate-ngram-chars"))
            .build())
        .set("dedup", ByName.of(CleanSettings.Dedup.class)
            .set("shingleWords", (int) positive(d, "shingle-words"))
            .set("bands", bands)
            .set("rows", rows)
            .set("threshold", ratio(d, "threshold"))
            .set("maxBucket", (int) positive(d, "max-bucket"))
            .set("seed", d.getLong("seed"))
            .build())
        .set("language", new CleanSettings.Language(c.getStringList("language.targets"),
            (int) positive(c, "language.detect-chars"), ratio(c, "language.min-confidence")))
        .set("referenceDate", referenceDate)
        .set("model", nonBlank(c, "model"))
        .build();
  }

  /** Spark properties in file order; an empty value removes a default instead of setting "". */
  private static Map<String, String> sparkConf(Config conf) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : new TreeMap<>(conf.root()).entrySet()) {
      Object raw = entry.getValue().unwrapped();
      if (raw instanceof Map || raw instanceof Iterable) {
        throw new ConfigError(entry.getValue().origin().description()
            + ": newsframe.spark.conf.\"" + entry.getKey() + "\" must be a single value");
      }
      String value = raw == null ? "" : String.valueOf(raw);
      if (!value.isEmpty()) {
        result.put(entry.getKey(), value);
      }
    }
    return Map.copyOf(result);
  }

  private static String nonBlank(Config c, String path) {
    String value = c.getString(path);
    if (value.isBlank()) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + ROOT + "." + path
          + " must not be empty");
    }
    return value;
  }

  private static String identifier(Config c, String path) {
    String value = nonBlank(c, path);
    if (!IDENTIFIER.matcher(value).matches()) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + ROOT + "." + path
          + " '" + value + "' must be a lower-case SQL identifier");
    }
    return value;
  }

  private static long nonNegative(Config c, String path) {
    long value = c.getLong(path);
    if (value < 0) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + path
          + " must not be negative, got " + value);
    }
    return value;
  }

  private static long positive(Config c, String path) {
    long value = c.getLong(path);
    if (value <= 0) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + path
          + " must be positive, got " + value);
    }
    return value;
  }

  private static double ratio(Config c, String path) {
    double value = c.getDouble(path);
    if (value < 0 || value > 1) {
      throw new ConfigError(c.getValue(path).origin().description() + ": " + ROOT + "." + path
          + " must be between 0 and 1, got " + value);
    }
    return value;
  }

  /**
   * The same settings give the same digest: the rendering is canonical (keys sorted, no comments).
   * Settings that change how a run is operated, not what it computes (operations, ingest.mode),
   * are left out, so a run re-read with --reprocess or under another lock setting is the same run.
   */
  private static String digestOf(Config config) {
    String canonical = config.withoutPath("operations").withoutPath("ingest.mode")
        .root().render(ConfigRenderOptions.concise().setJson(true));
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static String oneLine(ConfigException e) {
    return e.getMessage().replace('\n', ' ');
  }
}
