package online.nexuscos.e2e;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The real control plane as a benchmark tier: one operator process for the whole benchmark, a
 * run's platforms deleted (deletionPolicy Delete) and their namespaces awaited gone at its end;
 * the operator's requests counted from the API server's audit log.
 */
final class RealTier implements BenchTier {

  private final RealCluster cluster = RealCluster.get();

  RealCluster cluster() {
    return cluster;
  }

  @Override
  public String name() {
    return "real";
  }

  @Override
  public void begin(boolean withOperator) {
    // The operator runs throughout; the floor's objects name no existing platform, so it leaves them alone.
  }

  @Override
  public void end(List<String> platforms, List<String> floorInstances) {
    KubernetesClient c = cluster.admin();
    platforms.forEach(p -> c.resources(NexusPlatform.class).withName(p).delete());
    for (String instance : floorInstances) {
      c.namespaces().withLabel(Labels.INSTANCE, instance).delete();
    }
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
        platforms.stream().allMatch(p -> c.resources(NexusPlatform.class).withName(p).get() == null)
            && c.namespaces().list().getItems().stream().noneMatch(n -> owned(n, platforms, floorInstances)));
  }

  private static boolean owned(Namespace n, List<String> platforms, List<String> floor) {
    String instance = Labels.instanceOf(n.getMetadata().getLabels());
    return instance != null && (platforms.contains(instance) || floor.contains(instance));
  }

  @Override
  public KubernetesClient client() {
    return cluster.admin();
  }

  @Override
  public long mark() {
    return cluster.audit().mark();
  }

  @Override
  public Map<String, Long> operatorRequests(long mark) {
    Map<String, Long> counts = new TreeMap<>();
    cluster.operatorRequests(mark).stream().filter(r -> !r.resource().equals("leases"))
        .forEach(r -> counts.merge(r.verb() + " " + r.resource(), 1L, Long::sum));
    return counts;
  }

  @Override
  public void close() {
    // The cluster is stopped by the build (e2e/cluster/down), the operator by its shutdown hook.
  }
}
