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
   * except a bracketed list, "[10, 20, 30]", which is read as a HOCON list.
   */
  private static Config overridesAsConfig(Map<String, String> overrides) {
    Config config = ConfigFactory.empty();
    for (Map.Entry<String, String> entry : new TreeMap<>(overrides).entrySet()) {
      String key = entry.getKey().trim();
      String path = key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
      try {
        ConfigValue value = isList(entry.getValue())
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
        nonBlank(c, "spark.master"), nonBlank(c, "spark.app-name"), sparkConf(c.getConfig("spark.conf")));
    Config fields = c.getConfig("input.fields");
    InputSettings input = new InputSettings(
        nonBlank(c, "input.uri"),
        InputFormat.parse(c.getString("input.format"), "newsframe.input.format"),
        new FieldMapping(
            nonBlank(fields, "id"), nonBlank(fields, "text"), nonBlank(fields, "title"),
            nonBlank(fields, "date"), nonBlank(fields, "source"), nonBlank(fields, "url")),
        c.getString("input.id-root").strip());
    IngestSettings ingest = new IngestSettings(
        positive(c, "ingest.max-record-bytes"),
        (int) positive(c, "ingest.excerpt-chars"),
        ratio(c, "ingest.max-control-char-ratio"),
        positive(c, "ingest.bytes-per-task"),
        IngestSettings.Mode.parse(c.getString("ingest.mode"), c.getValue("ingest.mode").origin().description()));
    CleanSettings clean = readClean(c.getConfig("clean"));
    SampleSettings sample = new SampleSettings(
        nonBlank(c, "sample.dir"), (int) positive(c, "sample.articles"), c.getLong("sample.seed"));
    return new NewsframeConfig(spark, nonBlank(c, "warehouse"), identifier(c, "catalog"),
        identifier(c, "namespace"), input, ingest, clean, readFeatures(c.getConfig("features")),
        readTopics(c.getConfig("topics")), readStance(c.getConfig("stance")), sample,
        readOperations(c.getConfig("operations")), readModels(c.getConfig("models")), digest);
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
    return new OperationsSettings(lock, c.getDuration("progress-interval"),
        new OperationsSettings.Maintenance(m.getBoolean("enabled"), positiveDuration(m, "snapshot-age"),
            (int) positive(m, "retain-last"), positiveDuration(m, "orphan-age"), (int) positive(m, "min-input-files"),
            (int) positive(m, "delete-file-threshold"), (int) positive(m, "keep-model-runs")));
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
        new FeaturesSettings.Phrases((int) nonNegative(c, "phrases.passes"), (int) positive(c, "phrases.min-count"),
            c.getDouble("phrases.threshold"), (int) positive(c, "phrases.max")),
        new FeaturesSettings.Vocabulary((int) positive(c, "vocabulary.min-docs"),
            ratio(c, "vocabulary.max-doc-share"), (int) positive(c, "vocabulary.max-size")), nonBlank(c, "model"));
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
    return new TopicsSettings(topics, (int) positive(c, "iterations"), (int) nonNegative(c, "aligned-sweeps"),
        (int) positive(c, "sweeps-per-sync"),
        (int) nonNegative(c, "burn-in"), (int) nonNegative(c, "optimize-interval"), c.getDouble("alpha-sum"),
        c.getDouble("beta"), c.getLong("seed"), (int) positive(c, "top-terms"), (int) nonNegative(c, "partitions"),
        nonNegative(c, "driver-max-tokens"), nonBlank(c, "model"), java.util.List.copyOf(candidates), (int) positive(c, "auto.iterations"),
        (int) positive(c, "min-documents-per-topic"));
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
    var lexicon = new StanceSettings.Lexicon(terms(l, "positive"), terms(l, "negative"),
        (int) positive(l, "window"), (int) positive(l, "min-count"), l.getDouble("min-polarity"),
        (int) positive(l, "max-size"));
    List<StanceSettings.Target> targets = new ArrayList<>();
    Config t = c.getConfig("targets");
    for (String key : new TreeSet<>(t.root().keySet())) {
      if (!IDENTIFIER.matcher(key).matches()) {
        throw new ConfigError(t.getValue(key).origin().description() + ": newsframe.stance.targets." + key
            + ": a target's key must be a lower-case identifier (it names feature columns)");
      }
      Config target = t.getConfig(key);
      targets.add(new StanceSettings.Target(key, nonBlank(target, "display"), terms(target, "names"),
          target.hasPath("titles") ? target.getStringList("titles") : List.of(),
          target.hasPath("voices") ? target.getStringList("voices") : List.of()));
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
    return new StanceSettings(nonBlank(c, "model"), clusters, (int) positive(c, "min-articles-per-cluster"),
        new StanceSettings.Auto(List.copyOf(candidates), (int) positive(c, "auto.seeds"), ratio(c, "auto.min-stability"),
            ratio(c, "auto.silhouette-tolerance"),
            (int) positive(c, "auto.sample")),
        c.getLong("seed"), (int) positive(c, "max-iterations"), terms(c, "cluster-features"),
        (int) nonNegative(c, "min-body-words"),
        new StanceSettings.PerTopic((int) positive(c, "per-topic.min-articles"), (int) nonNegative(c, "per-topic.max-topics")),
        (int) positive(c, "window"), (int) positive(c, "evidence"), lexicon, List.copyOf(targets),
        new StanceSettings.Attribution(terms(c, "attribution.verbs"), terms(c, "attribution.phrases")),
        java.util.Collections.unmodifiableMap(framing), List.copyOf(axes),
        new StanceSettings.AxisTerms((int) positive(c, "axis-terms.min-docs"), (int) positive(c, "axis-terms.max-terms"),
            ratio(c, "axis-terms.reg-param"), (int) positive(c, "axis-terms.max-iterations"),
            lowerCaseSet(c.getStringList("axis-terms.exclude"))),
        terms(c, "hedges"),
        new StanceSettings.ScareQuotes((int) positive(c, "scare-quotes.max-words"), terms(c, "scare-quotes.terms")),
        new StanceSettings.Relations(terms(c, "relations.cooperation"), terms(c, "relations.conflict")));
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
    return new CleanSettings(
        new CleanSettings.RepeatedLines((int) positive(c, "repeated-lines.min-docs"),
            (int) positive(c, "repeated-lines.max-short-words"), (int) positive(c, "repeated-lines.min-docs-long"),
            (int) positive(c, "repeated-lines.max-lines"), (int) nonNegative(c, "repeated-lines.passage-words")),
        new CleanSettings.Boilerplate((int) positive(c, "boilerplate.short-chars"),
            (int) positive(c, "boilerplate.long-chars"), ratio(c, "boilerplate.stop-word-density"),
            (int) positive(c, "boilerplate.min-body-chars-before-end"),
            (int) positive(c, "boilerplate.max-heading-distance"), c.getBoolean("boilerplate.inline-chrome")),
        new CleanSettings.Quality((int) positive(q, "min-words"), (int) positive(q, "max-words"),
            q.getDouble("min-mean-word-length"), q.getDouble("max-mean-word-length"),
            ratio(q, "max-symbol-ratio"), ratio(q, "max-ellipsis-lines"), ratio(q, "max-bullet-lines"),
            ratio(q, "min-alpha-words"), (int) q.getLong("min-stop-words"), ratio(q, "max-duplicate-lines"),
            ratio(q, "max-duplicate-line-chars"), q.getDoubleList("max-top-ngram-chars"),
            q.getDoubleList("max-duplicate-ngram-chars")),
        new CleanSettings.Dedup((int) positive(d, "shingle-words"), bands, rows, ratio(d, "threshold"),
            (int) positive(d, "max-bucket"), d.getLong("seed")),
        new CleanSettings.Language(c.getStringList("language.targets"),
            (int) positive(c, "language.detect-chars"), ratio(c, "language.min-confidence")),
        referenceDate, nonBlank(c, "model"));
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
