package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import online.nexuscos.operator.apply.LiveView;
import online.nexuscos.operator.failover.FailoverStateMachine;
import online.nexuscos.operator.failover.SiteHealth;
import online.nexuscos.operator.model.ChildKey;
import online.nexuscos.operator.model.ChildKind;
import online.nexuscos.operator.model.Labels;
import online.nexuscos.operator.model.PlatformResolver;
import online.nexuscos.operator.model.ResolvedPlatform;
import online.nexuscos.operator.model.ResolvedService;
import online.nexuscos.operator.render.PlatformRenderer;
import online.nexuscos.operator.rollout.RolloutPlan;
import online.nexuscos.operator.rollout.ServiceProgress;
import online.nexuscos.operator.status.ConditionType;
import online.nexuscos.operator.status.Conditions;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
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

  static FailoverStateMachine.Decision decide(NexusPlatform platform, LiveView live, List<Node> nodes, Clock clock) {
    FailoverSpec spec = platform.getSpec().getFailover();
    if (spec == null) {
      return NONE;
    }
    var previous = platform.getStatus() == null ? null : platform.getStatus().getFailover();
    Map<String, Long> readyNodes = new HashMap<>();
    for (SiteSpec site : spec.getSites()) {
      readyNodes.put(site.getName(), SiteHealth.readyNodes(site, nodes));
    }
    String active = previous != null && previous.getActiveSite() != null ? previous.getActiveSite() : spec.getActiveSite();
    ResolvedPlatform onActive = PlatformResolver.resolve(platform, active, false);
    Map<String, Deployment> deployments = new HashMap<>();
    onActive.services().forEach(s -> live.get(new ChildKey(ChildKind.DEPLOYMENT, s.namespace(), s.name()))
        .ifPresent(d -> deployments.put(s.name(), (Deployment) d)));

    boolean up = false;
    var current = previous == null ? null : previous.getCurrent();
    if (current != null && FailoverStateMachine.STARTING.equals(current.getStep())) {
      ResolvedPlatform onNew = PlatformResolver.resolve(platform, current.getTo(), false);
      List<HasMetadata> desired = PlatformRenderer.render(onNew);
      up = RolloutPlan.progress(onNew, desired, live::get).values().stream().allMatch(ServiceProgress::done);
    }
    var status = platform.getStatus();
    boolean rollbackInProgress = status != null && status.getPhase() != Phase.Ready
        && Conditions.isTrue(status.getConditions(), ConditionType.ROLLED_BACK);
    boolean failback = platform.getMetadata().getAnnotations() != null
        && platform.getMetadata().getAnnotations().containsKey(Labels.FAILBACK);

    FailoverStateMachine.Decision decision = FailoverStateMachine.decide(new FailoverStateMachine.Input(
        spec.getActiveSite(),
        spec.getSites().stream().map(SiteSpec::getName).toList(),
        Boolean.TRUE.equals(spec.getAutomatic()),
        Duration.ofSeconds(Objects.requireNonNullElse(spec.getGracePeriodSeconds(), DEFAULT_GRACE_SECONDS)),
        Objects.requireNonNullElse(spec.getCriticalUnavailableThreshold(), DEFAULT_THRESHOLD),
        Objects.requireNonNullElse(spec.getHistoryLimit(), DEFAULT_HISTORY),
        previous, failback, readyNodes,
        SiteHealth.unavailableCritical(onActive, deployments),
        fenced(onActive, deployments),
        up,
        rollbackInProgress,
        Instant.now(clock),
        Duration.ofSeconds(onActive.rollout().progressDeadlineSeconds())));
    String reason = platform.getMetadata().getAnnotations() == null ? null
        : platform.getMetadata().getAnnotations().get(Labels.FAILOVER_REASON);
    var started = decision.next().getCurrent();
    if (reason != null && started != null && current == null
        && !FailoverStateMachine.AUTOMATIC.equals(started.getTrigger())) {
      started.setReason(reason + " (" + started.getReason() + ")");
    }
    return decision;
  }

  /** Every Deployment of the platform is scaled to zero and has no pod left. */
  private static boolean fenced(ResolvedPlatform platform, Map<String, Deployment> deployments) {
    for (ResolvedService s : platform.services()) {
      Deployment d = deployments.get(s.name());
      if (d == null) {
        continue;
      }
      var status = d.getStatus();
      long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
      boolean scaledDown = d.getSpec().getReplicas() != null && d.getSpec().getReplicas() == 0;
      boolean noPods = status != null && (status.getReplicas() == null || status.getReplicas() == 0)
          && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
      if (!scaledDown || !noPods) {
        return false;
      }
    }
    return true;
  }
}
