package io.newsframe.clean;

import io.newsframe.config.CleanSettings;
import java.io.Serializable;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;

/**
 * The Params of {@link BoilerplateRemover} and {@link BoilerplateRemoverModel}, declared once, as
 * Spark ML shares an estimator's and its model's Params through one trait ({@code LDAParams}).
 * Java has no trait with fields, so each class holds a {@link Declared} made for it, and the
 * default methods here are the public no-argument getters through which Spark ML finds them (which
 * is why this interface is public: Spark calls them by reflection from its own packages).
 */
public interface BoilerplateParams extends Params {
  /** This stage's Params, made with {@code new Declared(this)} in its constructor. */
  Declared declared();

  default IntParam minDocs() {
    return declared().minDocs;
  }

  default IntParam maxShortWords() {
    return declared().maxShortWords;
  }

  default IntParam minDocsLong() {
    return declared().minDocsLong;
  }

  default IntParam maxLines() {
    return declared().maxLines;
  }

  default IntParam passageWords() {
    return declared().passageWords;
  }

  default IntParam shortChars() {
    return declared().shortChars;
  }

  default IntParam longChars() {
    return declared().longChars;
  }

  default DoubleParam stopWordDensity() {
    return declared().stopWordDensity;
  }

  default IntParam minBodyCharsBeforeEnd() {
    return declared().minBodyCharsBeforeEnd;
  }

  default IntParam maxHeadingDistance() {
    return declared().maxHeadingDistance;
  }

  default BooleanParam inlineChrome() {
    return declared().inlineChrome;
  }

  /** The values of the per-line rules, as {@link ArticleCleaner} takes them. */
  default CleanSettings.Boilerplate lineRules() {
    return new CleanSettings.Boilerplate((Integer) getOrDefault(shortChars()), (Integer) getOrDefault(longChars()),
        (Double) getOrDefault(stopWordDensity()), (Integer) getOrDefault(minBodyCharsBeforeEnd()),
        (Integer) getOrDefault(maxHeadingDistance()), (Boolean) getOrDefault(inlineChrome()));
  }

  /** The Params themselves, owned by one stage (their parent is its uid). */
  final class Declared implements Serializable {
    private static final long serialVersionUID = 1L;
    final IntParam minDocs;
    final IntParam maxShortWords;
    final IntParam minDocsLong;
    final IntParam maxLines;
    final IntParam passageWords;
    final IntParam shortChars;
    final IntParam longChars;
    final DoubleParam stopWordDensity;
    final IntParam minBodyCharsBeforeEnd;
    final IntParam maxHeadingDistance;
    final BooleanParam inlineChrome;

    Declared(Params owner) {
      minDocs = new IntParam(owner, "minDocs", "documents a line must recur in to be chrome", ParamValidators.gtEq(2));
      maxShortWords = new IntParam(owner, "maxShortWords", "words of a short recurring line", ParamValidators.gtEq(1));
      minDocsLong = new IntParam(owner, "minDocsLong", "documents a long line must recur in", ParamValidators.gtEq(2));
      maxLines = new IntParam(owner, "maxLines", "most chrome lines (and passage shingles) kept",
          ParamValidators.gtEq(1));
      passageWords = new IntParam(owner, "passageWords", "words of a repeated passage shingle (0: off)",
          ParamValidators.gtEq(0));
      shortChars = new IntParam(owner, "shortChars", "below this a line is short", ParamValidators.gtEq(1));
      longChars = new IntParam(owner, "longChars", "from this a line is long", ParamValidators.gtEq(1));
      stopWordDensity = new DoubleParam(owner, "stopWordDensity", "function-word share of prose",
          ParamValidators.inRange(0, 1));
      minBodyCharsBeforeEnd = new IntParam(owner, "minBodyCharsBeforeEnd", "body before an end marker counts",
          ParamValidators.gtEq(0));
      maxHeadingDistance = new IntParam(owner, "maxHeadingDistance", "characters from a heading to its body",
          ParamValidators.gtEq(0));
      inlineChrome = new BooleanParam(owner, "inlineChrome", "cut bylines, credits and player items inside lines");
      // Models saved before these rules existed load without them and keep cleaning as they did.
      owner.setDefault(passageWords, 0);
      owner.setDefault(inlineChrome, false);
    }
  }
}
