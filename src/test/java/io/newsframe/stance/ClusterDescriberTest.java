package io.newsframe.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsframe.config.ConfigLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterDescriberTest {
  private final FeatureSpace space = new FeatureSpace(ConfigLoader.defaults().stance());

  private double[] centroid(Map<String, Double> values) {
    double[] z = new double[space.size()];
    values.forEach((name, value) -> z[space.names().indexOf(name)] = value);
    return z;
  }

  @Test
  void markersComeFirstAbsencesLastAndAtMostTwoAxes() {
    double[] z = centroid(Map.of("axis.naming", 2.5, "axis.war", 2.0, "axis.order", -1.8, "mentions.ukraine", -3.0,
        "voice.russia", 1.2, "framing.kiev", 0.9, "polarity.nato", -0.4));
    String description = ClusterDescriber.describe(z, space, Map.of("framing.kiev", "Kiev"));
    assertEquals("on naming, on the side of kiev; on war, on the side of special_operation; quotes Russia; "
        + "writes 'Kiev'; says little of Ukraine", description);
  }

  @Test
  void aClusterNearTheMeanSaysSo() {
    assertEquals("close to the corpus average on every stance feature",
        ClusterDescriber.describe(centroid(Map.of("axis.naming", 0.3)), space, Map.of()));
  }
}
