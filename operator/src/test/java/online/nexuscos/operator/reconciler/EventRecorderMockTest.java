package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.operator.testing.MockCluster;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Events are aggregated per platform, type and reason, as the API server's recorders do. */
class EventRecorderMockTest {

  private final MockCluster cluster = new MockCluster();

  @AfterEach
  void close() {
    cluster.close();
  }

  private List<Event> events() {
    return cluster.client().v1().events().inNamespace(EventRecorder.NAMESPACE).list().getItems();
  }

  @Test
  void aRepeatedReasonCountsOnOneEventAndAnExpiredOneStartsAgain() {
    NexusPlatform platform = cluster.client().resource(Platforms.small("loud")).create();
    int mark = cluster.log().mark();
    Instant t0 = Instant.parse("2026-12-03T12:00:00Z");
    EventRecorder first = new EventRecorder(cluster.operatorClient(), Clock.fixed(t0, ZoneOffset.UTC));
    first.warning(platform, "RollbackFailed", "no such revision 7");
    first.warning(platform, "RollbackFailed", "no such revision 7");
    first.warning(platform, "RollbackFailed", "no such revision 9");
    first.normal(platform, "Ready", "All 3 services are available.");
    EventRecorder later = new EventRecorder(cluster.operatorClient(), Clock.fixed(t0.plusSeconds(60), ZoneOffset.UTC));
    assertThat(events()).as("identical ones counted, another message its own Event").hasSize(3);
    assertThat(cluster.log().since(mark, MockCluster.OPERATOR_AGENT)).extracting(e -> e.method())
        .as("a repeat is one PATCH, no GET before it").containsExactly("POST", "PATCH", "POST", "POST");

    Event failed = events().stream().filter(e -> "no such revision 7".equals(e.getMessage())).findFirst().orElseThrow();
    assertThat(failed.getCount()).isEqualTo(2);
    assertThat(events().stream().filter(e -> "no such revision 9".equals(e.getMessage())).findFirst().orElseThrow()
        .getCount()).isEqualTo(1);
    assertThat(failed.getType()).isEqualTo("Warning");
    assertThat(failed.getInvolvedObject().getUid()).isEqualTo(platform.getMetadata().getUid());

    // Another recorder (another process) does not know that Event: it starts its own, as client-go does.
    later.warning(platform, "RollbackFailed", "no such revision 7");
    assertThat(events().stream().filter(e -> "no such revision 7".equals(e.getMessage()))).hasSize(2);

    // An Event the API server expired is created again, counting from 1.
    cluster.client().v1().events().inNamespace(EventRecorder.NAMESPACE).withName(failed.getMetadata().getName()).delete();
    first.warning(platform, "RollbackFailed", "no such revision 7");
    assertThat(events().stream().filter(e -> "no such revision 7".equals(e.getMessage())).mapToInt(Event::getCount)
        .sorted().boxed().toList()).containsExactly(1, 1);
    assertThat(events().stream().filter(e -> "Ready".equals(e.getReason())).findFirst().orElseThrow().getCount()).isEqualTo(1);
  }
}
