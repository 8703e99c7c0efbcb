package io.newsframe.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private static final Map<String, String> LOCAL_CONF = Map.of("spark.driver.host", "127.0.0.1",
      "spark.driver.bindAddress", "127.0.0.1", "spark.sql.shuffle.partitions", "8");

  @Test
  void theDriverStaysOnLoopbackWhenTheExecutorsDo() {
    assertEquals(LOCAL_CONF, Sessions.forMaster(LOCAL_CONF, "local[2]"));
    assertEquals(LOCAL_CONF, Sessions.forMaster(LOCAL_CONF, "spark://127.0.0.1:7077"));
    assertEquals(LOCAL_CONF, Sessions.forMaster(LOCAL_CONF, "spark://localhost:7077,127.0.0.1:7078"));
  }

  @Test
  void executorsOnOtherHostsAreNotToldToCallLoopback() {
    for (String master : new String[] {"yarn", "spark://master.example:7077", "k8s://https://api:6443",
        "spark://127.0.0.1:7077,master.example:7077"}) {
      assertFalse(Sessions.executorsOnThisHost(master), master);
      assertEquals(Map.of("spark.sql.shuffle.partitions", "8"), Sessions.forMaster(LOCAL_CONF, master), master);
    }
    // An address the operator chose for the driver is kept.
    Map<String, String> routable = Map.of("spark.driver.host", "10.0.0.5");
    assertEquals(routable, Sessions.forMaster(routable, "yarn"));
    assertTrue(Sessions.executorsOnThisHost("local[*]"));
  }
}
