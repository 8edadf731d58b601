package online.nexuscos.core.rollout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides, from what one reconcile observed, which revision the platform should run and how the
 * rollout bookkeeping changes: start a rollout when the spec's workloads change, mark a revision
 * stable once every service is available at it, and roll back to the stable revision when a
 * Deployment reports a failure or the rollout outlives its deadline. A rolled-back revision is
 * not retried until the spec changes. Pure: time comes in as {@code now}.
 */
public final class RolloutStateMachine {

  /** Which revision's workloads to apply. */
  public enum Target {
    /** The spec's (the current revision). */
    SPEC,
    /** The stable revision's, because the spec's revision failed. */
    STABLE
  }

  /** What the reconcile observed. */
  public record Input(
      RolloutState state,
      String specHash,
      int numberIfNew,
      List<ServiceProgress> progress,
      Instant now,
      Duration deadline,
      boolean autoRollback) {}

  /**
   * The decision.
   *
   * @param rollback set when this decision rolls back: what failed and why
   * @param rolloutFailedWithoutRollback set when the rollout failed but cannot be rolled back
   */
  public record Decision(
      RolloutState next, Target target, boolean becameStable, Rollback rollback, String rolloutFailedWithoutRollback) {}

  /** A rollback that just happened. */
  public record Rollback(int fromRevision, int toRevision, String reason) {}

  private RolloutStateMachine() {}

  public static Decision decide(Input in) {
    RolloutState state = in.state();
    if (state.failedHash() != null) {
      if (state.failedHash().equals(in.specHash())) {
        return new Decision(state, Target.STABLE, false, null, null);
      }
      state = state.clearFailed();
    }
    if (!in.specHash().equals(state.currentHash())) {
      state = state.startRollout(in.numberIfNew(), in.specHash(), in.now());
    }
    if (in.progress().stream().allMatch(ServiceProgress::done)) {
      boolean changed = !in.specHash().equals(state.stableHash()) || state.startedAt() != null;
      return new Decision(state.markStable(), Target.SPEC, changed, null, null);
    }
    if (state.startedAt() == null) {
      // Not rolling out: a failing service is reported (Degraded), but there is nothing to roll back.
      return new Decision(state, Target.SPEC, false, null, null);
    }
    List<ServiceProgress> failed = in.progress().stream().filter(p -> p.failure() != null).toList();
    boolean overdue = !in.now().isBefore(state.startedAt().plus(in.deadline()));
    if (failed.isEmpty() && !overdue) {
      return new Decision(state, Target.SPEC, false, null, null);
    }
    String reason = failed.isEmpty()
        ? "not available within the progress deadline of " + in.deadline().toSeconds() + "s: "
            + in.progress().stream().filter(p -> !p.done()).map(ServiceProgress::describe).collect(Collectors.joining(", "))
        : failed.stream().map(p -> p.service() + " (" + p.failure() + ")").collect(Collectors.joining(", "));
    if (!in.autoRollback()) {
      return new Decision(state, Target.SPEC, false, null, "autoRollback is off; " + reason);
    }
    if (state.stableHash() == null || state.stableHash().equals(state.currentHash())) {
      return new Decision(state, Target.SPEC, false, null, "no earlier stable revision to roll back to; " + reason);
    }
    Rollback rollback = new Rollback(state.current(), state.stable(), reason);
    return new Decision(state.rollBack(in.now()), Target.STABLE, false, rollback, null);
  }
}
