package online.nexuscos.operator.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import online.nexuscos.operator.failover.FailoverStateMachine.Decision;
import online.nexuscos.operator.failover.FailoverStateMachine.Input;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import org.junit.jupiter.api.Test;

/** The failover state machine: triggers, grace edges, flapping, standby health, rollback, steps. */
class FailoverStateMachineTest {

  private static final Instant T0 = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final List<String> SITES = List.of("primary", "secondary");
  private static final Map<String, Long> BOTH_UP = Map.of("primary", 2L, "secondary", 2L);
  private static final Map<String, Long> PRIMARY_DOWN = Map.of("primary", 0L, "secondary", 2L);
  private static final Map<String, Long> BOTH_DOWN = Map.of("primary", 0L, "secondary", 0L);

  /** Builder of inputs with sensible defaults. */
  private record In(String specSite, boolean automatic, FailoverStatus status, boolean failbackV,
      Map<String, Long> nodesV, List<String> criticalV, boolean fencedV, boolean startedV, boolean rollingBackV,
      Instant now) {
    static In of(FailoverStatus status, Instant now) {
      return new In("primary", true, status, false, BOTH_UP, List.of(), false, false, false, now);
    }

    In nodes(Map<String, Long> n) {
      return new In(specSite, automatic, status, failbackV, n, criticalV, fencedV, startedV, rollingBackV, now);
    }

    In critical(String... c) {
      return new In(specSite, automatic, status, failbackV, nodesV, List.of(c), fencedV, startedV, rollingBackV, now);
    }

    In spec(String site) {
      return new In(site, automatic, status, failbackV, nodesV, criticalV, fencedV, startedV, rollingBackV, now);
    }

    In manualOnly() {
      return new In(specSite, false, status, failbackV, nodesV, criticalV, fencedV, startedV, rollingBackV, now);
    }

    In failback() {
      return new In(specSite, automatic, status, true, nodesV, criticalV, fencedV, startedV, rollingBackV, now);
    }

    In fenced() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, true, startedV, rollingBackV, now);
    }

    In started() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, fencedV, true, rollingBackV, now);
    }

    In rollingBack() {
      return new In(specSite, automatic, status, failbackV, nodesV, criticalV, fencedV, startedV, true, now);
    }

    Decision decide() {
      return FailoverStateMachine.decide(new Input(specSite, SITES, automatic, GRACE, 1, 10, status, failbackV, nodesV,
          criticalV, fencedV, startedV, rollingBackV, now, Duration.ofSeconds(600)));
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
    assertThat(first.next().getUnhealthyReason()).isEqualTo("no Ready node on site primary");
    assertThat(first.inProgress()).isFalse();

    Decision justBefore = In.of(unhealthySince(T0), T0.plus(GRACE).minusMillis(1)).nodes(PRIMARY_DOWN).decide();
    assertThat(justBefore.inProgress()).isFalse();
    assertThat(justBefore.site()).isEqualTo("primary");

    Decision atGrace = In.of(unhealthySince(T0), T0.plus(GRACE)).nodes(PRIMARY_DOWN).decide();
    assertThat(atGrace.inProgress()).isTrue();
    assertThat(atGrace.fenced()).as("fence first, on the old site").isTrue();
    assertThat(atGrace.site()).isEqualTo("primary");
    FailoverRecord r = atGrace.next().getCurrent();
    assertThat(r.getTrigger()).isEqualTo(FailoverStateMachine.AUTOMATIC);
    assertThat(r.getTo()).isEqualTo("secondary");
    assertThat(r.getStep()).isEqualTo(FailoverStateMachine.FENCING);
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
    earlier.setTrigger(FailoverStateMachine.AUTOMATIC);
    earlier.setStartedAt(T0.minusSeconds(30).toString());
    s.setHistory(List.of(earlier));
    Map<String, Long> secondaryDown = Map.of("primary", 2L, "secondary", 0L);
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
    assertThat(back.next().getCurrent().getTrigger()).isEqualTo(FailoverStateMachine.FAILBACK);
    assertThat(back.next().getCurrent().getTo()).isEqualTo("primary");
  }

  @Test
  void changingTheSpecsSiteIsAManualFailoverOnlyWhenItDiffersFromWhereWeRun() {
    Decision manual = In.of(on("primary"), T0).spec("secondary").decide();
    assertThat(manual.next().getCurrent().getTrigger()).isEqualTo(FailoverStateMachine.MANUAL);
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
    assertThat(starting.next().getCurrent().getStep()).isEqualTo(FailoverStateMachine.STARTING);

    Decision done = In.of(starting.next(), T0.plusSeconds(3)).spec("secondary").started().decide();
    assertThat(done.inProgress()).isFalse();
    assertThat(done.next().getCurrent()).isNull();
    FailoverRecord record = done.next().getHistory().get(0);
    assertThat(record.getOutcome()).isEqualTo(FailoverStateMachine.SUCCEEDED);
    assertThat(record.getFinishedAt()).isEqualTo(T0.plusSeconds(3).toString());
    assertThat(done.notices()).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("FailoverCompleted"));

    Decision late = In.of(starting.next(), T0.plusSeconds(600)).spec("secondary").decide();
    assertThat(late.next().getHistory().get(0).getOutcome()).isEqualTo(FailoverStateMachine.FAILED);
    assertThat(late.site()).as("no automatic way back").isEqualTo("secondary");
  }

  @Test
  void historyIsBounded() {
    FailoverStatus s = on("primary");
    s.setCurrent(new FailoverRecord());
    s.getCurrent().setFrom("primary");
    s.getCurrent().setTo("secondary");
    s.getCurrent().setTrigger("Manual");
    s.getCurrent().setStep(FailoverStateMachine.STARTING);
    s.getCurrent().setStartedAt(T0.toString());
    s.setHistory(java.util.Collections.nCopies(10, new FailoverRecord()));
    Decision d = In.of(s, T0.plusSeconds(5)).started().decide();
    assertThat(d.next().getHistory()).hasSize(10);
    assertThat(d.next().getHistory().get(0).getOutcome()).isEqualTo(FailoverStateMachine.SUCCEEDED);
  }
}
