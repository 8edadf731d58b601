package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Simulation of the Deployment controller and kubelet for one Deployment: what its status would
 * be at {@code now}. A rollout becomes available {@code readyDelay} after it started, unless a
 * container's image tag starts with {@code broken} or no Ready node admits its pods; then, once
 * {@code progressDeadlineSeconds} has passed, {@code Progressing} turns False with reason
 * {@code ProgressDeadlineExceeded}, as the real controller does. Pure.
 */
public final class DeploymentSimulation {

  /** The image tag prefix that never becomes ready. */
  public static final String BROKEN_TAG_PREFIX = "broken";

  /**
   * @param status the status to report
   * @param completed whether this generation's rollout has completed (it stays completed)
   * @param nextCheck when the outcome changes by itself, or null
   */
  public record Outcome(DeploymentStatus status, boolean completed, Instant nextCheck) {}

  private DeploymentSimulation() {}

  public static Outcome simulate(Deployment d, Instant rolloutStart, boolean completedBefore, Instant now,
      Duration readyDelay, boolean schedulable) {
    int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    int deadlineSeconds = d.getSpec().getProgressDeadlineSeconds() == null ? 600 : d.getSpec().getProgressDeadlineSeconds();
    String rs = d.getMetadata().getName() + "-" + generation;
    Duration elapsed = Duration.between(rolloutStart, now);
    boolean healthy = !broken(d) && schedulable;

    if (desired == 0 || (healthy && (completedBefore || !elapsed.minus(readyDelay).isNegative()))) {
      return new Outcome(status(generation, desired, desired,
          condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability."),
          condition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + rs + "\" has successfully progressed.")),
          true, null);
    }
    DeploymentCondition unavailable = condition("Available", "False", "MinimumReplicasUnavailable",
        "Deployment does not have minimum availability.");
    if (healthy) {
      return new Outcome(status(generation, desired, 0, unavailable, updating(rs)), false, rolloutStart.plus(readyDelay));
    }
    if (completedBefore) {
      // The rollout finished earlier; its pods lost their nodes. Not a failed rollout.
      return new Outcome(status(generation, desired, 0, unavailable,
          condition("Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"" + rs + "\" has successfully progressed.")),
          true, null);
    }
    Instant deadline = rolloutStart.plusSeconds(deadlineSeconds);
    if (!now.isBefore(deadline)) {
      return new Outcome(status(generation, desired, 0, unavailable,
          condition("Progressing", "False", "ProgressDeadlineExceeded", "ReplicaSet \"" + rs + "\" has timed out progressing.")),
          false, null);
    }
    return new Outcome(status(generation, desired, 0, unavailable, updating(rs)), false, deadline);
  }

  /** Whether any container runs an image whose tag starts with {@value #BROKEN_TAG_PREFIX}. */
  public static boolean broken(Deployment d) {
    List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
    return containers.stream().map(Container::getImage).anyMatch(image -> {
      int slash = image.lastIndexOf('/');
      int colon = image.lastIndexOf(':');
      return colon > slash && image.substring(colon + 1).startsWith(BROKEN_TAG_PREFIX);
    });
  }

  private static DeploymentCondition updating(String rs) {
    return condition("Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"" + rs + "\" is progressing.");
  }

  private static DeploymentStatus status(long generation, int desired, int available,
      DeploymentCondition availableCondition, DeploymentCondition progressing) {
    return new DeploymentStatusBuilder()
        .withObservedGeneration(generation)
        .withReplicas(desired)
        .withUpdatedReplicas(desired)
        .withReadyReplicas(available)
        .withAvailableReplicas(available)
        .withUnavailableReplicas(desired - available == 0 ? null : desired - available)
        .withConditions(availableCondition, progressing)
        .build();
  }

  private static DeploymentCondition condition(String type, String status, String reason, String message) {
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message).build();
  }
}
