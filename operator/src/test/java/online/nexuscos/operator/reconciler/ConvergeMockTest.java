package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.operator.testing.OperatorHarness;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator converges a platform on the mock API server and keeps it converged. */
class ConvergeMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();
  private final KubernetesClient client = harness.cluster().client();

  @Test
  void createsEveryChildOfTheFullExampleAndReportsReadinessAsDeploymentsBecomeAvailable() {
    NexusPlatform platform = Platforms.example("nexus-cos.yaml");
    int expected = PlatformRenderer.render(PlatformResolver.resolve(platform)).size();
    harness.apply(platform);

    NexusPlatform progressing = harness.awaitPhase("nexus-cos", Phase.Progressing);
    assertThat(progressing.getStatus().getServicesReady()).isEqualTo("0/22");
    assertThat(progressing.getStatus().getCurrentRevision()).isEqualTo(1);
    assertThat(Conditions.isTrue(progressing.getStatus().getConditions(), ConditionType.PROGRESSING)).isTrue();
    assertThat(Conditions.find(progressing.getStatus().getConditions(), ConditionType.PROGRESSING).orElseThrow()
        .getMessage()).as("dependency order: backend-api waits").contains("waiting for their dependencies");
    NexusPlatform ready = harness.awaitReady("nexus-cos");

    assertThat(client.namespaces().withLabel(Labels.INSTANCE, "nexus-cos").list().getItems()).hasSize(9);
    assertThat(client.apps().deployments().inAnyNamespace().list().getItems()).hasSize(22);
    assertThat(client.services().inAnyNamespace().list().getItems()).hasSize(22);
    assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().list().getItems()).hasSize(22);
    assertThat(client.policy().v1().podDisruptionBudget().inAnyNamespace().list().getItems()).hasSize(22);
    assertThat(client.configMaps().inAnyNamespace().list().getItems()).as("settings and site endpoints").hasSize(18);
    int policies = client.network().v1().networkPolicies().inAnyNamespace().list().getItems().size();
    assertThat(9 + 22 * 4 + 18 + policies).isEqualTo(expected);

    Deployment api = client.apps().deployments().inNamespace("nexus-platform").withName("backend-api").get();
    assertThat(api.getMetadata().getLabels())
        .containsEntry(Labels.INSTANCE, "nexus-cos")
        .containsEntry(Labels.MANAGED_BY, "nexus-operator")
        .containsEntry(Labels.PART_OF, "nexus-cos");
    assertThat(api.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/nexus-cos/backend-api:2025.10.11");
    assertThat(api.getMetadata().getOwnerReferences()).as("no owner refs: Retain must keep children").isEmpty();
    assertThat(ready.getStatus().getServicesReady()).isEqualTo("22/22");
    assertThat(ready.getStatus().getStableRevision()).isEqualTo(1);
    assertThat(ready.getStatus().getServices()).allMatch(s -> s.getState() == ServiceState.Available);
    assertThat(Conditions.isTrue(ready.getStatus().getConditions(), ConditionType.READY)).isTrue();
    assertThat(ready.getStatus().getConditions()).allMatch(c -> c.getObservedGeneration() == 1L);
  }

  @Test
  void noOpResyncMakesZeroWriteRequests() {
    harness.apply(Platforms.small("quiet"));
    harness.awaitPhase("quiet", Phase.Progressing);
    harness.markAllAvailable();
    harness.awaitPhase("quiet", Phase.Ready);
    harness.awaitEvent("quiet", "Ready");

    int mark = harness.cluster().log().mark();
    long before = harness.operator().counters().reconciles();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> harness.operator().counters().reconciles() >= before + 3);

    assertThat(harness.operatorWritesSince(mark)).as("writes during resyncs").isEmpty();
  }

  @Test
  void specChangeWritesOnlyTheChangedChildren() {
    NexusPlatform platform = harness.apply(Platforms.small("change"));
    harness.awaitPhase("change", Phase.Progressing);
    harness.markAllAvailable();
    harness.awaitPhase("change", Phase.Ready);
    harness.awaitEvent("change", "Ready");

    int mark = harness.cluster().log().mark();
    NexusPlatform live = harness.get("change");
    live.getSpec().getServices().stream().filter(s -> s.getName().equals("token-mgr"))
        .findFirst().orElseThrow().setTag("1.0.1");
    client.resource(live).update();

    await().atMost(Duration.ofSeconds(10)).until(() -> "1.0.1".equals(
        client.apps().deployments().inNamespace("change-auth").withName("token-mgr").get()
            .getSpec().getTemplate().getSpec().getContainers().get(0).getImage().split(":")[1]));
    harness.awaitStatus("change", p -> p.getStatus().getObservedGeneration() == 2L);
    long settled = harness.operator().counters().reconciles();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.operator().counters().reconciles() >= settled + 2);

    List<String> childWrites = harness.operatorWritesSince(mark).stream()
        .filter(e -> !e.path().contains("/nexusplatforms/") && !e.path().contains("/events"))
        .map(e -> e.method() + " " + e.path().replaceAll("\\?.*", ""))
        .toList();
    assertThat(childWrites).containsExactlyInAnyOrder(
        "PUT /apis/apps/v1/namespaces/change-auth/deployments/token-mgr",
        "POST /apis/apps/v1/namespaces/change-platform/controllerrevisions");
    assertThat(harness.get("change").getStatus().getCurrentRevision()).isEqualTo(2);
  }

  @Test
  void deletedChildComesBackAndHandEditIsReverted() {
    harness.apply(Platforms.small("heal"));
    harness.awaitPhase("heal", Phase.Progressing);

    client.services().inNamespace("heal-platform").withName("backend-api").delete();
    await().atMost(Duration.ofSeconds(10)).until(() ->
        client.services().inNamespace("heal-platform").withName("backend-api").get() != null);

    client.configMaps().inNamespace("heal-auth").withName(Names.SETTINGS_CONFIG_MAP)
        .edit(cm -> {
          cm.getData().put("NEXUS_PLATFORM_VERSION", "hacked");
          return cm;
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> "1.0.0".equals(
        client.configMaps().inNamespace("heal-auth").withName(Names.SETTINGS_CONFIG_MAP).get()
            .getData().get("NEXUS_PLATFORM_VERSION")));

    client.apps().deployments().inNamespace("heal-platform").withName("backend-api")
        .edit(d -> {
          d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil/image:latest");
          return d;
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> "ghcr.io/nexus-cos/backend-api:1.0.0".equals(
        client.apps().deployments().inNamespace("heal-platform").withName("backend-api").get()
            .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()));
  }

  @Test
  void neverFightsTheHpaOverReplicas() {
    harness.apply(Platforms.small("scale"));
    harness.awaitPhase("scale", Phase.Progressing);
    // The HPA scales auth-service to 4; the operator must leave that alone.
    client.apps().deployments().inNamespace("scale-auth").withName("auth-service").scale(4);
    harness.markAllAvailable();
    harness.awaitPhase("scale", Phase.Ready);
    harness.awaitEvent("scale", "Ready");
    int mark = harness.cluster().log().mark();
    long before = harness.operator().counters().reconciles();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.operator().counters().reconciles() >= before + 2);

    assertThat(client.apps().deployments().inNamespace("scale-auth").withName("auth-service").get()
        .getSpec().getReplicas()).isEqualTo(4);
    assertThat(harness.operatorWritesSince(mark)).isEmpty();
    assertThat(client.apps().deployments().inNamespace("scale-platform").withName("backend-api").get()
        .getSpec().getReplicas()).as("no HPA: the spec's replicas").isEqualTo(2);
  }

  @Test
  void disablingAModuleRemovesOnlyItsServicesObjects() {
    harness.apply(Platforms.small("modules"));
    harness.awaitPhase("modules", Phase.Progressing);
    // Someone else's object in the same namespace, not labelled as ours.
    client.configMaps().inNamespace("modules-auth").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("team-notes").endMetadata().addToData("k", "v").build()).create();

    NexusPlatform live = harness.get("modules");
    live.getSpec().getModules().get(0).setEnabled(false);
    // backend-api depends on auth-service: drop that edge, or validation refuses the change.
    live.getSpec().getServices().get(0).setDependsOn(List.of());
    client.resource(live).update();

    // One prune deletes them one after another (Deployments before their Services): wait for all.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(client.apps().deployments().inNamespace("modules-auth").list().getItems()).isEmpty();
      assertThat(client.services().inNamespace("modules-auth").list().getItems()).isEmpty();
      assertThat(client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("modules-auth").list().getItems()).isEmpty();
      assertThat(client.policy().v1().podDisruptionBudget().inNamespace("modules-auth").list().getItems()).isEmpty();
      assertThat(client.network().v1().networkPolicies().inNamespace("modules-auth").withName(Names.gatewayPolicy("auth-service")).get()).isNull();
    });
    assertThat(client.configMaps().inNamespace("modules-auth").withName("team-notes").get()).isNotNull();
    assertThat(client.namespaces().withName("modules-auth").get()).isNotNull();
    assertThat(client.apps().deployments().inNamespace("modules-platform").withName("backend-api").get()).isNotNull();
    NexusPlatform after = harness.awaitStatus("modules", p -> p.getStatus().getObservedGeneration() == 2L);
    assertThat(after.getStatus().getDesiredServices()).isEqualTo(1);
  }
}
