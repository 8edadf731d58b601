package online.nexuscos.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import org.junit.jupiter.api.Test;

/** Manual rollback writes a revision's content back into the spec. */
class ManualRollbackTest {

  private static NexusPlatformSpec specAt(String version) {
    NexusPlatform p = Platforms.small("m");
    p.getSpec().setVersion(version);
    return p.getSpec();
  }

  private static final List<RevisionStore.Revision> HISTORY = List.of(
      new RevisionStore.Revision(3, "h3", specAt("3.0.0"), null, null),
      new RevisionStore.Revision(2, "h2", specAt("2.0.0"), null, null),
      new RevisionStore.Revision(1, "h1", specAt("1.0.0"), null, null));

  private static NexusPlatform request(String to, String services) {
    NexusPlatform p = Platforms.small("m");
    p.getSpec().setVersion("3.0.0");
    p.getSpec().getServices().get(2).setReplicas(5);
    var annotations = new HashMap<String, String>();
    annotations.put(Labels.ROLLBACK_TO, to);
    if (services != null) {
      annotations.put(Labels.ROLLBACK_SERVICES, services);
    }
    p.getMetadata().setAnnotations(annotations);
    return p;
  }

  @Test
  void wholePlatformGetsTheRevisionsWorkloadFieldsAndTheRequestIsRemoved() {
    NexusPlatform p = request("1", null);
    assertThat(ManualRollback.requested(p)).isTrue();
    var result = ManualRollback.apply(p, HISTORY, 3);
    assertThat(result.ok()).isTrue();
    assertThat(result.platform().getSpec().getVersion()).isEqualTo("1.0.0");
    assertThat(result.platform().getSpec().getServices().get(2).getReplicas()).isEqualTo(1);
    assertThat(result.platform().getMetadata().getAnnotations()).doesNotContainKeys(Labels.ROLLBACK_TO);
    assertThat(ManualRollback.requested(result.platform())).isFalse();
    assertThat(result.message()).contains("revision 1").contains("whole platform");
    assertThat(p.getSpec().getVersion()).as("input untouched").isEqualTo("3.0.0");
  }

  @Test
  void aRestoredRevisionStillAnswersToItsOldNumber() {
    var renumbered = new io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder().withNewMetadata()
        .withName("m-h1").addToAnnotations(Labels.PREVIOUS_REVISIONS, "1").endMetadata().withRevision(4L).build();
    var history = List.of(new RevisionStore.Revision(4, "h1", specAt("1.0.0"), null, renumbered),
        new RevisionStore.Revision(3, "h3", specAt("3.0.0"), null, null),
        new RevisionStore.Revision(2, "h2", specAt("2.0.0"), null, null));
    assertThat(history.get(0).previousNumbers()).containsExactly(1);
    assertThat(history.get(0).answersTo(1)).isTrue();
    assertThat(history.get(1).answersTo(1)).isFalse();
    var result = ManualRollback.apply(request("1", null), history, 3);
    assertThat(result.ok()).as(result.message()).isTrue();
    assertThat(result.platform().getSpec().getVersion()).isEqualTo("1.0.0");
    assertThat(ManualRollback.apply(request("2", null), history, 3).platform().getSpec().getVersion())
        .as("a number in use now wins").isEqualTo("2.0.0");
  }

  @Test
  void previousMeansTheNewestRevisionBeforeTheCurrentOne() {
    assertThat(ManualRollback.apply(request("previous", null), HISTORY, 3).platform().getSpec().getVersion())
        .isEqualTo("2.0.0");
  }

  @Test
  void namedServicesArePinnedToTheImageTheyRanAndTheRestIsKept() {
    var result = ManualRollback.apply(request("1", "token-mgr"), HISTORY, 3);
    assertThat(result.ok()).isTrue();
    NexusPlatformSpec spec = result.platform().getSpec();
    assertThat(spec.getVersion()).isEqualTo("3.0.0");
    var token = spec.getServices().stream().filter(s -> s.getName().equals("token-mgr")).findFirst().orElseThrow();
    assertThat(token.getTag()).isEqualTo("1.0.0");
    assertThat(token.getReplicas()).isEqualTo(1);
    assertThat(spec.getServices().get(0).getTag()).isNull();
  }

  @Test
  void unknownRevisionOrServiceIsRefusedWithTheChoices() {
    var missing = ManualRollback.apply(request("9", null), HISTORY, 3);
    assertThat(missing.ok()).isFalse();
    assertThat(missing.message()).contains("no such revision").contains("3, 2, 1");
    assertThat(ManualRollback.requested(missing.platform())).as("request dropped, not retried forever").isFalse();
    assertThat(missing.platform().getSpec().getVersion()).isEqualTo("3.0.0");
    var noService = ManualRollback.apply(request("1", "ghost"), HISTORY, 3);
    assertThat(noService.ok()).isFalse();
    assertThat(noService.message()).contains("ghost");
  }

  @Test
  void aJsonNullOrEmptyRequestIsRefusedAndDroppedNotAnException() {
    for (String to : new String[] {null, "", "  ", "1e9", "99999999999"}) {
      var result = ManualRollback.apply(request(to, null), HISTORY, 3);
      assertThat(result.ok()).as(String.valueOf(to)).isFalse();
      assertThat(result.message()).contains("no such revision");
      assertThat(ManualRollback.requested(result.platform())).isFalse();
    }
  }

  @Test
  void revisionsKeepNoLiteralEnvValuesAndARestoreTakesThemFromTheCurrentSpec() {
    NexusPlatformSpec old = specAt("1.0.0");
    old.getServices().get(0).setEnv(List.of(env("DB_PASSWORD", "hunter2"), env("GONE", "x")));
    NexusPlatformSpec stored = RevisionStore.redacted(old);
    assertThat(new io.fabric8.kubernetes.client.utils.KubernetesSerialization().asJson(stored))
        .doesNotContain("hunter2").contains("DB_PASSWORD");
    assertThat(old.getServices().get(0).getEnv().get(0).getValue()).as("input untouched").isEqualTo("hunter2");

    NexusPlatform p = request("1", null);
    p.getSpec().getServices().get(0).setEnv(List.of(env("DB_PASSWORD", "s3cret-now")));
    var result = ManualRollback.apply(p, List.of(new RevisionStore.Revision(1, "h1", stored, null, null)), 3);
    assertThat(result.ok()).isTrue();
    assertThat(result.platform().getSpec().getServices().get(0).getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue()).containsExactly("DB_PASSWORD=s3cret-now", "GONE=");
    assertThat(result.message()).contains("backend-api/GONE");
  }

  private static online.nexuscos.platform.api.v1alpha1.EnvVarSpec env(String name, String value) {
    var e = new online.nexuscos.platform.api.v1alpha1.EnvVarSpec();
    e.setName(name);
    e.setValue(value);
    return e;
  }
}
