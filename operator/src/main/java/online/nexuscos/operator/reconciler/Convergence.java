package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.apply.Applier;
import online.nexuscos.core.apply.ApplyReport;
import online.nexuscos.core.apply.LiveView;
import online.nexuscos.core.failover.FailoverStateMachine;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.rollout.RevisionStore;
import online.nexuscos.core.rollout.RolloutPlan;
import online.nexuscos.core.rollout.RolloutState;
import online.nexuscos.core.rollout.RolloutStateMachine;
import online.nexuscos.core.rollout.ServiceProgress;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.core.status.StatusBuilder;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.RolloutOrder;

/**
 * One convergence pass over a valid platform: let the failover state machine pick the site (and
 * whether to fence), render, let the rollout state machine pick the revision to run (the spec's,
 * or the stable one after a failure), apply it in order, prune, and record the revision.
 */
final class Convergence {

  /** What the pass did and decided. */
  record Result(ResolvedPlatform target, ApplyReport report, boolean paused, RolloutState state,
      StatusBuilder.RolloutSummary summary, Duration untilDeadline, FailoverStateMachine.Decision failover) {}


  private final Applier applier;
  private final RevisionStore revisions;
  private final Clock clock;

  Convergence(Applier applier, RevisionStore revisions, Clock clock) {
    this.applier = applier;
    this.revisions = revisions;
    this.clock = clock;
  }

  Result run(NexusPlatform platform, LiveView live, List<Node> nodes, List<Pod> pods) {
    String name = platform.getMetadata().getName();
    boolean paused = Boolean.TRUE.equals(platform.getSpec().getPaused());
    RolloutState state = RolloutState.of(platform.getStatus(), Instant.now(clock));
    if (paused) {
      FailoverStateMachine.Decision kept = keepSite(platform);
      ResolvedPlatform resolved = PlatformResolver.resolve(platform, kept.site(), kept.fenced());
      ApplyReport report = applier.observe(name, PlatformRenderer.render(resolved), live);
      return new Result(resolved, report, true, state, summary(platform, state, null, null, List.of()), null, kept);
    }
    // A revision is a release, whatever the site: hash the workloads rendered on no site.
    String specHash = PlatformRenderer.revisionHash(platform);
    // After a rollback the stable release runs, not the spec's: failover judges what runs.
    boolean restoring = state.failedHash() != null && state.failedHash().equals(specHash);
    NexusPlatform running = restoring ? stableRelease(platform, state.stableHash()).orElse(platform) : platform;
    FailoverStateMachine.Decision failover = FailoverStep.decide(platform, running, live, nodes, pods, clock);
    ResolvedPlatform resolved = PlatformResolver.resolve(platform, failover.site(), failover.fenced());
    List<HasMetadata> desired = PlatformRenderer.render(resolved);
    Map<String, ServiceProgress> progress = RolloutPlan.progress(resolved, desired, live::get);

    // While a failover runs, rollout decisions wait; a failed revision stays rolled back meanwhile.
    var decision = failover.inProgress()
        ? new RolloutStateMachine.Decision(state,
            restoring ? RolloutStateMachine.Target.STABLE : RolloutStateMachine.Target.SPEC, false, null, null)
        : RolloutStateMachine.decide(new RolloutStateMachine.Input(state, specHash,
            revisions.numberFor(name, specHash, state.current()), List.copyOf(progress.values()), Instant.now(clock),
            Duration.ofSeconds(resolved.rollout().progressDeadlineSeconds()), resolved.rollout().autoRollback()));
    RolloutState next = decision.next();

    ResolvedPlatform target = resolved;
    List<HasMetadata> targetDesired = desired;
    Map<String, ServiceProgress> targetProgress = progress;
    boolean rollingBack = decision.target() == RolloutStateMachine.Target.STABLE;
    String failure = decision.rolloutFailedWithoutRollback();
    if (rollingBack) {
      Optional<NexusPlatform> stablePlatform = stableRelease(platform, next.stableHash());
      if (stablePlatform.isEmpty()) {
        // The stable revision's record is gone (deleted by hand): touch nothing, say so.
        failure = "revision " + next.stable() + " cannot be restored because its ControllerRevision "
            + Names.revision(name, next.stableHash()) + " is gone";
        ApplyReport report = applier.observe(name, desired, live);
        return new Result(resolved, report, false, next, summary(platform, next, null, failure, List.of()), null, failover);
      }
      target = PlatformResolver.resolve(stablePlatform.get(), failover.site(), failover.fenced());
      targetDesired = PlatformRenderer.render(target);
      targetProgress = RolloutPlan.progress(target, targetDesired, live::get);
      if (next.startedAt() != null && targetProgress.values().stream().allMatch(ServiceProgress::done)) {
        next = next.restored(); // the rollback is complete: what fails from now on is an incident
      }
    }
    // Fencing scales dependents down first; a failover brings services up in dependency order.
    boolean dependentsFirst = rollingBack || failover.fenced();
    boolean holdForDependencies = !dependentsFirst
        && (resolved.rollout().order() == RolloutOrder.dependencies || failover.inProgress());
    RolloutPlan.Plan plan = RolloutPlan.plan(targetDesired, target, targetProgress, holdForDependencies, dependentsFirst);

    ApplyReport report = applier.apply(name, plan.objects(), live);
    applier.prune(name, targetDesired, live, report);
    if (next.currentHash() != null && !next.currentHash().equals(state.currentHash()) && !rollingBack) {
      revisions.record(platform, next.currentHash(), next.current());
    } else if (decision.rollback() != null && !specHash.equals(state.currentHash())) {
      // The release started and failed in one decision (a restarted operator found its Deployment
      // already failed): it is still a release of its own, recorded as the failed revision.
      revisions.record(platform, specHash, decision.rollback().fromRevision());
    }
    revisions.prune(name, resolved.rollout().revisionHistoryLimit(), next);

    String rolledBack = decision.rollback() != null
        ? "Revision " + decision.rollback().fromRevision() + " failed: " + decision.rollback().reason()
            + ". Restored revision " + decision.rollback().toRevision()
            + "; the spec is unchanged and the failed revision is not retried until it changes."
        : null;
    Duration untilDeadline = next.startedAt() == null ? null : Duration.between(Instant.now(clock),
        next.startedAt().plusSeconds(resolved.rollout().progressDeadlineSeconds()));
    return new Result(target, report, false, next,
        summary(platform, next, rolledBack, failure, plan.waiting()), untilDeadline, failover);
  }

  /**
   * The platform as its stable release {@code hash} had it (env values from the current spec,
   * sites as the spec has them now), or empty when that revision's record is gone.
   */
  private Optional<NexusPlatform> stableRelease(NexusPlatform platform, String hash) {
    Optional<RevisionStore.Revision> stable = revisions.byHash(platform.getMetadata().getName(), hash);
    if (stable.isEmpty() || stable.get().spec() == null) {
      return Optional.empty();
    }
    NexusPlatform release = KubeJson.shared().clone(platform);
    release.setSpec(stable.get().spec());
    RevisionStore.restoreEnv(release.getSpec(), platform.getSpec());
    release.getSpec().setFailover(platform.getSpec().getFailover());
    return Optional.of(release);
  }

  /** While paused: stay where the status says, decide nothing. */
  private static FailoverStateMachine.Decision keepSite(NexusPlatform platform) {
    var spec = platform.getSpec().getFailover();
    if (spec == null) {
      return FailoverStep.NONE;
    }
    var status = platform.getStatus() == null ? null : platform.getStatus().getFailover();
    String site = status != null && status.getActiveSite() != null ? status.getActiveSite() : spec.getActiveSite();
    return new FailoverStateMachine.Decision(status, site, false, false, List.of());
  }

  private static StatusBuilder.RolloutSummary summary(NexusPlatform platform, RolloutState state,
      String rolledBackNow, String failure, List<String> waiting) {
    String rolledBack = rolledBackNow;
    if (rolledBack == null && state.failedHash() != null) {
      rolledBack = platform.getStatus() == null ? null
          : Conditions.find(platform.getStatus().getConditions(), ConditionType.ROLLED_BACK)
              .filter(c -> "True".equals(c.getStatus())).map(c -> c.getMessage())
              .orElse("Revision " + state.failed() + " failed and was rolled back to revision " + state.stable() + ".");
    }
    return new StatusBuilder.RolloutSummary(state.startedAt() != null, rolledBack, failure, waiting);
  }
}
