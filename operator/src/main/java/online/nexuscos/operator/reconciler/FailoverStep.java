package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import online.nexuscos.core.apply.LiveView;
import online.nexuscos.core.failover.FailoverStateMachine;
import online.nexuscos.core.failover.SiteHealth;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.rollout.RolloutPlan;
import online.nexuscos.core.rollout.ServiceProgress;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.FailoverStage;
import online.nexuscos.platform.api.v1alpha1.FailoverTrigger;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;

/**
 * Gathers what the failover state machine needs from the caches (Nodes per site, critical
 * services, whether the old site is fenced, whether the new site is up) and asks it which site
 * to run on. A platform without sites runs on none.
 */
final class FailoverStep {

  static final int DEFAULT_GRACE_SECONDS = 60;
  static final int DEFAULT_THRESHOLD = 1;
  static final int DEFAULT_HISTORY = 10;

  private FailoverStep() {}

  /** No sites declared: no placement, no endpoints, nothing to decide. */
  static final FailoverStateMachine.Decision NONE = new FailoverStateMachine.Decision(null, null, false, false, List.of());

  /**
   * How long pods on Nodes that are not Ready are waited for when fencing: the pods' default
   * termination grace period (30 s, we set none) and as much again for the kubelet to report.
   */
  static final Duration FENCE_WAIT = Duration.ofSeconds(60);

  /**
   * @param platform the platform as it is (spec.failover, status, annotations)
   * @param running the release whose workloads run: the platform itself, or its stable release after a rollback
   */
  static FailoverStateMachine.Decision decide(NexusPlatform platform, NexusPlatform running, LiveView live,
      List<Node> nodes, List<Pod> pods, Clock clock) {
    FailoverSpec spec = platform.getSpec().getFailover();
    if (spec == null) {
      return NONE;
    }
    var previous = platform.getStatus() == null ? null : platform.getStatus().getFailover();
    String active = previous != null && previous.getActiveSite() != null ? previous.getActiveSite() : spec.getActiveSite();
    ResolvedPlatform onActive = PlatformResolver.resolve(running, active, false);
    Map<String, FailoverStateMachine.SiteReadiness> sites = new HashMap<>();
    for (SiteSpec site : spec.getSites()) {
      sites.put(site.getName(), SiteHealth.readiness(site, nodes, onActive));
    }
    Map<String, Deployment> deployments = new HashMap<>();
    onActive.services().forEach(s -> live.get(new ChildKey(ChildKind.DEPLOYMENT, s.namespace(), s.name()))
        .ifPresent(d -> deployments.put(s.name(), (Deployment) d)));

    boolean up = false;
    var current = previous == null ? null : previous.getCurrent();
    if (current != null && current.getStep() == FailoverStage.Starting) {
      ResolvedPlatform onNew = PlatformResolver.resolve(running, current.getTo(), false);
      List<HasMetadata> desired = PlatformRenderer.render(onNew);
      up = RolloutPlan.progress(onNew, desired, live::get).values().stream().allMatch(ServiceProgress::done);
    }
    var status = platform.getStatus();
    // A release under way (a rollout, or a rollback restoring the stable revision, both recorded
    // as rolloutStartedAt until every service is available): services that are not available are
    // the release's problem, decided by the rollout state machine. Once a rollback is complete, a
    // site that goes down is an incident again, although RolledBack stays True.
    boolean releaseInProgress = status != null && status.getRolloutStartedAt() != null;
    var annotations = platform.getMetadata().getAnnotations() == null ? Map.<String, String>of()
        : platform.getMetadata().getAnnotations();
    boolean failback = annotations.containsKey(Labels.FAILBACK);
    String force = annotations.get(Labels.FAILOVER_FORCE);

    FailoverStateMachine.Decision decision = FailoverStateMachine.decide(new FailoverStateMachine.Input(
        spec.getActiveSite(),
        spec.getSites().stream().map(SiteSpec::getName).toList(),
        Boolean.TRUE.equals(spec.getAutomatic()),
        Duration.ofSeconds(Objects.requireNonNullElse(spec.getGracePeriodSeconds(), DEFAULT_GRACE_SECONDS)),
        Objects.requireNonNullElse(spec.getCriticalUnavailableThreshold(), DEFAULT_THRESHOLD),
        Objects.requireNonNullElse(spec.getHistoryLimit(), DEFAULT_HISTORY),
        previous, failback, sites,
        SiteHealth.unavailableCritical(onActive, deployments),
        fence(onActive, deployments, pods, nodes),
        FENCE_WAIT,
        up,
        releaseInProgress,
        Instant.now(clock),
        Duration.ofSeconds(onActive.rollout().progressDeadlineSeconds()),
        force == null || force.isBlank() ? null : force,
        annotations.get(Labels.FAILOVER_TO)));
    String reason = annotations.get(Labels.FAILOVER_REASON);
    var started = decision.next().getCurrent();
    if (reason != null && started != null && current == null
        && started.getTrigger() != FailoverTrigger.Automatic) {
      started.setReason(reason + " (" + started.getReason() + ")");
    }
    return decision;
  }

  /**
   * What still runs of the platform: its Deployments scaled to zero and seen so by their
   * controller, and its pods (a terminating pod still serves until it is gone), by whether their
   * Node is Ready.
   */
  private static FailoverStateMachine.Fence fence(ResolvedPlatform platform, Map<String, Deployment> deployments,
      List<Pod> pods, List<Node> nodes) {
    boolean scaledDown = true;
    for (ResolvedService s : platform.services()) {
      Deployment d = deployments.get(s.name());
      if (d == null) {
        continue;
      }
      var status = d.getStatus();
      long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
      boolean zero = d.getSpec().getReplicas() != null && d.getSpec().getReplicas() == 0;
      boolean seen = status != null && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
      scaledDown &= zero && seen;
    }
    Map<String, Boolean> readyNode = new HashMap<>();
    nodes.forEach(n -> readyNode.put(n.getMetadata().getName(), SiteHealth.ready(n)));
    List<String> onReady = new ArrayList<>();
    List<String> onLost = new ArrayList<>();
    for (Pod pod : pods) {
      String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      String name = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
      if (node == null) {
        continue; // never scheduled: runs nowhere
      }
      if (readyNode.getOrDefault(node, false)) {
        onReady.add(name);
      } else {
        onLost.add(name);
      }
    }
    return new FailoverStateMachine.Fence(scaledDown, onReady, onLost);
  }
}
