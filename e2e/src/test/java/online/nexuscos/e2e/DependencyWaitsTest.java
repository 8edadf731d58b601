package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split of a dependency-ordered converge, from when each Deployment was created and available. */
class DependencyWaitsTest {

  private static long ms(long millis) {
    return millis * 1_000_000L;
  }

  @Test
  void followsTheDependencyAvailableLastAndSplitsControllersFromOperator() {
    // a and b have no dependencies; c waits for both (b is available last); d waits for c; e for a.
    Map<String, Long> created = Map.of("a", ms(100), "b", ms(110), "c", ms(1230), "d", ms(2260), "e", ms(950));
    Map<String, Long> available = Map.of("a", ms(900), "b", ms(1200), "c", ms(2200), "d", ms(3000), "e", ms(1800));
    Map<String, List<String>> dependsOn = Map.of("a", List.of(), "b", List.of(), "c", List.of("a", "b"),
        "d", List.of("c"), "e", List.of("a"));

    Map<String, Object> f = DependencyWaits.figures(0, created, available, dependsOn);

    assertThat(f.get("critical_path")).isEqualTo(List.of("b", "c", "d"));
    assertThat(f.get("last_deployment_created_ms")).isEqualTo(2260L);
    assertThat(f.get("controllers_ms")).as("b 110->1200, c 1230->2200").isEqualTo(1090L + 970L);
    assertThat(f.get("operator_ms")).as("110 to b, then 30 and 60").isEqualTo(110L + 30L + 60L);
    assertThat(f.get("dependents")).isEqualTo(3);
    assertThat(f.get("reaction_median_ms")).as("of 30, 50, 60").isEqualTo(50L);
    assertThat(f.get("reaction_max_ms")).isEqualTo(60L);
  }

  @Test
  void aDependencySeenAvailableJustAfterItsDependentStillGates() {
    // the watch saw b available 20 ms after c was created (the operator's informer saw it first)
    Map<String, Object> f = DependencyWaits.figures(0, Map.of("b", ms(0), "c", ms(1000)),
        Map.of("b", ms(1020), "c", ms(1500)), Map.of("b", List.of(), "c", List.of("b")));
    assertThat(f.get("critical_path")).isEqualTo(List.of("b", "c"));
    assertThat(f.get("reaction_max_ms")).isEqualTo(0L);
  }
}
