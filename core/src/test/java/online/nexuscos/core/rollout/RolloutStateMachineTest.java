package online.nexuscos.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import online.nexuscos.core.rollout.RolloutStateMachine.Decision;
import online.nexuscos.core.rollout.RolloutStateMachine.Input;
import online.nexuscos.core.rollout.RolloutStateMachine.Target;
import org.junit.jupiter.api.Test;

/** Every transition of the rollout state machine, deadline edges included. */
class RolloutStateMachineTest {

  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration DEADLINE = Duration.ofSeconds(600);
  /** Revision 1 (hash "h1") is stable and current. */
  private static final RolloutState STABLE_1 = new RolloutState(1, "h1", 1, "h1", null, null, null);

  private static final List<ServiceProgress> ALL_DONE =
      List.of(new ServiceProgress("a", true, true, null), new ServiceProgress("b", true, true, null));
  private static final List<ServiceProgress> ROLLING =
      List.of(new ServiceProgress("a", true, true, null), new ServiceProgress("b", false, false, null));
  private static final List<ServiceProgress> B_FAILED =
      List.of(new ServiceProgress("a", true, true, null),
          new ServiceProgress("b", true, false, "ProgressDeadlineExceeded: timed out"));

  private static Decision decide(RolloutState state, String specHash, List<ServiceProgress> progress, Instant now) {
    return RolloutStateMachine.decide(new Input(state, specHash, 2, progress, now, DEADLINE, true));
  }

  @Test
  void firstRolloutStartsAtRevisionOneAndBecomesStableWhenAllAreAvailable() {
    Decision start = RolloutStateMachine.decide(new Input(RolloutState.EMPTY, "h1", 1, ROLLING, T0, DEADLINE, true));
    assertThat(start.next()).isEqualTo(new RolloutState(1, "h1", null, null, null, null, T0));
    assertThat(start.target()).isEqualTo(Target.SPEC);
    Decision done = decide(start.next(), "h1", ALL_DONE, T0.plusSeconds(30));
    assertThat(done.next()).isEqualTo(STABLE_1);
    assertThat(done.becameStable()).isTrue();
  }

  @Test
  void steadyStateChangesNothing() {
    Decision d = decide(STABLE_1, "h1", ALL_DONE, T0);
    assertThat(d.next()).isEqualTo(STABLE_1);
    assertThat(d.becameStable()).isFalse();
    assertThat(d.rollback()).isNull();
  }

  @Test
  void aFailingServiceOutsideARolloutIsNotRolledBack() {
    Decision d = decide(STABLE_1, "h1", B_FAILED, T0);
    assertThat(d.next()).isEqualTo(STABLE_1);
    assertThat(d.target()).isEqualTo(Target.SPEC);
    assertThat(d.rollback()).isNull();
  }

  @Test
  void specChangeStartsARolloutThatStaysProgressingUntilTheDeadline() {
    Decision start = decide(STABLE_1, "h2", ROLLING, T0);
    assertThat(start.next()).isEqualTo(new RolloutState(2, "h2", 1, "h1", null, null, T0));
    Decision justBefore = decide(start.next(), "h2", ROLLING, T0.plus(DEADLINE).minusMillis(1));
    assertThat(justBefore.rollback()).isNull();
    assertThat(justBefore.next().startedAt()).isEqualTo(T0);
  }

  @Test
  void rolloutNotAvailableAtTheDeadlineIsRolledBack() {
    RolloutState rolling = new RolloutState(2, "h2", 1, "h1", null, null, T0);
    Decision atDeadline = decide(rolling, "h2", ROLLING, T0.plus(DEADLINE));
    assertThat(atDeadline.target()).isEqualTo(Target.STABLE);
    assertThat(atDeadline.next()).as("restoring revision 1 is a release under way")
        .isEqualTo(new RolloutState(1, "h1", 1, "h1", 2, "h2", T0.plus(DEADLINE)));
    assertThat(atDeadline.next().restored()).isEqualTo(new RolloutState(1, "h1", 1, "h1", 2, "h2", null));
    assertThat(atDeadline.rollback().fromRevision()).isEqualTo(2);
    assertThat(atDeadline.rollback().toRevision()).isEqualTo(1);
    assertThat(atDeadline.rollback().reason()).contains("progress deadline of 600s").contains("b");
  }

  @Test
  void aDeploymentReportingFailureRollsBackBeforeTheDeadline() {
    RolloutState rolling = new RolloutState(2, "h2", 1, "h1", null, null, T0);
    Decision d = decide(rolling, "h2", B_FAILED, T0.plusSeconds(5));
    assertThat(d.target()).isEqualTo(Target.STABLE);
    assertThat(d.rollback().reason()).isEqualTo("b (ProgressDeadlineExceeded: timed out)");
  }

  @Test
  void failedRevisionIsNotRetriedOnResyncButAfterASpecChange() {
    RolloutState rolledBack = new RolloutState(1, "h1", 1, "h1", 2, "h2", null);
    Decision resync = decide(rolledBack, "h2", ALL_DONE, T0.plusSeconds(3600));
    assertThat(resync.target()).isEqualTo(Target.STABLE);
    assertThat(resync.next()).isEqualTo(rolledBack);
    assertThat(resync.rollback()).as("no second rollback, no second event").isNull();

    Decision changed = RolloutStateMachine.decide(new Input(rolledBack, "h3", 3, ROLLING, T0, DEADLINE, true));
    assertThat(changed.target()).isEqualTo(Target.SPEC);
    assertThat(changed.next()).isEqualTo(new RolloutState(3, "h3", 1, "h1", null, null, T0));
  }

  @Test
  void specRevertedToTheStableContentClearsTheFailure() {
    RolloutState rolledBack = new RolloutState(1, "h1", 1, "h1", 2, "h2", null);
    Decision d = decide(rolledBack, "h1", ALL_DONE, T0);
    assertThat(d.target()).isEqualTo(Target.SPEC);
    assertThat(d.next()).isEqualTo(STABLE_1);
  }

  @Test
  void noRollbackWithoutAStableRevisionOrWithAutoRollbackOff() {
    RolloutState first = new RolloutState(1, "h1", null, null, null, null, T0);
    Decision noStable = decide(first, "h1", B_FAILED, T0.plusSeconds(1));
    assertThat(noStable.target()).isEqualTo(Target.SPEC);
    assertThat(noStable.rolloutFailedWithoutRollback()).startsWith("no earlier stable revision");

    RolloutState rolling = new RolloutState(2, "h2", 1, "h1", null, null, T0);
    Decision off = RolloutStateMachine.decide(new Input(rolling, "h2", 3, B_FAILED, T0.plusSeconds(1), DEADLINE, false));
    assertThat(off.target()).isEqualTo(Target.SPEC);
    assertThat(off.rolloutFailedWithoutRollback()).startsWith("autoRollback is off");
    assertThat(off.next()).isEqualTo(rolling);
  }

  @Test
  void newSpecDuringARolloutReplacesItAndRestartsTheClock() {
    RolloutState rolling = new RolloutState(2, "h2", 1, "h1", null, null, T0);
    Decision d = RolloutStateMachine.decide(new Input(rolling, "h3", 3, ROLLING, T0.plusSeconds(100), DEADLINE, true));
    assertThat(d.next()).isEqualTo(new RolloutState(3, "h3", 1, "h1", null, null, T0.plusSeconds(100)));
  }

  @Test
  void stateRoundTripsThroughStatus() {
    var status = new online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus();
    RolloutState state = new RolloutState(3, "h3", 2, "h2", 1, "h1", T0);
    state.writeTo(status);
    assertThat(RolloutState.of(status, java.time.Instant.EPOCH)).isEqualTo(state);
    assertThat(RolloutState.of(null, java.time.Instant.EPOCH)).isEqualTo(RolloutState.EMPTY);
  }

  @Test
  void anUnreadableStartTimeInStatusRestartsTheDeadlineInsteadOfThrowing() {
    var status = new online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus();
    new RolloutState(3, "h3", 2, "h2", null, null, T0).writeTo(status);
    status.setRolloutStartedAt("yesterday");
    assertThat(RolloutState.of(status, T0.plusSeconds(900)))
        .isEqualTo(new RolloutState(3, "h3", 2, "h2", null, null, T0.plusSeconds(900)));
  }
}
