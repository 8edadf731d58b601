package online.nexuscos.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.Platforms;
import org.junit.jupiter.api.Test;

/** What counts as drift, and what an update writes. */
class ObjectDiffTest {

  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final List<HasMetadata> desired = PlatformRenderer.render(PlatformResolver.resolve(Platforms.small("d")));

  private <T extends HasMetadata> T desired(ChildKind kind, String name) {
    @SuppressWarnings("unchecked")
    T found = (T) desired.stream().filter(o -> ChildKind.of(o) == kind && o.getMetadata().getName().equals(name))
        .findFirst().orElseThrow();
    return JSON.clone(found);
  }

  @Test
  void serverAddedFieldsAreNotDrift() {
    Service want = desired(ChildKind.SERVICE, "backend-api");
    Service live = JSON.clone(want);
    live.getSpec().setClusterIP("10.0.0.12");
    live.getSpec().setSessionAffinity("None");
    live.getMetadata().setResourceVersion("42");
    live.getMetadata().getLabels().put("added-by", "someone");
    assertThat(ObjectDiff.upToDate(live, want)).isTrue();
  }

  @Test
  void zeroNumbersTheServerDropsAreNotDriftButARemovedFalseFlagIs() {
    Deployment want = desired(ChildKind.DEPLOYMENT, "backend-api");
    var container = want.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getStartupProbe().getInitialDelaySeconds()).as("rendered as 0").isZero();
    Deployment live = JSON.clone(want);
    live.getSpec().getTemplate().getSpec().getContainers().get(0).getStartupProbe().setInitialDelaySeconds(null);
    assertThat(ObjectDiff.upToDate(live, want)).as("int32 omitempty: the API server omits 0").isTrue();

    live.getSpec().getTemplate().getSpec().getContainers().get(0).getStartupProbe().setInitialDelaySeconds(5);
    assertThat(ObjectDiff.upToDate(live, want)).as("a non-zero value is a change").isFalse();

    Deployment unsafe = JSON.clone(want);
    unsafe.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setAllowPrivilegeEscalation(null);
    assertThat(ObjectDiff.upToDate(unsafe, want)).as("*bool: missing means the default (true), not false").isFalse();
  }

  @Test
  void aChangedSelectorIsReportedAsImmutableNeverWritten() {
    Deployment want = desired(ChildKind.DEPLOYMENT, "backend-api");
    Deployment live = JSON.clone(want);
    assertThat(ImmutableFields.changed(live, want)).isEmpty();
    live.getSpec().getSelector().getMatchLabels().put("app.kubernetes.io/instance", "old-name");
    assertThat(ImmutableFields.changed(live, want)).hasValueSatisfying(reason ->
        assertThat(reason).contains("spec.selector").contains("immutable").contains("old-name")
            .contains("kubectl delete deployment -n " + want.getMetadata().getNamespace() + " backend-api"));
  }

  @Test
  void changedFieldOrDifferentHashIsDrift() {
    Deployment want = desired(ChildKind.DEPLOYMENT, "backend-api");
    Deployment edited = JSON.clone(want);
    edited.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:1");
    assertThat(ObjectDiff.upToDate(edited, want)).isFalse();

    Deployment oldHash = JSON.clone(want);
    oldHash.getMetadata().getAnnotations().put("platform.nexuscos.online/desired-hash", "stale");
    assertThat(ObjectDiff.upToDate(oldHash, want)).isFalse();

    Deployment removedLabel = JSON.clone(want);
    removedLabel.getMetadata().getLabels().remove("app.kubernetes.io/instance");
    assertThat(ObjectDiff.upToDate(removedLabel, want)).isFalse();
  }

  @Test
  void hpaOwnedReplicasAreNotDriftAndSurviveAnUpdate() {
    Deployment want = desired(ChildKind.DEPLOYMENT, "auth-service");
    Deployment live = JSON.clone(want);
    live.getSpec().setReplicas(4);
    assertThat(ObjectDiff.upToDate(live, want)).isTrue();

    live.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:1");
    Deployment merged = ObjectDiff.merge(live, want);
    assertThat(merged.getSpec().getReplicas()).isEqualTo(4);
    assertThat(merged.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("ghcr.io/nexus-cos/auth-service:1.0.0");

    Deployment fenced = JSON.clone(want);
    fenced.getSpec().setReplicas(0);
    assertThat(ObjectDiff.upToDate(fenced, want)).as("an HPA never scales up from zero").isFalse();
    assertThat(ObjectDiff.merge(fenced, want).getSpec().getReplicas()).isEqualTo(2);

    Deployment fixed = desired(ChildKind.DEPLOYMENT, "backend-api");
    Deployment scaled = JSON.clone(fixed);
    scaled.getSpec().setReplicas(7);
    assertThat(ObjectDiff.upToDate(scaled, fixed)).as("no HPA: replicas are ours").isFalse();
    assertThat(ObjectDiff.merge(scaled, fixed).getSpec().getReplicas()).isEqualTo(2);
  }

  @Test
  void mergeKeepsServerFieldsAndForeignMetadataAndReplacesData() {
    Service want = desired(ChildKind.SERVICE, "backend-api");
    Service live = JSON.clone(want);
    live.getSpec().setClusterIP("10.0.0.12");
    live.getMetadata().getAnnotations().put("note", "keep me");
    live.getMetadata().setResourceVersion("42");
    Service merged = ObjectDiff.merge(live, want);
    assertThat(merged.getSpec().getClusterIP()).isEqualTo("10.0.0.12");
    assertThat(merged.getMetadata().getAnnotations()).containsEntry("note", "keep me");
    assertThat(merged.getMetadata().getResourceVersion()).as("optimistic lock").isEqualTo("42");

    var cm = (io.fabric8.kubernetes.api.model.ConfigMap) desired(ChildKind.CONFIG_MAP, "nexus-platform-settings");
    var liveCm = JSON.clone(cm);
    liveCm.getData().put("EXTRA", "x");
    assertThat(ObjectDiff.merge(liveCm, cm).getData()).doesNotContainKey("EXTRA");
  }

  @Test
  void containsTreatsMissingAsEmptyAndComparesQuantitiesAndNumbersByValue() {
    assertThat(ObjectDiff.contains(null, List.of())).isTrue();
    assertThat(ObjectDiff.contains(Map.of(), Map.of())).isTrue();
    assertThat(ObjectDiff.contains(Map.of("a", 1), Map.of())).as("desired empty, live not").isFalse();
    assertThat(ObjectDiff.contains("1000m", "1")).isTrue();
    assertThat(ObjectDiff.contains("0.5Gi", "512Mi")).isTrue();
    assertThat(ObjectDiff.contains("500m", "1")).isFalse();
    assertThat(ObjectDiff.contains(3L, 3)).isTrue();
    assertThat(ObjectDiff.contains(List.of(1, 2, 3), List.of(1, 2))).as("extra list items are drift").isFalse();
  }
}
