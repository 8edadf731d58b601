package online.nexuscos.operator.failover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;

/**
 * The failover runbook as a state machine: decides which site the platform runs on and each step
 * of a switch — fence (every service scaled to zero on the old site), then start on the new site
 * in dependency order, then verify — and when to fail over on its own: the active site unhealthy
 * past the grace period, a healthy standby, no rollback under way, at most one automatic failover
 * per grace window, never back by itself. Pure: time comes in as {@code now}.
 */
public final class FailoverStateMachine {

  public static final String MANUAL = "Manual";
  public static final String AUTOMATIC = "Automatic";
  public static final String FAILBACK = "Failback";
  public static final String FENCING = "Fencing";
  public static final String STARTING = "Starting";
  public static final String IN_PROGRESS = "InProgress";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";

  /**
   * What the reconcile observed.
   *
   * @param siteNames the declared sites, in spec order
   * @param readyNodes Ready nodes per site
   * @param unavailableCritical critical services with no available replica on the active site
   * @param fenced every Deployment is at zero replicas
   * @param started every service is available on the new site
   */
  public record Input(
      String specSite, List<String> siteNames, boolean automatic, Duration grace, int threshold, int historyLimit,
      FailoverStatus status, boolean failbackRequested, Map<String, Long> readyNodes,
      List<String> unavailableCritical, boolean fenced, boolean started, boolean rollbackInProgress,
      Instant now, Duration startDeadline) {}

  /** An Event to emit. */
  public record Notice(boolean warning, String reason, String message) {}

  /**
   * @param site the site to render
   * @param fenced render every Deployment at zero replicas
   * @param inProgress a failover is under way (rollout decisions wait)
   */
  public record Decision(FailoverStatus next, String site, boolean fenced, boolean inProgress, List<Notice> notices) {}

  private FailoverStateMachine() {}

  public static Decision decide(Input in) {
    FailoverStatus st = copy(in.status());
    List<Notice> notices = new ArrayList<>();
    if (st.getActiveSite() == null || !in.siteNames().contains(st.getActiveSite())) {
      // First sight of the sites, or the active one was removed from the spec: take the spec's choice.
      st.setActiveSite(in.specSite());
      st.setAcknowledgedSite(in.specSite());
      st.setCurrent(null);
    }
    FailoverRecord current = st.getCurrent();
    if (current != null) {
      return continueFailover(in, st, current, notices);
    }
    if (!in.specSite().equals(st.getAcknowledgedSite())) {
      st.setAcknowledgedSite(in.specSite());
      if (!in.specSite().equals(st.getActiveSite())) {
        return start(in, st, in.specSite(), MANUAL, "spec.failover.activeSite changed to " + in.specSite(), notices);
      }
    }
    if (in.failbackRequested() && !in.specSite().equals(st.getActiveSite())) {
      return start(in, st, in.specSite(), FAILBACK, "failback to " + in.specSite() + " requested", notices);
    }
    String active = st.getActiveSite();
    String unhealthy = in.readyNodes().getOrDefault(active, 0L) == 0 ? "no Ready node on site " + active
        : in.unavailableCritical().size() >= in.threshold()
            ? "critical services unavailable on site " + active + ": " + String.join(", ", in.unavailableCritical())
            : null;
    if (unhealthy == null) {
      st.setUnhealthySince(null);
      st.setUnhealthyReason(null);
      return new Decision(st, active, false, false, notices);
    }
    if (st.getUnhealthySince() == null) {
      st.setUnhealthySince(in.now().toString());
    }
    st.setUnhealthyReason(unhealthy);
    Instant since = Instant.parse(st.getUnhealthySince());
    if (!in.automatic() || in.now().isBefore(since.plus(in.grace())) || in.rollbackInProgress() || recentAutomatic(st, in)) {
      return new Decision(st, active, false, false, notices);
    }
    String standby = in.siteNames().stream()
        .filter(s -> !s.equals(active) && in.readyNodes().getOrDefault(s, 0L) > 0).findFirst().orElse(null);
    if (standby == null) {
      return new Decision(st, active, false, false, notices);
    }
    return start(in, st, standby, AUTOMATIC, unhealthy + " for " + in.grace().toSeconds() + "s or more", notices);
  }

  private static Decision continueFailover(Input in, FailoverStatus st, FailoverRecord current, List<Notice> notices) {
    if (FENCING.equals(current.getStep())) {
      if (!in.fenced()) {
        return new Decision(st, current.getFrom(), true, true, notices);
      }
      current.setStep(STARTING);
      st.setActiveSite(current.getTo());
      return new Decision(st, current.getTo(), false, true, notices);
    }
    if (in.started()) {
      finish(st, current, SUCCEEDED, in, notices);
      return new Decision(st, current.getTo(), false, false, notices);
    }
    Instant started = Instant.parse(current.getStartedAt());
    if (!in.now().isBefore(started.plus(in.startDeadline()))) {
      finish(st, current, FAILED, in, notices);
      return new Decision(st, current.getTo(), false, false, notices);
    }
    return new Decision(st, current.getTo(), false, true, notices);
  }

  private static Decision start(Input in, FailoverStatus st, String to, String trigger, String reason, List<Notice> notices) {
    FailoverRecord r = new FailoverRecord();
    r.setFrom(st.getActiveSite());
    r.setTo(to);
    r.setTrigger(trigger);
    r.setReason(reason);
    r.setStartedAt(in.now().toString());
    r.setOutcome(IN_PROGRESS);
    r.setStep(FENCING);
    st.setCurrent(r);
    st.setUnhealthySince(null);
    st.setUnhealthyReason(null);
    notices.add(new Notice(true, "FailoverStarted", trigger + " failover from " + r.getFrom() + " to " + to + ": " + reason
        + ". Fencing: every service is scaled to zero on " + r.getFrom() + " before endpoints and placement switch."));
    return new Decision(st, r.getFrom(), true, true, notices);
  }

  private static void finish(FailoverStatus st, FailoverRecord r, String outcome, Input in, List<Notice> notices) {
    r.setOutcome(outcome);
    r.setStep(null);
    r.setFinishedAt(in.now().toString());
    st.setCurrent(null);
    List<FailoverRecord> history = new ArrayList<>();
    history.add(r);
    if (st.getHistory() != null) {
      history.addAll(st.getHistory());
    }
    st.setHistory(history.subList(0, Math.min(history.size(), in.historyLimit())));
    notices.add(SUCCEEDED.equals(outcome)
        ? new Notice(false, "FailoverCompleted", "Running on site " + r.getTo() + " (failover from " + r.getFrom()
            + ", " + r.getTrigger().toLowerCase() + "); every service is available.")
        : new Notice(true, "FailoverFailed", "Services did not all become available on site " + r.getTo()
            + " within " + in.startDeadline().toSeconds() + "s; the platform stays there. Check the site's nodes and data stores."));
  }

  /** One automatic failover per grace window at most: no flapping. */
  private static boolean recentAutomatic(FailoverStatus st, Input in) {
    return st.getHistory() != null && st.getHistory().stream()
        .filter(r -> AUTOMATIC.equals(r.getTrigger()))
        .anyMatch(r -> in.now().isBefore(Instant.parse(r.getStartedAt()).plus(in.grace())));
  }

  private static FailoverStatus copy(FailoverStatus s) {
    FailoverStatus c = new FailoverStatus();
    if (s != null) {
      c.setActiveSite(s.getActiveSite());
      c.setAcknowledgedSite(s.getAcknowledgedSite());
      c.setUnhealthySince(s.getUnhealthySince());
      c.setUnhealthyReason(s.getUnhealthyReason());
      c.setCurrent(s.getCurrent() == null ? null : copy(s.getCurrent()));
      c.setHistory(s.getHistory() == null ? null : s.getHistory().stream().map(FailoverStateMachine::copy).toList());
    }
    return c;
  }

  private static FailoverRecord copy(FailoverRecord r) {
    FailoverRecord c = new FailoverRecord();
    c.setFrom(r.getFrom());
    c.setTo(r.getTo());
    c.setTrigger(r.getTrigger());
    c.setReason(r.getReason());
    c.setStartedAt(r.getStartedAt());
    c.setFinishedAt(r.getFinishedAt());
    c.setOutcome(r.getOutcome());
    c.setStep(r.getStep());
    return c;
  }
}
