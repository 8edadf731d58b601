package online.nexuscos.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.Labels;
import org.junit.jupiter.api.Test;

/** The memo of up-to-date comparisons forgets as soon as either side changed. */
class VerifiedObjectsTest {

  private static Deployment live(String uid, String rv) {
    return new DeploymentBuilder().withNewMetadata().withName("api").withNamespace("ns").withUid(uid)
        .withResourceVersion(rv).endMetadata().withNewSpec().withReplicas(2).endSpec().build();
  }

  private static Deployment want(String hash, int replicas) {
    return new DeploymentBuilder().withNewMetadata().withName("api").withNamespace("ns")
        .addToAnnotations(Labels.DESIRED_HASH, hash).endMetadata().withNewSpec().withReplicas(replicas).endSpec().build();
  }

  private final VerifiedObjects memo = new VerifiedObjects();
  private final ChildKey key = ChildKey.of(want("h1", 2));

  @Test
  void aRememberedPairIsKnownUntilEitherSideChanges() {
    assertThat(memo.known(key, live("u1", "10"), want("h1", 2))).isFalse();
    memo.remember(key, live("u1", "10"), want("h1", 2));
    assertThat(memo.known(key, live("u1", "10"), want("h1", 2))).isTrue();
    assertThat(memo.known(key, live("u1", "11"), want("h1", 2))).as("live object written since").isFalse();
    assertThat(memo.known(key, live("u2", "10"), want("h1", 2))).as("re-created object").isFalse();
    assertThat(memo.known(key, live("u1", "10"), want("h2", 2))).as("new desired state").isFalse();
    assertThat(memo.known(key, live("u1", "10"), want("h1", 3))).as("replicas outside the hash").isFalse();
  }

  @Test
  void forgottenPairsAndObjectsWithoutVersionsAreNeverKnown() {
    memo.remember(key, live("u1", "10"), want("h1", 2));
    memo.forget(key);
    assertThat(memo.known(key, live("u1", "10"), want("h1", 2))).isFalse();
    memo.remember(key, live(null, null), want("h1", 2));
    assertThat(memo.known(key, live(null, null), want("h1", 2))).isFalse();
  }
}
