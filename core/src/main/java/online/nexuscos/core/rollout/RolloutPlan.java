package online.nexuscos.core.rollout;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.Deque;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.core.status.DeploymentHealth;
import online.nexuscos.platform.api.v1alpha1.ServiceState;

/**
 * Which desired objects to write in this reconcile, and in what order: Deployments follow the
 * dependency order (dependencies first; dependents first when rolling back), and with
 * {@code order: dependencies} a service's Deployment waits until every service it depends on is
 * available at the target revision. Pure.
 */
public final class RolloutPlan {

  /** The objects to apply, in order, and the services held back. */
  public record Plan(List<HasMetadata> objects, List<String> waiting) {}

  private RolloutPlan() {}

  /** How far each service of {@code target} is, judged from the live Deployments. */
  public static Map<String, ServiceProgress> progress(
      ResolvedPlatform target, List<HasMetadata> desired, Function<ChildKey, Optional<HasMetadata>> live) {
    Map<String, ServiceProgress> progress = new HashMap<>();
    Map<ChildKey, String> wantedHashes = new HashMap<>();
    for (HasMetadata o : desired) {
      if (o.getMetadata().getAnnotations() != null) {
        wantedHashes.putIfAbsent(ChildKey.of(o), o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH));
      }
    }
    for (ResolvedService s : target.services()) {
      ChildKey key = new ChildKey(ChildKind.DEPLOYMENT, s.namespace(), s.name());
      String wanted = wantedHashes.get(key);
      Deployment d = (Deployment) live.apply(key).orElse(null);
      boolean atTarget = d != null && d.getMetadata().getAnnotations() != null
          && wanted != null && wanted.equals(d.getMetadata().getAnnotations().get(Labels.DESIRED_HASH));
      DeploymentHealth.Health health = DeploymentHealth.of(d);
      boolean available = health.state() == ServiceState.Available;
      String detail = !atTarget ? "not updated yet" : available ? null : health.message();
      progress.put(s.name(), new ServiceProgress(s.name(), atTarget, available,
          atTarget && health.state() == ServiceState.Failed ? health.message() : null, detail));
    }
    return progress;
  }

  /**
   * @param holdForDependencies whether a service waits for its dependencies (rollout in dependency order)
   * @param rollingBack whether Deployments go dependents first
   */
  public static Plan plan(List<HasMetadata> desired, ResolvedPlatform target, Map<String, ServiceProgress> progress,
      boolean holdForDependencies, boolean rollingBack) {
    List<String> order = dependencyOrder(target);
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < order.size(); i++) {
      rank.put(order.get(i), rollingBack ? order.size() - i : i);
    }
    List<String> waiting = new ArrayList<>();
    List<HasMetadata> objects = new ArrayList<>();
    for (HasMetadata o : desired) {
      if (ChildKind.of(o) == ChildKind.DEPLOYMENT && holdForDependencies) {
        ResolvedService s = target.service(o.getMetadata().getName()).orElseThrow();
        boolean ready = s.dependsOn().stream()
            .allMatch(dep -> target.service(dep).isEmpty() || progress.get(dep) == null || progress.get(dep).done());
        if (!ready && !progress.get(s.name()).atTarget()) {
          waiting.add(s.name());
          continue;
        }
      }
      objects.add(o);
    }
    objects.sort(Comparator.comparing((HasMetadata o) -> ChildKind.of(o))
        .thenComparing(o -> ChildKind.of(o) == ChildKind.DEPLOYMENT ? rank.getOrDefault(o.getMetadata().getName(), 0) : 0));
    return new Plan(objects, waiting);
  }

  /**
   * Service names, every service after the services it depends on (a depth-first post-order with
   * an explicit stack, so no chain length can overflow the thread's stack; a cycle, which the
   * validator refuses, is cut where it closes).
   */
  public static List<String> dependencyOrder(ResolvedPlatform platform) {
    Set<String> ordered = new LinkedHashSet<>();
    Set<String> onPath = new HashSet<>();
    for (ResolvedService root : platform.services()) {
      Deque<Iterator<String>> deps = new ArrayDeque<>();
      Deque<String> path = new ArrayDeque<>();
      if (ordered.contains(root.name())) {
        continue;
      }
      path.push(root.name());
      onPath.add(root.name());
      deps.push(root.dependsOn().iterator());
      while (!path.isEmpty()) {
        Iterator<String> next = deps.peek();
        if (next.hasNext()) {
          String dep = next.next();
          Optional<ResolvedService> d = platform.service(dep);
          if (d.isPresent() && !ordered.contains(dep) && onPath.add(dep)) {
            path.push(dep);
            deps.push(d.get().dependsOn().iterator());
          }
        } else {
          String done = path.pop();
          deps.pop();
          onPath.remove(done);
          ordered.add(done);
        }
      }
    }
    return List.copyOf(ordered);
  }
}
