package io.newsframe.clean;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Language identification, OpenNLP's model (as the clean stage runs it) against Lingua, on a
 * labelled set of "code TAB text" lines (jobs/lib/language-eval-data.sh): accuracy per language
 * and overall, and documents per second on one thread, at several prefix lengths. Prints a
 * Markdown table.
 */
public final class LanguageBench {
  private record Sample(String language, String text) {}

  private record Detector(String name, Function<String, String> detect) {}

  private LanguageBench() {}

  public static void main(String[] args) throws IOException {
    List<Sample> samples = read(Path.of(args[0]));
    int[] prefixes = {100, 500, 2000};
    List<Detector> detectors = List.of(
        new Detector("OpenNLP langdetect-183 (103 languages)",
            text -> new LanguageGuesser(Integer.MAX_VALUE, 0).guess(text).language()),
        lingua("Lingua 1.2.2 high accuracy, all 75 languages", LanguageDetectorBuilder.fromAllLanguages()),
        lingua("Lingua 1.2.2 low accuracy, all 75 languages",
            LanguageDetectorBuilder.fromAllLanguages().withLowAccuracyMode()));
    System.out.println("| detector | prefix chars | accuracy | worst language | docs/s (1 thread) | heap after (MB) |");
    System.out.println("|---|---:|---:|---|---:|---:|");
    for (Detector detector : detectors) {
      detector.detect().apply("warm up the models before timing: the talks in Geneva went on for hours");
      for (int prefix : prefixes) {
        report(detector, samples, prefix);
      }
    }
  }

  private static Detector lingua(String name, LanguageDetectorBuilder builder) {
    LanguageDetector lingua = builder.withPreloadedLanguageModels().build();
    return new Detector(name, text -> {
      Language language = lingua.detectLanguageOf(text);
      return language == Language.UNKNOWN ? LanguageGuesser.UNDETERMINED : language.getIsoCode639_3().toString();
    });
  }

  private static void report(Detector detector, List<Sample> samples, int prefix) {
    Map<String, int[]> byLanguage = new TreeMap<>();
    long start = System.nanoTime();
    for (Sample sample : samples) {
      String text = sample.text().length() > prefix ? sample.text().substring(0, prefix) : sample.text();
      String guess = detector.detect().apply(text);
      int[] counts = byLanguage.computeIfAbsent(sample.language(), k -> new int[2]);
      counts[0] += sameLanguage(guess, sample.language()) ? 1 : 0;
      counts[1]++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double meanAccuracy = byLanguage.values().stream().mapToDouble(c -> (double) c[0] / c[1]).average().orElse(0);
    Map.Entry<String, int[]> worst = byLanguage.entrySet().stream()
        .min((a, b) -> Double.compare((double) a.getValue()[0] / a.getValue()[1], (double) b.getValue()[0] / b.getValue()[1]))
        .orElseThrow();
    Runtime rt = Runtime.getRuntime();
    System.out.printf("| %s | %d | %.3f | %s %.2f | %.0f | %d |%n", detector.name(), prefix, meanAccuracy,
        worst.getKey(), (double) worst.getValue()[0] / worst.getValue()[1], samples.size() / seconds,
        (rt.totalMemory() - rt.freeMemory()) >> 20);
  }

  /** OpenNLP says "cmn" for Mandarin, Lingua "zho" for Chinese. */
  private static boolean sameLanguage(String guess, String truth) {
    return guess.equals(truth) || (truth.equals("cmn") && guess.equals("zho"));
  }

  private static List<Sample> read(Path tsv) throws IOException {
    List<Sample> samples = new ArrayList<>();
    for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        samples.add(new Sample(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return samples;
  }
}
