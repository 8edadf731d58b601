package online.nexuscos.e2e;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;

/**
 * Where the benchmark runs: the real control plane or the sandbox. A tier gives a plain client
 * (the floor's, and the observer's), a fresh place for each run, and the operator's requests.
 */
interface BenchTier extends AutoCloseable {

  String name();

  /** Starts a run: a place where {@code withOperator} decides whether the operator is running. */
  void begin(boolean withOperator);

  /** Ends a run: everything it created is gone before the next run starts. */
  void end(List<String> platforms, List<String> floorInstances);

  /** A plain client acting as a user (the floor writes with it; the observer reads with it). */
  KubernetesClient client();

  /** A position in the operator's request record. */
  long mark();

  /** The operator's requests after {@code mark}, counted by "verb resource" (leader-election Leases left out). */
  Map<String, Long> operatorRequests(long mark);

  @Override
  void close();

  /** Objects labelled managed-by the operator, of every kind it writes. */
  static long managed(KubernetesClient client) {
    long count = 0;
    for (ChildKind kind : ChildKind.values()) {
      count += (kind.namespaced()
          ? client.resources(kind.type()).inAnyNamespace().withLabelSelector(Labels.MANAGED_SELECTOR).list()
          : client.resources(kind.type()).withLabelSelector(Labels.MANAGED_SELECTOR).list()).getItems().size();
    }
    return count;
  }

  /** Children of platform {@code instance} that exist, of every kind the operator writes. */
  static int written(KubernetesClient client, String instance) {
    int count = 0;
    for (ChildKind kind : ChildKind.values()) {
      List<? extends HasMetadata> items = kind.namespaced()
          ? client.resources(kind.type()).inAnyNamespace().withLabel(Labels.INSTANCE, instance).list().getItems()
          : client.resources(kind.type()).withLabel(Labels.INSTANCE, instance).list().getItems();
      count += items.size();
    }
    return count;
  }
}
