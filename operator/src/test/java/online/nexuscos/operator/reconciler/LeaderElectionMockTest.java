package online.nexuscos.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import online.nexuscos.operator.NexusOperator;
import online.nexuscos.operator.OperatorSettings;
import online.nexuscos.operator.testing.MockCluster;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** Two replicas with leader election: one reconciles; when it stops, the other takes over. */
class LeaderElectionMockTest {

  @Test
  void onlyTheLeaseHolderReconcilesAndTheStandbyTakesOver() {
    try (MockCluster cluster = new MockCluster()) {
      KubernetesClient client = cluster.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("nexus-system").endMetadata().build()).create();
      OperatorSettings settings = OperatorSettings.defaults().withResyncPeriod(Duration.ofMillis(500));
      KubernetesClient secondClient = cluster.client("nexus-operator-2");
      NexusOperator first = NexusOperator.create(cluster.operatorClient(),
          settings.withLeaderElection("nexus-system", "replica-1"), Clock.systemUTC());
      first.start();
      await().atMost(Duration.ofSeconds(10)).until(() ->
          client.leases().inNamespace("nexus-system").withName(OperatorSettings.DEFAULT_LEASE_NAME).get() != null);
      NexusOperator second = NexusOperator.create(secondClient,
          settings.withLeaderElection("nexus-system", "replica-2"), Clock.systemUTC());
      second.start();
      try {
        client.resource(Platforms.small("led")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.counters().reconciles() > 2);
        assertThat(second.counters().reconciles()).as("standby").isZero();
        assertThat(client.leases().inNamespace("nexus-system").withName(OperatorSettings.DEFAULT_LEASE_NAME).get()
            .getSpec().getHolderIdentity()).isEqualTo("replica-1");

        first.close();
        await().atMost(Duration.ofSeconds(40)).until(() -> second.counters().reconciles() > 0);
        NexusPlatform live = client.resources(NexusPlatform.class).withName("led").get();
        live.getSpec().getServices().get(0).setTag("9.9.9");
        client.resource(live).update();
        await().atMost(Duration.ofSeconds(10)).until(() -> client.apps().deployments().inNamespace("led-platform")
            .withName("backend-api").get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()
            .endsWith(":9.9.9"));
      } finally {
        second.close();
        secondClient.close();
      }
    }
  }
}
