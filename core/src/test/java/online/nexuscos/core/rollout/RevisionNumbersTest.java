package online.nexuscos.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import java.util.ArrayList;
import java.util.List;
import online.nexuscos.core.model.Labels;
import org.junit.jupiter.api.Test;

/** Revision numbers: one per release, also when the operator stopped between recording it and the status. */
class RevisionNumbersTest {

  private final List<ControllerRevision> recorded = new ArrayList<>();
  private final RevisionStore store = new RevisionStore(null, platform -> recorded);

  private void record(int number, String hash) {
    recorded.add(new ControllerRevisionBuilder().withNewMetadata().withName("p-" + hash)
        .addToLabels(Labels.REVISION_HASH, hash).endMetadata().withRevision((long) number).build());
  }

  @Test
  void aNewReleaseGetsTheNextNumber() {
    record(1, "h1");
    record(2, "h2");
    assertThat(store.numberFor("p", "h3", 2)).isEqualTo(3);
  }

  @Test
  void aReleaseRecordedByAnInterruptedReconcileKeepsItsNumber() {
    record(1, "h1");
    record(2, "h2");
    record(3, "h3"); // recorded, then the operator was killed before the status said current: 3
    assertThat(store.numberFor("p", "h3", 2)).isEqualTo(3);
  }

  @Test
  void returningToAnOlderReleaseMakesItTheNewest() {
    record(1, "h1");
    record(2, "h2");
    assertThat(store.numberFor("p", "h1", 2)).isEqualTo(3);
    assertThat(store.numberFor("p", "h2", 2)).as("the newest is the current one: not interrupted").isEqualTo(3);
  }
}
