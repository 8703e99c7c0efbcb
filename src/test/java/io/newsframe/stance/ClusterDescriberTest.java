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
    assertEquals("quotes Russia; writes 'Kiev'; negative toward NATO; on naming, on the side of kiev; "
        + "on war, on the side of special_operation/crisis; says little of Ukraine", description);
  }

  @Test
  void aLoadedTermTheClusterAvoidsIsNamedAmongTheAbsences() {
    double[] z = centroid(Map.of("framing.invasion", -0.43, "framing.multilateral", 0.35, "mentions.china", 0.44,
        "axis.order", 0.81));
    assertEquals("writes much about China; writes 'multilateralism'; on order, on the side of "
        + "hegemony/multilateral/western_aggression; seldom writes 'Russia's invasion'",
        ClusterDescriber.describe(z, space, Map.of()));
  }

  @Test
  void aSideOfManyGroupsIsNamedByItsFirstThree() {
    assertEquals("on camp, on the side of kiev/special_operation/crisis/…; on war, on the side of invasion",
        ClusterDescriber.describe(centroid(Map.of("axis.camp", 1.5, "axis.war", -0.9)), space, Map.of()));
  }

  @Test
  void aClusterNearTheMeanSaysSo() {
    assertEquals("close to the corpus average on every stance feature",
        ClusterDescriber.describe(centroid(Map.of("axis.naming", 0.15)), space, Map.of()));
  }
}
