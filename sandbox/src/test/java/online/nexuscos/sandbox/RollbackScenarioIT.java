package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rollback runbook as controller logic, end to end in the sandbox. */
class RollbackScenarioIT {

  @RegisterExtension
  final SandboxExtension sandbox = new SandboxExtension();

  /** The full platform at version 1, Ready, with a short progress deadline. */
  private NexusPlatform readyPlatform(int deadlineSeconds) {
    NexusPlatform p = SandboxExtension.example("nexus-cos.yaml");
    p.getSpec().getRollout().setProgressDeadlineSeconds(deadlineSeconds);
    sandbox.apply(p);
    return sandbox.awaitPhase("nexus-cos", Phase.Ready);
  }

  private static ServiceSpec service(NexusPlatform p, String name) {
    return p.getSpec().getServices().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private String image(String namespace, String name) {
    return sandbox.deployment(namespace, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
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
  void goodReleaseBecomesTheNewStableRevisionInDependencyOrder() {
    NexusPlatform v1 = readyPlatform(60);
    assertThat(v1.getStatus().getCurrentRevision()).isEqualTo(1);
    assertThat(v1.getStatus().getStableRevision()).isEqualTo(1);
    int mark = sandbox.sandbox().apiServer().requests().size();

    sandbox.edit("nexus-cos", p -> p.getSpec().setVersion("2025.11.01"));
    NexusPlatform v2 = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getStableRevision() != null
        && p.getStatus().getStableRevision() == 2 && p.getStatus().getPhase() == Phase.Ready);
    assertThat(v2.getStatus().getCurrentRevision()).isEqualTo(2);
    assertThat(image("nexus-platform", "backend-api")).endsWith(":2025.11.01");

    List<String> order = new ArrayList<>();
    sandbox.sandbox().apiServer().requests().subList(mark, sandbox.sandbox().apiServer().requests().size()).stream()
        .filter(r -> Sandbox.OPERATOR_AGENT.equals(r.userAgent()) && r.method().equals("PUT")
            && r.path().contains("/deployments/"))
        .forEach(r -> order.add(r.path().substring(r.path().lastIndexOf('/') + 1).replaceAll("\\?.*", "")));
    assertThat(order).hasSize(22);
    v2.getSpec().getServices().forEach(s -> (s.getDependsOn() == null ? List.<String>of() : s.getDependsOn())
        .forEach(dep -> assertThat(order.indexOf(dep)).as(dep + " is written before " + s.getName())
            .isLessThan(order.indexOf(s.getName()))));
  }

  @Test
  void brokenReleaseIsRolledBackAsAWholeAndNotRetriedUntilTheSpecChanges() {
    readyPlatform(3);
    sandbox.edit("nexus-cos", p -> {
      p.getSpec().setVersion("2025.11.01");
      service(p, "billing-service").setTag("broken-2025.11.01");
    });

    NexusPlatform rolledBack = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getPhase() == Phase.Ready
        && Conditions.isTrue(p.getStatus().getConditions(), ConditionType.ROLLED_BACK));
    var condition = Conditions.find(rolledBack.getStatus().getConditions(), ConditionType.ROLLED_BACK).orElseThrow();
    assertThat(condition.getReason()).isEqualTo(ConditionType.Reason.AUTOMATIC_ROLLBACK);
    assertThat(condition.getMessage()).contains("Revision 2 failed").contains("billing-service")
        .containsAnyOf("ProgressDeadlineExceeded", "progress deadline").contains("Restored revision 1");
    assertThat(rolledBack.getStatus().getCurrentRevision()).isEqualTo(1);
    assertThat(rolledBack.getStatus().getFailedRevision()).isEqualTo(2);
    assertThat(rolledBack.getSpec().getVersion()).as("the user's spec is untouched").isEqualTo("2025.11.01");
    assertThat(image("nexus-finance", "billing-service")).endsWith(":2025.10.11");
    assertThat(image("nexus-platform", "token-mgr")).as("every service of the release").endsWith(":2025.10.11");
    await().atMost(SandboxExtension.TIMEOUT).until(() -> events("RolledBack").size() == 1);
    assertThat(events("RolledBack").get(0).getMessage()).contains("billing-service");

    // Not retried on resync: wait for two more resyncs of the operator, nothing moves.
    long reconciles = sandbox.sandbox().operator().counters().reconciles();
    await().atMost(SandboxExtension.TIMEOUT).until(() -> sandbox.sandbox().operator().counters().reconciles() > reconciles + 2);
    assertThat(image("nexus-finance", "billing-service")).endsWith(":2025.10.11");
    assertThat(occurrences("RolledBack")).isEqualTo(1);

    // A spec change starts a fresh rollout.
    sandbox.edit("nexus-cos", p -> service(p, "billing-service").setTag(null));
    NexusPlatform fixed = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getPhase() == Phase.Ready
        && p.getStatus().getStableRevision() == 3);
    assertThat(Conditions.isTrue(fixed.getStatus().getConditions(), ConditionType.ROLLED_BACK)).isFalse();
    assertThat(fixed.getStatus().getFailedRevision()).isNull();
    assertThat(image("nexus-finance", "billing-service")).endsWith(":2025.11.01");
  }

  @Test
  void manualRollbackOfTheWholePlatformAndOfOneService() {
    readyPlatform(60);
    sandbox.edit("nexus-cos", p -> p.getSpec().setVersion("2.0.0"));
    sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getStableRevision() == 2 && p.getStatus().getPhase() == Phase.Ready);

    sandbox.edit("nexus-cos", p -> p.getMetadata().setAnnotations(Map.of(Labels.ROLLBACK_TO, "1",
        Labels.ROLLBACK_SERVICES, "token-mgr")));
    NexusPlatform one = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getStableRevision() == 3
        && p.getStatus().getPhase() == Phase.Ready);
    assertThat(service(one, "token-mgr").getTag()).as("written back into the spec").isEqualTo("2025.10.11");
    assertThat(one.getSpec().getVersion()).isEqualTo("2.0.0");
    assertThat(one.getMetadata().getAnnotations()).doesNotContainKey(Labels.ROLLBACK_TO);
    assertThat(image("nexus-platform", "token-mgr")).endsWith(":2025.10.11");
    assertThat(image("nexus-platform", "backend-api")).endsWith(":2.0.0");

    sandbox.edit("nexus-cos", p -> p.getMetadata().setAnnotations(Map.of(Labels.ROLLBACK_TO, "1")));
    NexusPlatform all = sandbox.awaitStatus("nexus-cos", p -> p.getSpec().getVersion().equals("2025.10.11")
        && p.getStatus().getPhase() == Phase.Ready && p.getStatus().getStableRevision() == 4);
    assertThat(service(all, "token-mgr").getTag()).isNull();
    assertThat(image("nexus-platform", "backend-api")).endsWith(":2025.10.11");
    assertThat(occurrences("RollbackRequested")).isEqualTo(2);
    assertThat(events("RollbackRequested")).as("two different restorations: two Events").hasSize(2);

    sandbox.edit("nexus-cos", p -> p.getMetadata().setAnnotations(Map.of(Labels.ROLLBACK_TO, "99")));
    await().atMost(SandboxExtension.TIMEOUT).until(() -> events("RollbackFailed").size() == 1
        && !sandbox.get("nexus-cos").getMetadata().getAnnotations().containsKey(Labels.ROLLBACK_TO));
    assertThat(events("RollbackFailed").get(0).getMessage()).contains("no such revision");
  }

  @Test
  void historyIsPrunedAtTheLimitKeepingCurrentAndStable() {
    NexusPlatform p = SandboxExtension.example("minimal.yaml");
    RolloutSpec rollout = new RolloutSpec();
    rollout.setRevisionHistoryLimit(2);
    p.getSpec().setRollout(rollout);
    sandbox.apply(p);
    for (int release = 2; release <= 5; release++) {
      String version = release + ".0.0";
      int expected = release;
      sandbox.edit("minimal", x -> x.getSpec().setVersion(version));
      sandbox.awaitStatus("minimal", x -> x.getStatus().getStableRevision() != null
          && x.getStatus().getStableRevision() == expected);
    }
    await().atMost(SandboxExtension.TIMEOUT).until(() -> revisions("minimal").size() == 2);
    assertThat(revisions("minimal")).extracting(ControllerRevision::getRevision).containsExactlyInAnyOrder(4L, 5L);
  }

  @Test
  void operatorRestartedInTheMiddleOfAFailingRolloutRollsBack() {
    readyPlatform(3);
    sandbox.edit("nexus-cos", p -> service(p, "ledger-mgr").setTag("broken-9"));
    NexusPlatform rolling = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getRolloutStartedAt() != null);
    sandbox.sandbox().stopOperator();
    Instant deadline = Instant.parse(rolling.getStatus().getRolloutStartedAt()).plusSeconds(3);
    await().atMost(SandboxExtension.TIMEOUT).until(() -> Instant.now().isAfter(deadline));

    sandbox.sandbox().startOperator();
    NexusPlatform back = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getPhase() == Phase.Ready
        && Conditions.isTrue(p.getStatus().getConditions(), ConditionType.ROLLED_BACK));
    assertThat(back.getStatus().getCurrentRevision()).isEqualTo(1);
    assertThat(image("nexus-finance", "ledger-mgr")).endsWith(":2025.10.11");
  }

  @Test
  void operatorRestartedInTheMiddleOfAGoodRolloutFinishesIt() {
    readyPlatform(60);
    sandbox.edit("nexus-cos", p -> p.getSpec().setVersion("2.0.0"));
    sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getRolloutStartedAt() != null);
    sandbox.sandbox().stopOperator();
    sandbox.sandbox().startOperator();
    NexusPlatform done = sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getPhase() == Phase.Ready
        && p.getStatus().getStableRevision() == 2);
    assertThat(done.getStatus().getCurrentRevision()).isEqualTo(2);
    assertThat(image("nexus-ai", "kei-ai")).endsWith(":2.0.0");
  }

  @Test
  void restartOfOneServiceChangesOnlyThatDeploymentsPodTemplate() {
    readyPlatform(60);
    int mark = sandbox.sandbox().apiServer().requests().size();
    sandbox.edit("nexus-cos", p -> service(p, "kei-ai").setRestartedAt("2026-11-25T10:00:00Z"));
    sandbox.awaitStatus("nexus-cos", p -> p.getStatus().getStableRevision() == 2 && p.getStatus().getPhase() == Phase.Ready);
    List<String> writes = sandbox.sandbox().apiServer().requests().subList(mark, sandbox.sandbox().apiServer().requests().size())
        .stream().filter(r -> Sandbox.OPERATOR_AGENT.equals(r.userAgent()) && !r.method().equals("GET")
            && !r.path().contains("/nexusplatforms/") && !r.path().contains("/events") && !r.path().contains("/controllerrevisions"))
        .map(r -> r.method() + " " + r.path().replaceAll("\\?.*", "")).toList();
    assertThat(writes).containsExactly("PUT /apis/apps/v1/namespaces/nexus-ai/deployments/kei-ai");
    assertThat(sandbox.deployment("nexus-ai", "kei-ai").getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(Labels.SERVICE_RESTARTED_AT, "2026-11-25T10:00:00Z");
  }

  private List<ControllerRevision> revisions(String platform) {
    return sandbox.client().apps().controllerRevisions().inAnyNamespace().withLabel(Labels.INSTANCE, platform)
        .list().getItems();
  }
}
