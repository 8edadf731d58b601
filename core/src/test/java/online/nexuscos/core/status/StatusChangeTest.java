package online.nexuscos.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import online.nexuscos.platform.api.v1alpha1.ServiceStatus;
import org.junit.jupiter.api.Test;

class StatusChangeTest {

  @Test
  void equalStatusesAreNoChangeAndANeverWrittenStatusIsAFact() {
    assertThat(StatusChange.between(status(service(ServiceState.Progressing, 1, "1 of 2 replicas updated")),
        status(service(ServiceState.Progressing, 1, "1 of 2 replicas updated")))).isEqualTo(StatusChange.NONE);
    assertThat(StatusChange.between(null, status(service(ServiceState.Pending, 0, null))))
        .isEqualTo(StatusChange.SUBSTANTIVE);
  }

  @Test
  void countsAndMessagesOfAServiceStayingProgressingAreProgress() {
    var before = status(service(ServiceState.Progressing, 0, "waiting for the Deployment controller to observe the new spec"));
    var after = status(service(ServiceState.Progressing, 1, "1 of 2 updated replicas available"));
    assertThat(StatusChange.between(before, after)).isEqualTo(StatusChange.PROGRESS);
  }

  @Test
  void aServiceChangingStateAConditionOrARevisionIsAFact() {
    var progressing = status(service(ServiceState.Progressing, 1, "1 of 2 updated replicas available"));
    assertThat(StatusChange.between(progressing, status(service(ServiceState.Available, 2, null))))
        .isEqualTo(StatusChange.SUBSTANTIVE);
    assertThat(StatusChange.between(progressing, status(service(ServiceState.Failed, 1, "ProgressDeadlineExceeded"))))
        .isEqualTo(StatusChange.SUBSTANTIVE);

    var revised = status(service(ServiceState.Progressing, 1, "1 of 2 updated replicas available"));
    revised.setCurrentRevision(4);
    assertThat(StatusChange.between(progressing, revised)).isEqualTo(StatusChange.SUBSTANTIVE);

    var turned = status(service(ServiceState.Progressing, 1, "1 of 2 updated replicas available"));
    turned.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus("False").build()));
    assertThat(StatusChange.between(progressing, turned)).isEqualTo(StatusChange.SUBSTANTIVE);
  }

  @Test
  void countsOfAnAvailableServiceAreFacts() {
    // An Available service's counts say what runs (an HPA scaled it): not commentary on a rollout.
    assertThat(StatusChange.between(status(service(ServiceState.Available, 2, null)),
        status(service(ServiceState.Available, 3, null)))).isEqualTo(StatusChange.SUBSTANTIVE);
  }

  private static NexusPlatformStatus status(ServiceStatus service) {
    NexusPlatformStatus s = new NexusPlatformStatus();
    s.setServices(List.of(service));
    s.setCurrentRevision(3);
    return s;
  }

  private static ServiceStatus service(ServiceState state, int ready, String message) {
    ServiceStatus s = new ServiceStatus();
    s.setName("auth-service");
    s.setNamespace("nexus-auth");
    s.setState(state);
    s.setDesiredReplicas(2);
    s.setReadyReplicas(ready);
    s.setAvailableReplicas(ready);
    s.setMessage(message);
    return s;
  }
}
