package online.nexuscos.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.operator.testing.OperatorHarness;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's metrics against the mock API server: what a scrape shows after a platform converges. */
class MetricsMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();

  private CollectorRegistry registry() {
    return harness.cluster().metrics().registry();
  }

  private double value(String name, Map<String, String> labels) {
    Double v = registry().getSampleValue(name, labels.keySet().toArray(String[]::new), labels.values().toArray(String[]::new));
    return v == null ? Double.NaN : v;
  }

  private static Map<String, String> labels(String... pairs) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void aConvergedPlatformShowsInItsGaugesAndEveryWriteIsCountedAsTheServerSawIt() throws IOException {
    int mark = harness.cluster().log().mark();
    harness.apply(Platforms.small("metered"));
    harness.awaitPhase("metered", Phase.Progressing);
    harness.markAllAvailable();
    var ready = harness.awaitPhase("metered", Phase.Ready);
    harness.awaitEvent("metered", "Ready");

    assertThat(value("nexus_platform_phase", labels("platform", "metered", "phase", "Ready"))).isEqualTo(1);
    assertThat(value("nexus_platform_phase", labels("platform", "metered", "phase", "Progressing"))).isZero();
    assertThat(value("nexus_platform_services_desired", labels("platform", "metered")))
        .isEqualTo(ready.getStatus().getDesiredServices().doubleValue()).isPositive();
    assertThat(value("nexus_platform_services_available", labels("platform", "metered")))
        .isEqualTo(ready.getStatus().getReadyServices().doubleValue());
    assertThat(value("nexus_platform_services", labels("platform", "metered", "state", "Available")))
        .isEqualTo(ready.getStatus().getReadyServices().doubleValue());
    assertThat(value("nexus_platform_stable_revision", labels("platform", "metered"))).isEqualTo(1);
    assertThat(value("nexus_platform_paused", labels("platform", "metered"))).isZero();
    assertThat(value("nexus_reconciliations_started_total", labels("controller", "nexusplatform"))).isPositive();
    assertThat(value("nexus_reconciliations_succeeded_total", labels("controller", "nexusplatform"))).isPositive();
    assertThat(value("nexus_reconcile_duration_seconds_count", labels("controller", "nexusplatform"))).isPositive();
    assertThat(value("nexus_rollbacks_total", labels("reason", "RolloutFailed"))).as("present from the start").isZero();
    assertThat(value("nexus_rollbacks_total", labels("reason", "Requested"))).isZero();
    assertThat(value("nexus_events_received_total", labels("controller", "nexusplatform", "action", "ADDED"))).isPositive();

    // Every write the mock API server received from the operator, counted by resource and verb (read
    // until both sides agree: a write in flight is counted by the client a moment before the server logs it).
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
      Map<String, Long> served = harness.operatorWritesSince(mark).stream()
          .filter(e -> !e.path().contains("/leases"))
          .collect(Collectors.groupingBy(e -> WriteCounter.resource(e.path().replaceAll("\\?.*", "")) + " "
              + verb(e.method()), TreeMap::new, Collectors.counting()));
      assertThat(served).containsKeys("deployments create", "nexusplatforms/status update", "events create");
      assertThat(counted()).isEqualTo(served);
    });

    StringWriter text = new StringWriter();
    TextFormat.write004(text, registry().metricFamilySamples());
    assertThat(text.toString()).contains("# TYPE nexus_rollbacks_total counter", "# TYPE nexus_failovers_total counter",
        "# TYPE nexus_invalid_spec_total counter", "# TYPE nexus_platform_active_site gauge");
  }

  @Test
  void anInvalidSpecIsCountedOnceAndADeletedPlatformLeavesNoGauges() {
    var bad = Platforms.small("gone");
    bad.getSpec().getServices().get(0).setPort(0);
    harness.apply(bad);
    harness.awaitPhase("gone", Phase.Invalid);
    // Counted and observed right after the status write that the phase shows: wait for them, not for the phase.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> value("nexus_invalid_spec_total", Map.of()) == 1
            && value("nexus_platform_phase", labels("platform", "gone", "phase", "Invalid")) == 1);
    harness.awaitEvent("gone", "ValidationFailed");
    harness.cluster().client().resources(online.nexuscos.platform.api.v1alpha1.NexusPlatform.class).withName("gone").delete();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> !harness.cluster().metrics().platforms().platforms().contains("gone"));
    assertThat(value("nexus_platform_phase", labels("platform", "gone", "phase", "Invalid"))).isNaN();
    assertThat(value("nexus_invalid_spec_total", Map.of())).as("counted on the transition only").isEqualTo(1);
  }

  private Map<String, Long> counted() {
    Map<String, Long> counted = new TreeMap<>();
    registry().metricFamilySamples().asIterator().forEachRemaining(f -> {
      if (f.name.equals("nexus_api_writes")) {
        f.samples.stream().filter(s -> s.name.equals("nexus_api_writes_total") && !s.labelValues.get(0).equals("leases"))
            .forEach(s -> counted.put(s.labelValues.get(0) + " " + s.labelValues.get(1), (long) s.value));
      }
    });
    return counted;
  }

  private static String verb(String method) {
    return switch (method) {
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      default -> "delete";
    };
  }
}
