package io.newsframe.stance;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.List;

/**
 * One axis's binomial logistic regression, fitted on the driver over its training articles held
 * in memory by LIBLINEAR (its Java port): the optimum of MLlib's LogisticRegression objective with
 * the settings the axes use, the mean log loss plus regParam/2 times the squared coefficients
 * (the intercept unpenalized, the coefficients penalized as they are). LIBLINEAR minimizes
 * C times the summed log loss plus half the squared weights; with C = 1 / (n regParam) that is
 * the same objective times n C, so the same optimum. Its solver is a trust-region Newton method.
 *
 * <p>Why not MLlib: there every L-BFGS iteration is a Spark job over the cached training set, and
 * at 100,000 generated articles the four axes' 329 iterations took about 20 s of the stance
 * stage's wall time for 5 s of executor CPU; a job costs tenths of a second of scheduling
 * whatever its rows. The training set is bounded (about axis-terms.max-training articles in all,
 * {@link FramingAxes}), so it fits in the driver's memory whatever the batch. Not breeze's
 * L-BFGS (the one MLlib runs): Java source cannot implement its DiffFunction trait, which
 * inherits both Function1's apply(T): Object and its own apply(T): double.
 */
final class AxisRegression {
  /**
   * LIBLINEAR's stopping tolerance: the gradient's norm at most this share of its norm at the
   * start (scaled by the smaller side's share of the articles). Its default, 0.01, left the
   * coefficients up to 0.7% of the largest from MLlib's on AxisRegressionTest's data; this one,
   * 0.003%. Newton steps make the tighter one cheap.
   */
  private static final double TOLERANCE = 1e-4;

  static {
    Linear.disableDebugOutput();
  }

  private AxisRegression() {}

  /** One training article: its terms as {@link #terms} gives them, and its label (side a or not). */
  record Example(Feature[] terms, boolean sideA) {}

  /**
   * An article's non-zero features (ascending indices) as LIBLINEAR holds them: 1-based, then the
   * intercept's constant feature, index features + 1. An article's array can serve several axes.
   */
  static Feature[] terms(int[] indices, double[] values, int features) {
    Feature[] terms = new Feature[indices.length + 1];
    for (int k = 0; k < indices.length; k++) {
      terms[k] = new FeatureNode(indices[k] + 1, values[k]);
    }
    terms[indices.length] = new FeatureNode(features + 1, 1.0);
    return terms;
  }

  /**
   * The coefficients (one per feature) of the regression of the examples' labels on their
   * features; zero for a feature no example has. Both labels must occur.
   */
  static double[] coefficients(List<Example> examples, int features, double regParam, int maxIterations) {
    long positives = examples.stream().filter(Example::sideA).count();
    if (positives == 0 || positives == examples.size()) {
      throw new IllegalArgumentException("an axis regression needs articles on both sides; got " + positives
          + " of " + examples.size() + " on side a");
    }
    Problem problem = new Problem();
    problem.l = examples.size();
    problem.n = features + 1;
    problem.bias = 1;
    problem.x = new Feature[problem.l][];
    problem.y = new double[problem.l];
    for (int i = 0; i < problem.l; i++) {
      problem.x[i] = examples.get(i).terms();
      problem.y[i] = examples.get(i).sideA() ? 1 : -1;
    }
    Parameter parameter = new Parameter(SolverType.L2R_LR, 1 / (problem.l * regParam), TOLERANCE);
    parameter.setMaxIters(maxIterations);
    parameter.setRegularizeBias(false);
    Model model = Linear.train(problem, parameter);
    // The weights favour the model's first label, the label of the first example.
    double sign = model.getLabels()[0] == 1 ? 1 : -1;
    double[] weights = model.getFeatureWeights();
    double[] coefficients = new double[features];
    for (int j = 0; j < features; j++) {
      coefficients[j] = sign * weights[j];
    }
    return coefficients;
  }
}
