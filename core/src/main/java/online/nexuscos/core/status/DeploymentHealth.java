package online.nexuscos.core.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.util.List;
import java.util.Objects;
import online.nexuscos.platform.api.v1alpha1.ServiceState;

/** Reads a Deployment's status the way {@code kubectl rollout status} does. Pure. */
public final class DeploymentHealth {

  /** The state, and a message when the state is not Available. */
  public record Health(ServiceState state, String message) {}

  private DeploymentHealth() {}

  public static Health of(Deployment d) {
    if (d == null) {
      return new Health(ServiceState.Pending, "Deployment not created yet");
    }
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    var status = d.getStatus();
    List<DeploymentCondition> conditions = status == null || status.getConditions() == null ? List.of() : status.getConditions();
    long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
    long observed = status == null || status.getObservedGeneration() == null ? -1 : status.getObservedGeneration();
    if (observed < generation) {
      return new Health(ServiceState.Progressing, "waiting for the Deployment controller to observe the new spec");
    }
    for (DeploymentCondition c : conditions) {
      if ("Progressing".equals(c.getType()) && "False".equals(c.getStatus())) {
        return new Health(ServiceState.Failed, c.getReason() + ": " + Objects.requireNonNullElse(c.getMessage(), ""));
      }
    }
    int updated = n(status.getUpdatedReplicas());
    int available = n(status.getAvailableReplicas());
    int total = n(status.getReplicas());
    if (updated < desired) {
      return new Health(ServiceState.Progressing, updated + " of " + desired + " replicas updated");
    }
    if (total > updated) {
      return new Health(ServiceState.Progressing, (total - updated) + " old replicas pending termination");
    }
    if (available < desired) {
      return new Health(ServiceState.Progressing, available + " of " + desired + " updated replicas available");
    }
    return new Health(ServiceState.Available, null);
  }

  private static int n(Integer value) {
    return value == null ? 0 : value;
  }
}
