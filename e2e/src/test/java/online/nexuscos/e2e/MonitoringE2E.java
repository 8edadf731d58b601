package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * spec.monitoring on the real API server with the Prometheus Operator's real CRDs (pinned in
 * versions.env): without them a condition says so and the platform runs; with them the operator
 * creates a PodMonitor and a PrometheusRule the CRDs' schemas admit, updates and removes them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringE2E {

  static final String NAME = "monitoring-e2e";
  static final Duration WITHIN = Duration.ofSeconds(150); // the CRD check is cached 60 s, resync 8 s

  private final RealCluster cluster = RealCluster.get();
  private final long start = cluster.audit().mark();
  private String crds;

  private static String platform(String monitoring) {
    return E2E.platform(NAME, "1.0.0", "e2e-monitoring", """
        services:
          - {name: api, namespace: e2e-monitoring, port: 3000, replicas: 1}
          - {name: stream, namespace: e2e-monitoring, port: 3100, replicas: 1}
        monitoring: %s
        """.formatted(monitoring));
  }

  private List<GenericKubernetesResource> objects(String kind) {
    return cluster.admin().genericKubernetesResources("monitoring.coreos.com/v1", kind).inNamespace("e2e-monitoring")
        .list().getItems();
  }

  private NexusPlatform awaitMonitoring(String reason) {
    return await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> cluster.platform(NAME),
        p -> p != null && p.getStatus() != null && Conditions.find(p.getStatus().getConditions(), ConditionType.MONITORING)
            .filter(c -> reason.equals(c.getReason())).isPresent());
  }

  @Test
  void withoutTheCrdsAConditionSaysSoAndWithThemTheObjectsComeAndGo() {
    cluster.kubectl("apply", "-f", E2E.file(platform("{enabled: true, interval: 15s, streamingNamespaces: [e2e-monitoring]}")))
        .ok();
    NexusPlatform missing = awaitMonitoring(ConditionType.Reason.MONITORING_CRDS_MISSING);
    assertThat(Conditions.find(missing.getStatus().getConditions(), ConditionType.MONITORING).orElseThrow().getMessage())
        .contains("podmonitors.monitoring.coreos.com").contains("install the Prometheus Operator");
    assertThat(E2E.awaitReady(cluster, NAME).getStatus().getPhase()).as("nothing else is affected").isEqualTo(Phase.Ready);

    crds = Command.run(List.of(cluster.repo().resolve("e2e/cluster/monitoring-crds").toString()), Map.of(), null)
        .ok().out().trim();
    cluster.kubectl("apply", "--server-side", "-f", crds + "/monitoring.coreos.com_podmonitors.yaml",
        "-f", crds + "/monitoring.coreos.com_prometheusrules.yaml").ok();
    cluster.kubectl("wait", "--for=condition=Established", "--timeout=60s",
        "crd/podmonitors.monitoring.coreos.com", "crd/prometheusrules.monitoring.coreos.com").ok();

    awaitMonitoring(ConditionType.Reason.MONITORING_APPLIED);
    GenericKubernetesResource monitor = objects("PodMonitor").get(0);
    assertThat(objects("PodMonitor")).hasSize(1);
    assertThat(cluster.kubectl("get", "podmonitor", "-n", "e2e-monitoring", NAME + "-services",
        "-o", "jsonpath={.spec.podMetricsEndpoints[*].portNumber} {.spec.podMetricsEndpoints[0].interval}").ok().out())
        .isEqualTo("3000 3100 15s");
    assertThat(monitor.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", NAME);
    String rules = cluster.kubectl("get", "prometheusrule", "-n", "e2e-monitoring", NAME + "-slos",
        "-o", "jsonpath={.spec.groups[*].rules[*].alert}").ok().out();
    assertThat(rules).contains("NexusPlatformNotReady");
    String expressions = cluster.kubectl("get", "prometheusrule", "-n", "e2e-monitoring", NAME + "-slos",
        "-o", "jsonpath={.spec.groups[*].rules[*].expr}").ok().out();
    assertThat(expressions).contains("platform=\"" + NAME + "\"").doesNotContain("NEXUS_PLATFORM");

    // A change of the spec updates both objects in place (interval: the PodMonitor; no streaming
    // namespace any more: the rules).
    String ruleUid = cluster.admin().genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
        .inNamespace("e2e-monitoring").withName(NAME + "-slos").get().getMetadata().getUid();
    cluster.kubectl("apply", "-f", E2E.file(platform("{enabled: true, interval: 45s}"))).ok();
    await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> cluster.kubectl("get", "podmonitor", "-n",
        "e2e-monitoring", NAME + "-services", "-o", "jsonpath={.spec.podMetricsEndpoints[0].interval}").out().equals("45s"));
    assertThat(objects("PodMonitor").get(0).getMetadata().getUid()).as("updated, not replaced")
        .isEqualTo(monitor.getMetadata().getUid());
    await().atMost(WITHIN).pollInterval(Duration.ofSeconds(1)).until(() -> cluster.kubectl("get", "prometheusrule", "-n",
        "e2e-monitoring", NAME + "-slos", "-o", "jsonpath={.spec.groups[*].rules[*].expr}").out().contains("__none__"));
    assertThat(objects("PrometheusRule").get(0).getMetadata().getUid()).as("updated, not replaced").isEqualTo(ruleUid);

    // Turned off: the operator removes what it created.
    cluster.kubectl("apply", "-f", E2E.file(platform("{enabled: false}"))).ok();
    awaitMonitoring(ConditionType.Reason.MONITORING_DISABLED);
    assertThat(objects("PodMonitor")).isEmpty();
    assertThat(objects("PrometheusRule")).isEmpty();
  }

  @AfterAll
  void cleanUp() {
    E2E.removePlatform(cluster, NAME, start);
    cluster.kubectl("delete", "crd", "podmonitors.monitoring.coreos.com", "prometheusrules.monitoring.coreos.com",
        "--ignore-not-found");
  }
}
