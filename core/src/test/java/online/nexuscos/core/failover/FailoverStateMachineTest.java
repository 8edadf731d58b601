package online.nexuscos.core.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.failover.FailoverStateMachine.Decision;
import online.nexuscos.core.failover.FailoverStateMachine.Fence;
import online.nexuscos.core.failover.FailoverStateMachine.Input;
import online.nexuscos.core.failover.FailoverStateMachine.SiteReadiness;
import online.nexuscos.platform.api.v1alpha1.FailoverOutcome;
import online.nexuscos.platform.api.v1alpha1.FailoverStage;
import online.nexuscos.platform.api.v1alpha1.FailoverTrigger;
import online.nexuscos.platform.api.v1alpha1.SiteProblem;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import org.junit.jupiter.api.Test;

/** The failover state machine: triggers, grace edges, flapping, standby health, rollback, steps. */
class FailoverStateMachineTest {

  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final List<String> SITES = List.of("primary", "secondary");
  private static final Duration FENCE_WAIT = Duration.ofSeconds(60);
  private static final Fence NOT_SCALED_DOWN = new Fence(false, List.of(), List.of());
  private static final SiteReadiness UP = SiteReadiness.ok(2);
  private static final SiteReadiness DOWN_P = new SiteReadiness(0, SiteProblem.NoReadyNode, "site primary has no Ready Node (2 Node(s) match its placement)");
  private static final SiteReadiness DOWN_S = new SiteReadiness(0, SiteProblem.NoReadyNode, "site secondary has no Ready Node (2 Node(s) match its placement)");
  private static final Map<String, SiteReadiness> BOTH_UP = Map.of("primary", UP, "secondary", UP);
  private static final Map<String, SiteReadiness> PRIMARY_DOWN = Map.of("primary", DOWN_P, "secondary", UP);
  private static final Map<String, SiteReadiness> BOTH_DOWN = Map.of("primary", DOWN_P, "secondary", DOWN_S);

  /** Builder of inputs with sensible defaults. */
  private record In(String specSite, boolean automatic, FailoverStatus status, boolean failbackV,
      Map<String, SiteReadiness> nodesV, List<String> criticalV, Fence fenceV, boolean startedV, boolean rollingBackV,
      Instant now, String forceV) {
    static In of(FailoverStatus status, Instant now) {
      return new In("primary", true, status, false, BOTH_UP, List.of(), NOT_SCALED_DOWN, false, false, now, null);
    }

    In force(String who) {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, fenceV, startedV, rollingBackV, now, who);
    }

    In nodes(Map<String, SiteReadiness> n) {
      return new In(specSite, automatic, status, failbackV, n, criticalV, fenceV, startedV, rollingBackV, now, forceV);
    }

    In critical(String... c) {
      return new In(specSite, automatic, status, failbackV, nodesV, List.of(c), fenceV, startedV, rollingBackV, now, forceV);
    }

    In spec(String site) {
      return new In(site, automatic, status, failbackV, nodesV, criticalV, fenceV, startedV, rollingBackV, now, forceV);
    }

    In manualOnly() {
      return new In(specSite, false, status, failbackV, nodesV, criticalV, fenceV, startedV, rollingBackV, now, forceV);
    }

    In failback() {
      return new In(specSite, automatic, status, true, nodesV, criticalV, fenceV, startedV, rollingBackV, now, forceV);
    }

    In fenced() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, Fence.DONE, startedV, rollingBackV, now, forceV);
    }

    In fence(Fence f) {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, f, startedV, rollingBackV, now, forceV);
    }

    In started() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, fenceV, true, rollingBackV, now, forceV);
    }

    In rollingBack() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, fenceV, startedV, true, now, forceV);
    }

    Decision decide() {
      return FailoverStateMachine.decide(new Input(specSite, SITES, automatic, GRACE, 1, 10, status, failbackV, nodesV,
          criticalV, fenceV, FENCE_WAIT, startedV, rollingBackV, now, Duration.ofSeconds(600), forceV, null));
    }
  }

  private static FailoverStatus on(String site) {
    FailoverStatus s = new FailoverStatus();
    s.setActiveSite(site);
    s.setAcknowledgedSite("primary");
    return s;
  }

  private static FailoverStatus unhealthySince(Instant since) {
    FailoverStatus s = on("primary");
    s.setUnhealthySince(since.toString());
    return s;
  }

  @Test
  void firstSightAdoptsTheSpecsSiteWithoutAFailover() {
    Decision d = In.of(null, T0).decide();
    assertThat(d.site()).isEqualTo("primary");
    assertThat(d.next().getActiveSite()).isEqualTo("primary");
    assertThat(d.inProgress()).isFalse();
    assertThat(d.notices()).isEmpty();
  }

  @Test
  void unhealthySiteStartsTheGraceClockAndFailsOverExactlyAtItsEnd() {
    Decision first = In.of(on("primary"), T0).nodes(PRIMARY_DOWN).decide();
    assertThat(first.next().getUnhealthySince()).isEqualTo(T0.toString());
    assertThat(first.next().getUnhealthyReason()).isEqualTo("site primary has no Ready Node (2 Node(s) match its placement)");
    assertThat(first.inProgress()).isFalse();

    Decision justBefore = In.of(unhealthySince(T0), T0.plus(GRACE).minusMillis(1)).nodes(PRIMARY_DOWN).decide();
    assertThat(justBefore.inProgress()).isFalse();
    assertThat(justBefore.site()).isEqualTo("primary");

    Decision atGrace = In.of(unhealthySince(T0), T0.plus(GRACE)).nodes(PRIMARY_DOWN).decide();
    assertThat(atGrace.inProgress()).isTrue();
    assertThat(atGrace.fenced()).as("fence first, on the old site").isTrue();
    assertThat(atGrace.site()).isEqualTo("primary");
    FailoverRecord r = atGrace.next().getCurrent();
    assertThat(r.getTrigger()).isEqualTo(FailoverTrigger.Automatic);
    assertThat(r.getTo()).isEqualTo("secondary");
    assertThat(r.getStep()).isEqualTo(FailoverStage.Fencing);
    assertThat(atGrace.notices()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("FailoverStarted"));
  }

  @Test
  void criticalServicesUnavailableMakeTheSiteUnhealthyAndRecoveryResetsTheClock() {
    Decision d = In.of(on("primary"), T0).critical("auth-service").decide();
    assertThat(d.next().getUnhealthyReason()).contains("critical services unavailable").contains("auth-service");
    Decision healed = In.of(unhealthySince(T0), T0.plusSeconds(30)).decide();
    assertThat(healed.next().getUnhealthySince()).isNull();
  }

  @Test
  void noAutomaticFailoverWhenOffToAnUnhealthyStandbyOrDuringARollback() {
    assertThat(In.of(unhealthySince(T0), T0.plus(GRACE)).nodes(PRIMARY_DOWN).manualOnly().decide().inProgress()).isFalse();
    assertThat(In.of(unhealthySince(T0), T0.plus(GRACE)).nodes(BOTH_DOWN).decide().inProgress()).isFalse();
    assertThat(In.of(unhealthySince(T0), T0.plus(GRACE)).nodes(PRIMARY_DOWN).rollingBack().decide().inProgress()).isFalse();
  }

  @Test
  void atMostOneAutomaticFailoverPerGraceWindow() {
    FailoverStatus s = unhealthySince(T0);
    s.setActiveSite("secondary");
    FailoverRecord earlier = new FailoverRecord();
    earlier.setTrigger(FailoverTrigger.Automatic);
    earlier.setStartedAt(T0.minusSeconds(30).toString());
    s.setHistory(List.of(earlier));
    Map<String, SiteReadiness> secondaryDown = Map.of("primary", UP, "secondary", DOWN_S);
    assertThat(In.of(s, T0.plus(GRACE).minusSeconds(31)).nodes(secondaryDown).decide().inProgress())
        .as("within a grace window of the last automatic failover").isFalse();
    Decision later = In.of(s, T0.plus(GRACE)).nodes(secondaryDown).decide();
    assertThat(later.inProgress()).isTrue();
    assertThat(later.next().getCurrent().getTo()).isEqualTo("primary");
  }

  @Test
  void neverFailsBackByItselfButOnRequest() {
    FailoverStatus s = on("secondary");
    Decision stay = In.of(s, T0).decide();
    assertThat(stay.site()).as("primary is healthy again, spec says primary").isEqualTo("secondary");
    assertThat(stay.inProgress()).isFalse();
    Decision back = In.of(s, T0).failback().decide();
    assertThat(back.next().getCurrent().getTrigger()).isEqualTo(FailoverTrigger.Failback);
    assertThat(back.next().getCurrent().getTo()).isEqualTo("primary");
  }

  @Test
  void changingTheSpecsSiteIsAManualFailoverOnlyWhenItDiffersFromWhereWeRun() {
    Decision manual = In.of(on("primary"), T0).spec("secondary").decide();
    assertThat(manual.next().getCurrent().getTrigger()).isEqualTo(FailoverTrigger.Manual);
    assertThat(manual.next().getAcknowledgedSite()).isEqualTo("secondary");

    Decision acknowledge = In.of(on("secondary"), T0).spec("secondary").decide();
    assertThat(acknowledge.inProgress()).as("accepting where an automatic failover went").isFalse();
    assertThat(acknowledge.next().getAcknowledgedSite()).isEqualTo("secondary");
  }

  @Test
  void stepsFenceThenStartThenFinishOrFailAtTheDeadline() {
    FailoverStatus fencing = In.of(on("primary"), T0).spec("secondary").decide().next();
    Decision stillFencing = In.of(fencing, T0.plusSeconds(1)).spec("secondary").decide();
    assertThat(stillFencing.fenced()).isTrue();
    assertThat(stillFencing.site()).isEqualTo("primary");

    Decision starting = In.of(fencing, T0.plusSeconds(2)).spec("secondary").fenced().decide();
    assertThat(starting.fenced()).isFalse();
    assertThat(starting.site()).isEqualTo("secondary");
    assertThat(starting.next().getActiveSite()).isEqualTo("secondary");
    assertThat(starting.next().getCurrent().getStep()).isEqualTo(FailoverStage.Starting);

    Decision done = In.of(starting.next(), T0.plusSeconds(3)).spec("secondary").started().decide();
    assertThat(done.inProgress()).isFalse();
    assertThat(done.next().getCurrent()).isNull();
    FailoverRecord record = done.next().getHistory().get(0);
    assertThat(record.getOutcome()).isEqualTo(FailoverOutcome.Succeeded);
    assertThat(record.getFinishedAt()).isEqualTo(T0.plusSeconds(3).toString());
    assertThat(done.notices()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("FailoverCompleted"));

    assertThat(starting.next().getCurrent().getFencedAt()).isEqualTo(T0.plusSeconds(2).toString());
    Decision notYet = In.of(copy(starting.next()), T0.plusSeconds(601)).spec("secondary").decide();
    assertThat(notYet.inProgress()).as("the start deadline (600 s) counts from the end of fencing").isTrue();
    Decision late = In.of(starting.next(), T0.plusSeconds(602)).spec("secondary").decide();
    assertThat(late.next().getHistory().get(0).getOutcome()).isEqualTo(FailoverOutcome.Failed);
    assertThat(late.site()).as("no automatic way back").isEqualTo("secondary");
  }

  @Test
  void historyIsBounded() {
    FailoverStatus s = on("primary");
    s.setCurrent(new FailoverRecord());
    s.getCurrent().setFrom("primary");
    s.getCurrent().setTo("secondary");
    s.getCurrent().setTrigger(FailoverTrigger.Manual);
    s.getCurrent().setStep(FailoverStage.Starting);
    s.getCurrent().setStartedAt(T0.toString());
    s.setHistory(java.util.Collections.nCopies(10, new FailoverRecord()));
    Decision d = In.of(s, T0.plusSeconds(5)).started().decide();
    assertThat(d.next().getHistory()).hasSize(10);
    assertThat(d.next().getHistory().get(0).getOutcome()).isEqualTo(FailoverOutcome.Succeeded);
  }

  @Test
  void failbackToASiteThatCannotRunTheCriticalServicesIsRefusedOnceAndGoesWhenForced() {
    FailoverStatus onSecondary = on("secondary");
    Decision refused = In.of(onSecondary, T0).nodes(PRIMARY_DOWN).failback().decide();
    assertThat(refused.inProgress()).as("never move into a dead site").isFalse();
    assertThat(refused.site()).isEqualTo("secondary");
    assertThat(refused.next().getRefusedSite()).isEqualTo("primary");
    assertThat(refused.next().getRefusal()).isEqualTo(SiteProblem.NoReadyNode);
    assertThat(refused.next().getRefusalMessage()).contains("Failback to site primary refused")
        .contains("no Ready Node").contains("platform.nexuscos.online/failover-force")
        .as("a one-shot request is not kept pending, and says so").contains("ask again").doesNotContain("It starts once");
    assertThat(refused.notices()).singleElement().satisfies(n -> {
      assertThat(n.warning()).isTrue();
      assertThat(n.reason()).isEqualTo("FailoverRefused");
    });
    Decision again = In.of(refused.next(), T0.plusSeconds(5)).nodes(PRIMARY_DOWN).failback().decide();
    assertThat(again.notices()).as("announced once, not on every reconcile").isEmpty();
    Decision requestGone = In.of(refused.next(), T0.plusSeconds(6)).nodes(PRIMARY_DOWN).decide();
    assertThat(requestGone.next().getRefusedSite()).as("on record while primary is still dead").isEqualTo("primary");
    Decision primaryBack = In.of(refused.next(), T0.plusSeconds(7)).decide();
    assertThat(primaryBack.next().getRefusedSite()).as("cleared once it could go").isNull();
    assertThat(primaryBack.inProgress()).as("a refused failback is not replayed by itself").isFalse();

    Decision forced = In.of(refused.next(), T0.plusSeconds(9)).nodes(PRIMARY_DOWN).failback().force("alice: primary's nodes are fine, monitoring is not").decide();
    assertThat(forced.inProgress()).isTrue();
    assertThat(forced.next().getRefusedSite()).isNull();
    assertThat(forced.next().getCurrent().getForced()).isTrue();
    assertThat(forced.next().getCurrent().getReason()).contains("FORCED by alice").contains("no Ready Node");
  }

  @Test
  void aManualFailoverToADeadSiteWaitsUntilTheSiteCanRunThePlatform() {
    Decision refused = In.of(on("primary"), T0).spec("secondary").nodes(Map.of("primary", UP, "secondary", DOWN_S)).decide();
    assertThat(refused.inProgress()).isFalse();
    assertThat(refused.site()).isEqualTo("primary");
    assertThat(refused.next().getAcknowledgedSite()).as("still to be acted on").isEqualTo("primary");
    assertThat(refused.next().getRefusalMessage()).contains("Manual to site secondary refused")
        .as("the spec's choice stands").contains("It starts once the site can run the critical services");

    Decision recovered = In.of(refused.next(), T0.plusSeconds(30)).spec("secondary").decide();
    assertThat(recovered.inProgress()).isTrue();
    assertThat(recovered.next().getCurrent().getTo()).isEqualTo("secondary");
    assertThat(recovered.next().getRefusedSite()).isNull();
  }

  @Test
  void criticalServicesDownDuringAReleaseAreTheReleasesProblemNotTheSites() {
    Decision during = In.of(unhealthySince(T0), T0.plus(GRACE)).critical("auth-service").rollingBack().decide();
    assertThat(during.inProgress()).as("a bad release is rolled back, never failed over").isFalse();
    assertThat(during.next().getUnhealthySince()).as("the site is healthy: its nodes are").isNull();

    Decision after = In.of(on("primary"), T0).critical("auth-service").decide();
    assertThat(after.next().getUnhealthyReason()).as("outside a release it counts").contains("auth-service");
  }

  @Test
  void fencingWaitsForPodsOnReadyNodesForEverAndSaysSoOnceAndForPodsOnLostNodesBoundedly() {
    FailoverStatus fencing = In.of(on("primary"), T0).spec("secondary").decide().next();
    Fence serving = new Fence(true, List.of("ns/api-1"), List.of());
    Decision early = In.of(fencing, T0.plusSeconds(10)).spec("secondary").fence(serving).decide();
    assertThat(early.fenced()).isTrue();
    assertThat(early.next().getCurrent().getStep()).isEqualTo(FailoverStage.Fencing);
    assertThat(early.notices()).isEmpty();

    Decision stuck = In.of(early.next(), T0.plus(FENCE_WAIT)).spec("secondary").fence(serving).decide();
    assertThat(stuck.next().getCurrent().getStep()).isEqualTo(FailoverStage.FencingStuck);
    assertThat(stuck.site()).as("nothing moves while a pod may serve").isEqualTo("primary");
    assertThat(stuck.notices()).singleElement().satisfies(n -> {
      assertThat(n.reason()).isEqualTo("FencingStuck");
      assertThat(n.message()).contains("ns/api-1");
    });
    Decision later = In.of(stuck.next(), T0.plusSeconds(3600)).spec("secondary").fence(serving).decide();
    assertThat(later.next().getCurrent().getStep()).isEqualTo(FailoverStage.FencingStuck);
    assertThat(later.notices()).as("said once").isEmpty();
    Decision released = In.of(later.next(), T0.plusSeconds(3601)).spec("secondary").fence(Fence.DONE).decide();
    assertThat(released.next().getCurrent().getStep()).isEqualTo(FailoverStage.Starting);

    Fence lost = new Fence(true, List.of(), List.of("ns/api-2"));
    assertThat(In.of(fencing, T0.plus(FENCE_WAIT).minusMillis(1)).spec("secondary").fence(lost).decide().fenced())
        .as("a pod on a NotReady Node is waited for").isTrue();
    Decision gone = In.of(fencing, T0.plus(FENCE_WAIT)).spec("secondary").fence(lost).decide();
    assertThat(gone.site()).as("then counts as gone").isEqualTo("secondary");
  }

  @Test
  void aRequestedFailoverLeavesHomeWhereItIsSoFailbackReturnsThere() {
    Decision away = FailoverStateMachine.decide(new Input("primary", SITES, false, GRACE, 1, 10, on("primary"), false,
        BOTH_UP, List.of(), NOT_SCALED_DOWN, FENCE_WAIT, false, false, T0, Duration.ofSeconds(600), null, "secondary"));
    assertThat(away.inProgress()).isTrue();
    assertThat(away.next().getCurrent().getTrigger()).isEqualTo(FailoverTrigger.Manual);
    assertThat(away.next().getCurrent().getTo()).isEqualTo("secondary");
    assertThat(away.next().getAcknowledgedSite()).as("home is still the spec's").isEqualTo("primary");

    FailoverStatus there = on("secondary");
    Decision back = In.of(there, T0.plusSeconds(60)).failback().decide();
    assertThat(back.next().getCurrent().getTo()).isEqualTo("primary");
    assertThat(back.next().getCurrent().getTrigger()).isEqualTo(FailoverTrigger.Failback);
  }

  private static FailoverStatus copy(FailoverStatus status) {
    return io.fabric8.kubernetes.client.utils.Serialization.clone(status);
  }
}
