package online.nexuscos.e2e;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.status.DeploymentHealth;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceState;

/**
 * Where a converge in dependency order spends its time. A watch on the platform's Deployments
 * records when each appeared and when it first became available ({@link DeploymentHealth}, the
 * operator's own test). The critical path ends at the Deployment created last and goes back, each
 * time through the dependency that became available last; along it, the controllers' time (a
 * Deployment created until available) and the operator's (the platform created until the first
 * Deployment, then each dependency available until its dependent's Deployment is created).
 */
final class DependencyWaits implements AutoCloseable {

  private final Map<String, Long> created = new ConcurrentHashMap<>();
  private final Map<String, Long> available = new ConcurrentHashMap<>();
  private final Watch watch;
  /** When the watch was open: the platform is created right after (nanoseconds). */
  private final long start;

  private DependencyWaits(KubernetesClient client, String instance) {
    this.watch = client.apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, instance)
        .watch(new Watcher<>() {
          @Override
          public void eventReceived(Action action, Deployment d) {
            long now = System.nanoTime();
            created.putIfAbsent(d.getMetadata().getName(), now);
            if (DeploymentHealth.of(d).state() == ServiceState.Available) {
              available.putIfAbsent(d.getMetadata().getName(), now);
            }
          }

          @Override
          public void onClose(WatcherException cause) {
            // the figures use what was seen until then
          }
        });
    this.start = System.nanoTime();
  }

  /** Watches the Deployments of platform {@code instance}: create it right after. */
  static DependencyWaits watch(KubernetesClient client, String instance) {
    return new DependencyWaits(client, instance);
  }

  /** The critical path and its split, in milliseconds from when the watch was open. */
  Map<String, Object> figures(NexusPlatform platform) {
    Map<String, List<String>> dependsOn = new LinkedHashMap<>();
    for (ServiceSpec s : platform.getSpec().getServices()) {
      dependsOn.put(s.getName(), s.getDependsOn() == null ? List.of() : s.getDependsOn());
    }
    return figures(start, Map.copyOf(created), Map.copyOf(available), dependsOn);
  }

  /**
   * The figures from when each Deployment was seen created and available (nanoseconds, as
   * {@code start}) and each service's dependencies. Pure.
   */
  static Map<String, Object> figures(long start, Map<String, Long> created, Map<String, Long> available,
      Map<String, List<String>> dependsOn) {
    Timeline t = new Timeline(created, available);
    List<Long> reactions = new ArrayList<>();
    dependsOn.forEach((service, deps) -> t.gate(service, deps).ifPresent(dep -> reactions.add(t.reaction(service, dep))));
    List<String> path = new ArrayList<>();
    String last = created.keySet().stream().max(Comparator.comparing(created::get)).orElseThrow();
    for (String s = last; s != null; s = t.gate(s, dependsOn.getOrDefault(s, List.of())).orElse(null)) {
      path.add(0, s);
    }
    long operator = ms(created.get(path.get(0)) - start);
    long controllers = 0;
    for (int i = 1; i < path.size(); i++) {
      operator += t.reaction(path.get(i), path.get(i - 1));
      controllers += ms(available.get(path.get(i - 1)) - created.get(path.get(i - 1)));
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("critical_path", path);
    f.put("last_deployment_created_ms", ms(created.get(last) - start));
    f.put("controllers_ms", controllers);
    f.put("operator_ms", operator);
    f.put("first_deployment_ms", ms(created.get(path.get(0)) - start));
    f.put("dependents", reactions.size());
    f.put("reaction_median_ms", reactions.isEmpty() ? 0 : BenchReport.median(reactions));
    f.put("reaction_max_ms", reactions.stream().max(Long::compare).orElse(0L));
    return f;
  }

  private record Timeline(Map<String, Long> created, Map<String, Long> available) {

    /**
     * The dependency of {@code service} that became available last before its Deployment was
     * created (up to 50 ms after: the operator's informer may see an availability before this
     * watch does).
     */
    Optional<String> gate(String service, List<String> deps) {
      Long made = created.get(service);
      return made == null ? Optional.empty() : deps.stream()
          .filter(d -> available.containsKey(d) && available.get(d) <= made + 50_000_000L)
          .max(Comparator.comparing(available::get));
    }

    /** Dependency available until the dependent's Deployment was created (0 when seen the other way round). */
    long reaction(String dependent, String dependency) {
      return Math.max(0, ms(created.get(dependent) - available.get(dependency)));
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }

  @Override
  public void close() {
    watch.close();
  }
}
