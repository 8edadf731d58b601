package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The failover runbook as controller logic, end to end in the sandbox (sites in zone-a and zone-b). */
class FailoverScenarioIT {

  private static final String ZONE = "topology.kubernetes.io/zone";

  @RegisterExtension
  final SandboxExtension sandbox = new SandboxExtension();

  private NexusPlatform readyOnPrimary(boolean automatic, int graceSeconds) {
    NexusPlatform p = SandboxExtension.example("nexus-cos.yaml");
    p.getSpec().getFailover().setAutomatic(automatic);
    p.getSpec().getFailover().setGracePeriodSeconds(graceSeconds);
    sandbox.apply(p);
    return sandbox.awaitStatus("nexus-cos", x -> x.getStatus().getPhase() == Phase.Ready
        && x.getStatus().getFailover() != null && "primary".equals(x.getStatus().getFailover().getActiveSite()));
  }

  private NexusPlatform awaitOn(String site) {
    return sandbox.awaitStatus("nexus-cos", x -> x.getStatus().getPhase() == Phase.Ready
        && x.getStatus().getFailover() != null && site.equals(x.getStatus().getFailover().getActiveSite())
        && x.getStatus().getFailover().getCurrent() == null);
  }

  private List<Deployment> deployments() {
    return sandbox.client().apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, "nexus-cos").list().getItems();
  }

  /** How many times {@code reason} was announced (aggregated Events carry a count). */
  private long occurrences(String reason) {
    return events(reason).stream().mapToLong(e -> e.getCount() == null ? 1 : e.getCount()).sum();
  }

  private List<Event> events(String reason) {
    return sandbox.client().v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> reason.equals(e.getReason())).toList();
  }

  @Test
  void manualFailoverFencesThenMovesEveryWorkloadAndEndpointToTheSecondary() {
    readyOnPrimary(false, 60);
    assertThat(deployments()).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-a"));
    int mark = sandbox.sandbox().apiServer().requests().size();

    sandbox.edit("nexus-cos", p -> p.getSpec().getFailover().setActiveSite("secondary"));
    NexusPlatform after = awaitOn("secondary");

    assertThat(deployments()).hasSize(22).allSatisfy(d -> {
      assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-b");
      assertThat(d.getStatus().getAvailableReplicas()).isPositive();
    });
    assertThat(sandbox.client().configMaps().inAnyNamespace().withField("metadata.name", Names.SITE_ENDPOINTS_CONFIG_MAP)
        .list().getItems().stream().filter(cm -> cm.getMetadata().getName().equals(Names.SITE_ENDPOINTS_CONFIG_MAP)).toList())
        .hasSize(9)
        .allSatisfy(cm -> assertThat(cm.getData()).containsEntry("NEXUS_ACTIVE_SITE", "secondary")
            .containsEntry("POSTGRES_HOST", "postgres.secondary.nexuscos.internal"));
    FailoverRecord record = after.getStatus().getFailover().getHistory().get(0);
    assertThat(record.getFrom()).isEqualTo("primary");
    assertThat(record.getTo()).isEqualTo("secondary");
    assertThat(record.getTrigger()).isEqualTo(online.nexuscos.platform.api.v1alpha1.FailoverTrigger.Manual);
    assertThat(record.getOutcome()).isEqualTo(online.nexuscos.platform.api.v1alpha1.FailoverOutcome.Succeeded);
    assertThat(record.getFinishedAt()).isNotNull();
    assertThat(Conditions.find(after.getStatus().getConditions(), ConditionType.FAILED_OVER).orElseThrow().getStatus())
        .as("running where the spec says").isEqualTo("False");

    // Fencing, seen in the order of writes: every Deployment went to zero replicas before any
    // endpoints ConfigMap or pod placement changed.
    var writes = sandbox.sandbox().apiServer().requests().subList(mark, sandbox.sandbox().apiServer().requests().size())
        .stream().filter(r -> Sandbox.OPERATOR_AGENT.equals(r.userAgent()) && r.method().equals("PUT")).toList();
    int firstEndpointWrite = -1;
    for (int i = 0; i < writes.size(); i++) {
      if (writes.get(i).path().contains("/configmaps/" + Names.SITE_ENDPOINTS_CONFIG_MAP)) {
        firstEndpointWrite = i;
        break;
      }
    }
    assertThat(firstEndpointWrite).isPositive();
    assertThat(writes.subList(0, firstEndpointWrite).stream().filter(w -> w.path().contains("/deployments/")).count())
        .as("22 scale-downs before the endpoints switch").isEqualTo(22);
    assertThat(occurrences("FailoverStarted")).isEqualTo(1);
    assertThat(occurrences("FailoverCompleted")).isEqualTo(1);
  }

  @Test
  void primaryNodesNotReadyFailOverAfterTheGracePeriodAndNeverFailBackByThemselves() {
    readyOnPrimary(true, 3);
    sandbox.sandbox().kubelet().setZoneReady("zone-a", false);
    // The pods' unavailability may be seen a moment before the Nodes' readiness (two informers):
    // the reason names the Nodes once both are; unhealthySince stays the first sighting.
    NexusPlatform unhealthy = sandbox.awaitStatus("nexus-cos", x -> x.getStatus().getFailover().getUnhealthySince() != null
        && String.valueOf(x.getStatus().getFailover().getUnhealthyReason()).contains("site primary has no Ready Node"));
    Instant since = Instant.parse(unhealthy.getStatus().getFailover().getUnhealthySince());

    NexusPlatform failedOver = awaitOn("secondary");
    FailoverRecord record = failedOver.getStatus().getFailover().getHistory().get(0);
    assertThat(record.getTrigger()).isEqualTo(online.nexuscos.platform.api.v1alpha1.FailoverTrigger.Automatic);
    assertThat(Instant.parse(record.getStartedAt())).as("not before the grace period").isAfterOrEqualTo(since.plusSeconds(3));
    var condition = Conditions.find(failedOver.getStatus().getConditions(), ConditionType.FAILED_OVER).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getMessage()).contains("never fails back by itself");
    assertThat(failedOver.getSpec().getFailover().getActiveSite()).as("the spec is not edited").isEqualTo("primary");

    // The primary recovers: no automatic failback, even after several grace periods.
    sandbox.sandbox().kubelet().setZoneReady("zone-a", true);
    Instant recovered = Instant.now();
    await().atMost(SandboxExtension.TIMEOUT).until(() -> Instant.now().isAfter(recovered.plusSeconds(7))
        && sandbox.sandbox().operator().counters().reconciles() > 0);
    assertThat(sandbox.get("nexus-cos").getStatus().getFailover().getActiveSite()).isEqualTo("secondary");
    assertThat(sandbox.get("nexus-cos").getStatus().getFailover().getHistory()).hasSize(1);

    // A deliberate failback.
    sandbox.edit("nexus-cos", p -> p.getMetadata().setAnnotations(new HashMap<>(Map.of(Labels.FAILBACK, "true"))));
    NexusPlatform back = awaitOn("primary");
    assertThat(back.getStatus().getFailover().getHistory().get(0).getTrigger()).isEqualTo(online.nexuscos.platform.api.v1alpha1.FailoverTrigger.Failback);
    assertThat(back.getMetadata().getAnnotations()).doesNotContainKey(Labels.FAILBACK);
    assertThat(deployments()).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-a"));
  }

  @Test
  void noAutomaticFailoverToAnUnhealthyStandby() {
    readyOnPrimary(true, 1);
    sandbox.sandbox().kubelet().setZoneReady("zone-b", false);
    sandbox.sandbox().kubelet().setZoneReady("zone-a", false);
    NexusPlatform unhealthy = sandbox.awaitStatus("nexus-cos", x -> x.getStatus().getFailover().getUnhealthySince() != null);
    Instant since = Instant.parse(unhealthy.getStatus().getFailover().getUnhealthySince());
    await().atMost(SandboxExtension.TIMEOUT).until(() -> Instant.now().isAfter(since.plusSeconds(4)));
    assertThat(sandbox.get("nexus-cos").getStatus().getFailover().getActiveSite()).isEqualTo("primary");
    assertThat(sandbox.get("nexus-cos").getStatus().getFailover().getCurrent()).isNull();
  }

  @Test
  void operatorRestartedInTheMiddleOfAFailoverCompletesIt() {
    readyOnPrimary(false, 60);
    sandbox.edit("nexus-cos", p -> p.getSpec().getFailover().setActiveSite("secondary"));
    sandbox.awaitStatus("nexus-cos", x -> x.getStatus().getFailover().getCurrent() != null);
    sandbox.sandbox().stopOperator();
    sandbox.sandbox().startOperator();
    NexusPlatform done = awaitOn("secondary");
    assertThat(done.getStatus().getFailover().getHistory().get(0).getOutcome()).isEqualTo(online.nexuscos.platform.api.v1alpha1.FailoverOutcome.Succeeded);
    assertThat(deployments()).allSatisfy(d ->
        assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry(ZONE, "zone-b"));
  }
}
