package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.operator.testing.OperatorHarness;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input, pause and foreign objects: the operator changes nothing that is running. */
class SafetyMockTest {

  @RegisterExtension final OperatorHarness harness = new OperatorHarness();
  private final KubernetesClient client = harness.cluster().client();

  @Test
  void invalidSpecSetsInvalidSpecEmitsAWarningAndTouchesNoChild() {
    harness.apply(Platforms.small("bad"));
    harness.awaitPhase("bad", Phase.Progressing);
    harness.markAllAvailable();
    harness.awaitPhase("bad", Phase.Ready);
    harness.awaitEvent("bad", "Ready");

    int mark = harness.cluster().log().mark();
    NexusPlatform live = harness.get("bad");
    live.getSpec().getServices().get(0).setDependsOn(List.of("no-such-service"));
    live.getSpec().getServices().get(1).setTag("latest");   // a valid change that must not be applied
    client.resource(live).update();

    NexusPlatform invalid = harness.awaitPhase("bad", Phase.Invalid);
    var condition = Conditions.find(invalid.getStatus().getConditions(), ConditionType.INVALID_SPEC).orElseThrow();
    assertThat(condition.getStatus()).isEqualTo("True");
    assertThat(condition.getMessage())
        .contains("spec.services[0].dependsOn[0]")
        .contains("no-such-service")
        .contains("name a service of spec.services or remove the dependency");
    assertThat(invalid.getStatus().getServicesReady()).as("last observation kept").isEqualTo("3/3");

    await().atMost(Duration.ofSeconds(5)).until(() -> warningEvents("bad").stream()
        .anyMatch(e -> e.getReason().equals(ConditionType.Reason.VALIDATION_FAILED)));
    long before = harness.operator().counters().reconciles();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.operator().counters().reconciles() >= before + 2);

    assertThat(harness.operatorWritesSince(mark))
        .as("only the status patch and one event")
        .allMatch(e -> e.path().contains("/nexusplatforms/bad/status") || e.path().contains("/events"));
    assertThat(warningEvents("bad")).hasSize(1);
    assertThat(warningEvents("bad").get(0).getCount()).as("announced once").isEqualTo(1);
    assertThat(client.apps().deployments().inNamespace("bad-auth").withName("auth-service").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":1.0.0");
  }

  @Test
  void pausedPlatformWritesNothingToChildrenAndResumes() {
    harness.apply(Platforms.small("hold"));
    harness.awaitPhase("hold", Phase.Progressing);

    NexusPlatform live = harness.get("hold");
    live.getSpec().setPaused(true);
    live.getSpec().setVersion("2.0.0");
    client.resource(live).update();
    NexusPlatform paused = harness.awaitPhase("hold", Phase.Paused);
    assertThat(Conditions.isTrue(paused.getStatus().getConditions(), ConditionType.PAUSED)).isTrue();

    int mark = harness.cluster().log().mark();
    client.services().inNamespace("hold-platform").withName("backend-api").delete();
    long before = harness.operator().counters().reconciles();
    await().atMost(Duration.ofSeconds(10)).until(() -> harness.operator().counters().reconciles() >= before + 3);
    assertThat(harness.operatorWritesSince(mark)).isEmpty();
    assertThat(client.services().inNamespace("hold-platform").withName("backend-api").get()).isNull();
    assertThat(client.apps().deployments().inNamespace("hold-platform").withName("backend-api").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).endsWith(":1.0.0");

    live = harness.get("hold");
    live.getSpec().setPaused(false);
    client.resource(live).update();
    await().atMost(Duration.ofSeconds(10)).until(() ->
        client.services().inNamespace("hold-platform").withName("backend-api").get() != null
            && client.apps().deployments().inNamespace("hold-platform").withName("backend-api").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage().endsWith(":2.0.0"));
  }

  @Test
  void namespaceOfAnotherPlatformIsNotTakenOver() {
    harness.apply(Platforms.small("first"));
    harness.awaitPhase("first", Phase.Progressing);

    // "second" declares first-auth as one of its namespaces.
    NexusPlatform second = Platforms.small("second");
    second.getSpec().getNamespaces().get(1).setName("first-auth");
    second.getSpec().getServices().forEach(s -> {
      if (s.getNamespace().equals("second-auth")) {
        s.setNamespace("first-auth");
        s.setName("other-" + s.getName());
      }
    });
    second.getSpec().getServices().get(0).setDependsOn(List.of("other-auth-service"));
    second.getSpec().getServices().get(1).setDependsOn(List.of("other-token-mgr"));
    second.getSpec().getServices().get(1).setPort(4021);
    second.getSpec().getServices().get(2).setPort(4031);
    harness.apply(second);

    NexusPlatform degraded = harness.awaitPhase("second", Phase.Degraded);
    var condition = Conditions.find(degraded.getStatus().getConditions(), ConditionType.DEGRADED).orElseThrow();
    assertThat(condition.getReason()).isEqualTo(ConditionType.Reason.OWNERSHIP_CONFLICT);
    assertThat(condition.getMessage()).contains("Namespace/first-auth belongs to platform first");
    assertThat(client.namespaces().withName("first-auth").get().getMetadata().getLabels())
        .containsEntry(Labels.INSTANCE, "first");
    assertThat(client.apps().deployments().inNamespace("first-auth").withName("other-auth-service").get())
        .as("nothing of second's is put into first's namespace").isNull();
    assertThat(client.apps().deployments().inNamespace("second-platform").withName("backend-api").get())
        .as("second's own namespace is still served").isNotNull();
    await().atMost(Duration.ofSeconds(5)).until(() -> warningEvents("second").stream()
        .anyMatch(e -> e.getReason().equals(ConditionType.Reason.OWNERSHIP_CONFLICT)));
  }

  @Test
  void anExistingNamespaceNotOpenedToThePlatformIsNotTouched() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("tenant-auth")
        .addToLabels("team", "someone-else").endMetadata().build()).create();
    harness.apply(Platforms.small("tenant"));
    NexusPlatform degraded = harness.awaitPhase("tenant", Phase.Degraded);
    var ns = client.namespaces().withName("tenant-auth").get();
    assertThat(ns.getMetadata().getLabels()).containsOnly(java.util.Map.entry("team", "someone-else"));
    assertThat(client.apps().deployments().inNamespace("tenant-auth").list().getItems()).isEmpty();
    assertThat(client.network().v1().networkPolicies().inNamespace("tenant-auth").list().getItems()).isEmpty();
    assertThat(Conditions.find(degraded.getStatus().getConditions(), ConditionType.DEGRADED).orElseThrow().getMessage())
        .contains("was not created by platform tenant").contains("kubectl annotate namespace tenant-auth " + Labels.OPEN_TO + "=tenant");
    assertThat(client.apps().deployments().inNamespace("tenant-platform").withName("backend-api").get())
        .as("its own namespace is served").isNotNull();
  }

  @Test
  void unmanagedNamespaceOpenedToThePlatformIsAdoptedButAnUnmanagedDeploymentIsNot() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("adopt-auth")
        .addToLabels("team", "identity").addToAnnotations(Labels.OPEN_TO, "other, adopt").endMetadata().build()).create();
    client.apps().deployments().inNamespace("adopt-auth").resource(
        new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder()
            .withNewMetadata().withName("token-mgr").endMetadata()
            .withNewSpec().withNewSelector().addToMatchLabels("app", "hand-made").endSelector()
            .withNewTemplate().withNewMetadata().addToLabels("app", "hand-made").endMetadata()
            .withNewSpec().addNewContainer().withName("c").withImage("hand/made:1").endContainer().endSpec()
            .endTemplate().endSpec().build()).create();

    harness.apply(Platforms.small("adopt"));
    NexusPlatform degraded = harness.awaitPhase("adopt", Phase.Degraded);

    var ns = client.namespaces().withName("adopt-auth").get();
    assertThat(ns.getMetadata().getLabels()).containsEntry(Labels.INSTANCE, "adopt").containsEntry("team", "identity");
    assertThat(ns.getMetadata().getAnnotations()).containsEntry(Labels.ADOPTED, "true");
    assertThat(client.apps().deployments().inNamespace("adopt-auth").withName("token-mgr").get()
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("hand/made:1");
    assertThat(Conditions.find(degraded.getStatus().getConditions(), ConditionType.DEGRADED).orElseThrow().getMessage())
        .contains("Deployment adopt-auth/token-mgr exists and is not managed by nexus-operator");
    assertThat(degraded.getStatus().getServices()).anyMatch(s -> s.getName().equals("token-mgr")
        && s.getState() == online.nexuscos.platform.api.v1alpha1.ServiceState.Conflict);
  }

  private List<Event> warningEvents(String platform) {
    return client.v1().events().inNamespace(EventRecorder.NAMESPACE).list().getItems().stream()
        .filter(e -> platform.equals(e.getInvolvedObject().getName()) && "Warning".equals(e.getType()))
        .toList();
  }
}
