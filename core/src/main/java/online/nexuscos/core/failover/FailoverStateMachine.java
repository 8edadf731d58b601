package online.nexuscos.core.failover;

import java.time.Duration;
import java.time.Instant;
import online.nexuscos.core.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import online.nexuscos.platform.api.v1alpha1.FailoverOutcome;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStage;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import online.nexuscos.platform.api.v1alpha1.FailoverTrigger;
import online.nexuscos.platform.api.v1alpha1.SiteProblem;

/**
 * The failover runbook as a state machine: decides which site the platform runs on and each step
 * of a switch — fence (every service scaled to zero on the old site), then start on the new site
 * in dependency order, then verify — and when to fail over on its own: the active site unhealthy
 * past the grace period, a standby that can run the critical services, no release (rollout or
 * rollback) under way, at most one automatic failover per grace window, never back by itself. A
 * requested failover or failback to a site that cannot run the critical services is refused
 * unless forced. Pure: time comes in as {@code now}.
 */
public final class FailoverStateMachine {

  /** Whether a site can run the platform's critical services now; {@code problem} null when it can. */
  public record SiteReadiness(long readyNodes, SiteProblem problem, String detail) {
    public static SiteReadiness ok(long readyNodes) {
      return new SiteReadiness(readyNodes, null, null);
    }

    boolean canRun() {
      return problem == null;
    }
  }

  /**
   * What is left of the platform where it is being fenced.
   *
   * @param scaledDown every Deployment is at zero replicas and its controller has seen that
   * @param podsOnReadyNodes pods of the platform (terminating or not) on Ready Nodes: they may serve and write
   * @param podsOnLostNodes pods on Nodes that are not Ready: gone once the fence wait is over
   */
  public record Fence(boolean scaledDown, List<String> podsOnReadyNodes, List<String> podsOnLostNodes) {
    public static final Fence DONE = new Fence(true, List.of(), List.of());
  }

  /**
   * What the reconcile observed.
   *
   * @param siteNames the declared sites, in spec order
   * @param sites what each site can run now
   * @param unavailableCritical critical services with no available replica on the active site
   * @param fence what still runs of the platform (observed from Pods, not only Deployment status)
   * @param fenceWait how long pods on Nodes that are not Ready are waited for before they count as
   *     gone, and after which pods on Ready Nodes make the fencing stuck
   * @param started every service is available on the new site
   * @param releaseInProgress a rollout or rollback is under way: unavailable services are the
   *     release's, not the site's, and no automatic failover starts
   * @param force who and why, when a failover to a site that cannot run the platform is forced
   * @param requestedSite a one-shot manual failover to this site (nexusctl failover), which leaves
   *     spec.failover.activeSite, the platform's home, as it is; null when none is asked for
   */
  public record Input(
      String specSite, List<String> siteNames, boolean automatic, Duration grace, int threshold, int historyLimit,
      FailoverStatus status, boolean failbackRequested, Map<String, SiteReadiness> sites,
      List<String> unavailableCritical, Fence fence, Duration fenceWait, boolean started, boolean releaseInProgress,
      Instant now, Duration startDeadline, String force, String requestedSite) {}

  /** An Event to emit. */
  public record Notice(boolean warning, String reason, String message) {}

  /**
   * @param site the site to render
   * @param fenced render every Deployment at zero replicas
   * @param inProgress a failover is under way (rollout decisions wait)
   */
  public record Decision(FailoverStatus next, String site, boolean fenced, boolean inProgress, List<Notice> notices) {}

  private FailoverStateMachine() {}

  private static final com.fasterxml.jackson.databind.ObjectMapper COPIER = new com.fasterxml.jackson.databind.ObjectMapper();

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
    FailoverTrigger trigger = null;
    String why = null;
    String to = in.specSite();
    boolean standing = false; // a change of spec.failover.activeSite stands; nexusctl's requests are one-shot
    if (!in.specSite().equals(st.getAcknowledgedSite())) {
      if (in.specSite().equals(st.getActiveSite())) {
        st.setAcknowledgedSite(in.specSite());
      } else {
        trigger = FailoverTrigger.Manual;
        why = "spec.failover.activeSite changed to " + in.specSite();
        standing = true;
      }
    } else if (in.requestedSite() != null && in.siteNames().contains(in.requestedSite())
        && !in.requestedSite().equals(st.getActiveSite())) {
      trigger = FailoverTrigger.Manual;
      to = in.requestedSite();
      why = "failover to " + to + " requested";
    } else if (in.failbackRequested() && !in.specSite().equals(st.getActiveSite())) {
      trigger = FailoverTrigger.Failback;
      why = "failback to " + in.specSite() + " requested";
    }
    if (trigger == null) {
      // A refused one-shot request (failback) stays on record while its site still cannot run the platform.
      SiteReadiness refused = st.getRefusedSite() == null ? null : in.sites().get(st.getRefusedSite());
      if (refused == null || refused.canRun() || st.getRefusedSite().equals(st.getActiveSite())) {
        clearRefusal(st);
      }
    } else {
      SiteReadiness target = readiness(in, to);
      if (target.canRun() || in.force() != null) {
        st.setAcknowledgedSite(in.specSite());
        clearRefusal(st);
        String reason = target.canRun() ? why : why + "; FORCED by " + in.force() + " although " + target.detail();
        return start(in, st, to, trigger, reason, !target.canRun(), notices);
      }
      refuse(st, to, trigger, target, standing, notices);
    }
    String active = st.getActiveSite();
    SiteReadiness here = readiness(in, active);
    String unhealthy = !here.canRun() ? here.detail()
        : !in.releaseInProgress() && in.unavailableCritical().size() >= in.threshold()
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
    Instant since = Timestamps.parse("status.failover.unhealthySince", st.getUnhealthySince(), in.now());
    if (!in.automatic() || in.now().isBefore(since.plus(in.grace())) || in.releaseInProgress() || recentAutomatic(st, in)) {
      return new Decision(st, active, false, false, notices);
    }
    String standby = in.siteNames().stream()
        .filter(s -> !s.equals(active) && readiness(in, s).canRun()).findFirst().orElse(null);
    if (standby == null) {
      return new Decision(st, active, false, false, notices);
    }
    return start(in, st, standby, FailoverTrigger.Automatic, unhealthy + " for " + in.grace().toSeconds() + "s or more",
        false, notices);
  }

  /** What a site can run; a site nothing was observed for has no Node. */
  private static SiteReadiness readiness(Input in, String site) {
    return in.sites().getOrDefault(site, new SiteReadiness(0, SiteProblem.NoReadyNode, "site " + site + " has no Node"));
  }

  /**
   * Records (and announces once) that a requested switch to {@code site} is not started; a
   * {@code standing} request (the spec's activeSite) starts by itself once the site can run the
   * platform, a one-shot one (nexusctl failover --to, failback) has to be asked again.
   */
  private static void refuse(FailoverStatus st, String site, FailoverTrigger trigger, SiteReadiness target,
      boolean standing, List<Notice> notices) {
    String message = trigger + " to site " + site + " refused: " + target.detail()
        + (standing ? ". It starts once the site can run the critical services"
            : ". Nothing is kept pending: ask again once the site can run the critical services")
        + "; to go there anyway, annotate the platform "
        + "platform.nexuscos.online/failover-force=\"<who>: <why>\" (nexusctl failover/failback --force).";
    boolean news = !site.equals(st.getRefusedSite()) || target.problem() != st.getRefusal();
    st.setRefusedSite(site);
    st.setRefusal(target.problem());
    st.setRefusalMessage(message);
    if (news) {
      notices.add(new Notice(true, "FailoverRefused", message));
    }
  }

  private static void clearRefusal(FailoverStatus st) {
    st.setRefusedSite(null);
    st.setRefusal(null);
    st.setRefusalMessage(null);
  }

  private static Decision continueFailover(Input in, FailoverStatus st, FailoverRecord current, List<Notice> notices) {
    if (current.getStep() == FailoverStage.Fencing || current.getStep() == FailoverStage.FencingStuck) {
      Fence f = in.fence();
      boolean waited = !in.now().isBefore(Timestamps.parse("status.failover.current.startedAt", current.getStartedAt(), in.now()).plus(in.fenceWait()));
      boolean stillServing = !f.scaledDown() || !f.podsOnReadyNodes().isEmpty();
      if (stillServing || (!f.podsOnLostNodes().isEmpty() && !waited)) {
        if (stillServing && waited && current.getStep() == FailoverStage.Fencing) {
          current.setStep(FailoverStage.FencingStuck);
          notices.add(new Notice(true, "FencingStuck", "Fencing site " + current.getFrom() + " has taken "
              + in.fenceWait().toSeconds() + "s and "
              + (f.podsOnReadyNodes().isEmpty() ? "Deployments are not scaled down yet"
                  : f.podsOnReadyNodes().size() + " pod(s) still run on Ready Nodes: " + String.join(", ", f.podsOnReadyNodes()))
              + ". Nothing moves to " + current.getTo() + " while they may serve and write; find out why they do not stop "
              + "(finalizers, kubectl describe pod)."));
        }
        return new Decision(st, current.getFrom(), true, true, notices);
      }
      current.setStep(FailoverStage.Starting);
      current.setFencedAt(in.now().toString());
      st.setActiveSite(current.getTo());
      return new Decision(st, current.getTo(), false, true, notices);
    }
    if (in.started()) {
      finish(st, current, FailoverOutcome.Succeeded, in, notices);
      return new Decision(st, current.getTo(), false, false, notices);
    }
    // The start deadline counts from the end of fencing, which may itself take up to fenceWait.
    Instant started = current.getFencedAt() != null
        ? Timestamps.parse("status.failover.current.fencedAt", current.getFencedAt(), in.now())
        : Timestamps.parse("status.failover.current.startedAt", current.getStartedAt(), in.now());
    if (!in.now().isBefore(started.plus(in.startDeadline()))) {
      finish(st, current, FailoverOutcome.Failed, in, notices);
      return new Decision(st, current.getTo(), false, false, notices);
    }
    return new Decision(st, current.getTo(), false, true, notices);
  }

  private static Decision start(Input in, FailoverStatus st, String to, FailoverTrigger trigger, String reason,
      boolean forced, List<Notice> notices) {
    FailoverRecord r = new FailoverRecord();
    r.setFrom(st.getActiveSite());
    r.setTo(to);
    r.setTrigger(trigger);
    r.setReason(reason);
    r.setStartedAt(in.now().toString());
    r.setOutcome(FailoverOutcome.InProgress);
    r.setStep(FailoverStage.Fencing);
    r.setForced(forced ? Boolean.TRUE : null);
    st.setCurrent(r);
    st.setUnhealthySince(null);
    st.setUnhealthyReason(null);
    notices.add(new Notice(true, "FailoverStarted", trigger + " failover from " + r.getFrom() + " to " + to + ": " + reason
        + ". Fencing: every service is scaled to zero on " + r.getFrom() + " before endpoints and placement switch."));
    return new Decision(st, r.getFrom(), true, true, notices);
  }

  private static void finish(FailoverStatus st, FailoverRecord r, FailoverOutcome outcome, Input in, List<Notice> notices) {
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
    notices.add(outcome == FailoverOutcome.Succeeded
        ? new Notice(false, "FailoverCompleted", "Running on site " + r.getTo() + " (failover from " + r.getFrom()
            + ", " + r.getTrigger().name().toLowerCase(java.util.Locale.ROOT) + "); every service is available.")
        : new Notice(true, "FailoverFailed", "Services did not all become available on site " + r.getTo()
            + " within " + in.startDeadline().toSeconds() + "s; the platform stays there. Check the site's nodes and data stores."));
  }

  /** One automatic failover per grace window at most: no flapping. */
  private static boolean recentAutomatic(FailoverStatus st, Input in) {
    return st.getHistory() != null && st.getHistory().stream()
        .filter(r -> r.getTrigger() == FailoverTrigger.Automatic)
        .anyMatch(r -> in.now().isBefore(Timestamps.parse("status.failover.history[].startedAt", r.getStartedAt(), in.now()).plus(in.grace())));
  }

  /** A deep copy: decisions never change their input. Every field, including ones added later. */
  private static FailoverStatus copy(FailoverStatus s) {
    return s == null ? new FailoverStatus() : COPIER.convertValue(s, FailoverStatus.class);
  }

}
