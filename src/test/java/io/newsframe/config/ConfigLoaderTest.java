package io.newsframe.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void aSmallBatchLowersKOrKeepsTheCandidatesItSupports() {
    TopicsSettings twenty = ConfigLoader.defaults().topics();
    assertEquals(1, twenty.supportedTopics(4));
    assertEquals(1, twenty.cappedAt(twenty.supportedTopics(4)).topics());
    assertEquals(twenty, twenty.cappedAt(twenty.supportedTopics(100)));
    TopicsSettings auto = ConfigLoader.load(null, Map.of("topics.topics", "0")).topics();
    assertEquals(java.util.List.of(10, 20), auto.cappedAt(auto.supportedTopics(125)).autoCandidates());
    assertEquals(TopicsSettings.AUTO, auto.cappedAt(25).topics());
    assertEquals(7, auto.cappedAt(auto.supportedTopics(35)).topics(), "no candidate fits: K is what the batch supports");
  }

  @Test
  void defaultsAreTheEmbeddedLocalConfiguration() {
    NewsframeConfig config = ConfigLoader.defaults();
    assertEquals("local[2]", config.spark().master());
    assertEquals(InputFormat.AUTO, config.input().format());
    assertEquals("text", config.input().fields().text());
    assertEquals("news", config.namespace());
    assertEquals(16, config.digest().length());
  }

  @Test
  void aUserFileOverridesOnlyWhatItSets() throws IOException {
    Path file = write("newsframe { input { format = jsonl, fields { text = raw_text } } }");
    NewsframeConfig config = ConfigLoader.load(file, Map.of());
    assertEquals(InputFormat.JSONL, config.input().format());
    assertEquals("raw_text", config.input().fields().text());
    assertEquals("title", config.input().fields().title());
    assertNotEquals(ConfigLoader.defaults().digest(), config.digest());
  }

  @Test
  void anUnknownKeyIsNamedWithItsFileAndLine() throws IOException {
    Path file = write("newsframe {\n  ingest {\n    excerpt-charz = 10\n  }\n}");
    ConfigError error = assertThrows(ConfigError.class, () -> ConfigLoader.load(file, Map.of()));
    assertTrue(error.getMessage().contains("newsframe.ingest.excerpt-charz"), error.getMessage());
    assertTrue(error.getMessage().contains(file.getFileName().toString() + ": 3"), error.getMessage());
  }

  @Test
  void aWrongTypeIsNamed() throws IOException {
    Path file = write("newsframe.ingest.max-record-bytes = lots");
    ConfigError error = assertThrows(ConfigError.class, () -> ConfigLoader.load(file, Map.of()));
    assertTrue(error.getMessage().contains("max-record-bytes"), error.getMessage());
    assertTrue(error.getMessage().contains("NUMBER"), error.getMessage());
  }

  @Test
  void commandLineValuesAreTypedAndValidated() {
    NewsframeConfig config = ConfigLoader.load(null, Map.of("ingest.excerpt-chars", "300",
        "newsframe.input.uri", "hdfs://nn:8020/corpus"));
    assertEquals(300, config.ingest().excerptChars());
    assertEquals("hdfs://nn:8020/corpus", config.input().uri());
    ConfigError negative = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, Map.of("ingest.excerpt-chars", "-1")));
    assertTrue(negative.getMessage().contains("must be positive"), negative.getMessage());
    ConfigError format = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, Map.of("input.format", "xml")));
    assertTrue(format.getMessage().contains("'xml' is not one of"), format.getMessage());
    ConfigError forms = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, Map.of("features.lemmatize", "true")));
    assertTrue(forms.getMessage().contains("cannot both be true"), forms.getMessage());
    assertTrue(ConfigLoader.load(null, Map.of("features.lemmatize", "true", "features.stem", "false"))
        .features().lemmatize());
    ConfigError ratio = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, Map.of("ingest.max-control-char-ratio", "2")));
    assertTrue(ratio.getMessage().contains("between 0 and 1"), ratio.getMessage());
    assertEquals(java.time.Duration.ofDays(7), config.operations().maintenance().orphanCheckEvery());
    ConfigError interval = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(null, Map.of("operations.maintenance.orphan-check-every", "0s")));
    assertTrue(interval.getMessage().contains("orphan-check-every must be a positive duration"), interval.getMessage());
  }

  @Test
  void anySparkPropertyMayBeSetAndAnEmptyOneRemovesADefault() {
    NewsframeConfig config = ConfigLoader.load(null, Map.of(
        "spark.conf.\"spark.executor.memory\"", "8g", "spark.conf.\"spark.driver.host\"", ""));
    assertEquals("8g", config.spark().conf().get("spark.executor.memory"));
    assertFalse(config.spark().conf().containsKey("spark.driver.host"));
  }

  @Test
  void aDoubleQuotedCommandLineValueLosesItsQuotesAsInAConfFile() {
    NewsframeConfig config = ConfigLoader.load(null, Map.of(
        "spark.conf.\"spark.eventLog.dir\"", "\"/tmp/event logs\"", "input.uri", "\"hdfs://nn:8020/a \\\"b\\\"\""));
    assertEquals("/tmp/event logs", config.spark().conf().get("spark.eventLog.dir"));
    assertEquals("hdfs://nn:8020/a \"b\"", config.input().uri());
  }

  @Test
  void aMissingFileIsNamed() {
    ConfigError error = assertThrows(ConfigError.class,
        () -> ConfigLoader.load(dir.resolve("nope.conf"), Map.of()));
    assertTrue(error.getMessage().contains("nope.conf"), error.getMessage());
  }

  @Test
  void theSameSettingsGiveTheSameDigest() {
    assertEquals(ConfigLoader.load(null, Map.of("ingest.excerpt-chars", "99")).digest(),
        ConfigLoader.load(null, Map.of("ingest.excerpt-chars", "99")).digest());
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("user.conf");
    Files.writeString(file, text);
    return file;
  }
}
