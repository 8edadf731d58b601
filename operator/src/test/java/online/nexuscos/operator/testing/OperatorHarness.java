package online.nexuscos.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import online.nexuscos.operator.NexusOperator;
import online.nexuscos.operator.OperatorSettings;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;

/**
 * A mock API server with the operator running in-process against it, for *MockTest classes;
 * register it with {@code @RegisterExtension} and it is closed after each test.
 */
public final class OperatorHarness implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {

  public static final Duration RESYNC = Duration.ofMillis(500);

  private final MockCluster cluster = new MockCluster();
  private final NexusOperator operator;

  public OperatorHarness() {
    this(OperatorSettings.defaults().withResyncPeriod(RESYNC));
  }

  public OperatorHarness(OperatorSettings settings) {
    operator = NexusOperator.create(cluster.operatorClient(), settings, Clock.systemUTC(), cluster.metrics());
    operator.start();
  }

  public MockCluster cluster() {
    return cluster;
  }

  public NexusOperator operator() {
    return operator;
  }

  public NexusPlatform apply(NexusPlatform platform) {
    return cluster.client().resource(platform).create();
  }

  public NexusPlatform get(String name) {
    return cluster.client().resources(NexusPlatform.class).withName(name).get();
  }

  /** Waits until the platform's status satisfies {@code condition}, and returns it. */
  public NexusPlatform awaitStatus(String name, Predicate<NexusPlatform> condition) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
        .until(() -> get(name), p -> p != null && p.getStatus() != null && condition.test(p));
  }

  /** Waits until the operator has announced {@code reason} for platform {@code name} (Events follow the status write). */
  public void awaitEvent(String name, String reason) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
        cluster.client().v1().events().inAnyNamespace().list().getItems().stream()
            .anyMatch(e -> reason.equals(e.getReason()) && name.equals(e.getInvolvedObject().getName())));
  }

  /** Waits for the status to describe the current generation with the given phase. */
  public NexusPlatform awaitPhase(String name, Phase phase) {
    return awaitStatus(name, p -> phase == p.getStatus().getPhase()
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  /**
   * Plays the Deployment controller until the platform is Ready: every Deployment that exists is
   * made available, again and again, as a rollout in dependency order creates the next ones.
   */
  public NexusPlatform awaitReady(String name) {
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .until(() -> {
          markAllAvailable();
          return get(name);
        }, p -> p != null && p.getStatus() != null && p.getStatus().getPhase() == Phase.Ready
            && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  /** Plays the Deployment controller for every Deployment that exists: all replicas available. */
  public void markAllAvailable() {
    for (Deployment d : cluster.client().apps().deployments().inAnyNamespace().list().getItems()) {
      markAvailable(d);
    }
  }

  public void markAvailable(Deployment d) {
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    setStatus(d, new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withReplicas(replicas).withUpdatedReplicas(replicas)
        .withReadyReplicas(replicas).withAvailableReplicas(replicas)
        .withConditions(condition("Available", "True", "MinimumReplicasAvailable"),
            condition("Progressing", "True", "NewReplicaSetAvailable"))
        .build());
  }

  /** Plays a Deployment controller whose rollout exceeded its progress deadline. */
  public void markFailed(Deployment d) {
    setStatus(d, new DeploymentStatusBuilder()
        .withObservedGeneration(d.getMetadata().getGeneration())
        .withConditions(condition("Progressing", "False", "ProgressDeadlineExceeded"))
        .build());
  }

  private void setStatus(Deployment d, DeploymentStatus status) {
    cluster.client().apps().deployments().inNamespace(d.getMetadata().getNamespace())
        .withName(d.getMetadata().getName())
        .editStatus(live -> {
          live.setStatus(status);
          return live;
        });
  }

  private static DeploymentCondition condition(String type, String status, String reason) {
    return new DeploymentConditionBuilder().withType(type).withStatus(status).withReason(reason)
        .withMessage(reason).build();
  }

  /** Operator write requests since {@code mark}. */
  public List<RequestLog.Entry> operatorWritesSince(int mark) {
    return cluster.log().writesSince(mark, MockCluster.OPERATOR_AGENT);
  }

  @Override
  public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
    close();
  }

  @Override
  public void close() {
    operator.close();
    cluster.close();
  }
}
