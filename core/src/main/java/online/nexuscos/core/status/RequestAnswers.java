package online.nexuscos.core.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import online.nexuscos.platform.api.v1alpha1.RequestKind;
import online.nexuscos.platform.api.v1alpha1.RequestReason;
import online.nexuscos.platform.api.v1alpha1.RequestStatus;
import online.nexuscos.platform.api.v1alpha1.RequestVerdict;

/**
 * The operator's verdicts on one-shot requests, as {@code status.lastRequest}: pure functions of
 * the request annotations and the decision taken, so that nexusctl (and anyone) can wait for an
 * answer the operator wrote instead of guessing from Events.
 */
public final class RequestAnswers {

  private RequestAnswers() {}

  /** The request's id (annotation {@code request-id}), or "" when it carries none. */
  public static String id(Map<String, String> annotations) {
    return annotations == null ? "" : Objects.toString(annotations.get(Labels.REQUEST_ID), "").trim();
  }

  /** The verdict on a rollback request. */
  public static RequestStatus rollback(Map<String, String> annotations, RequestReason reason, String message, Instant now) {
    RequestVerdict verdict = reason == RequestReason.RevisionRestored ? RequestVerdict.Accepted : RequestVerdict.Refused;
    return new RequestStatus(id(annotations), RequestKind.Rollback, verdict, reason, message, now.toString());
  }

  /**
   * The verdict on a failover-to or failback request, judged by the failover status the state
   * machine decided ({@code after}); empty when the annotations carry no such request. A failover-to
   * wins over a failback, as in the state machine.
   */
  public static Optional<RequestStatus> siteSwitch(Map<String, String> annotations, String specSite, List<String> sites,
      FailoverStatus after, Instant now) {
    if (annotations == null) {
      return Optional.empty();
    }
    RequestKind kind;
    String target;
    if (annotations.containsKey(Labels.FAILOVER_TO)) {
      kind = RequestKind.Failover;
      target = Objects.toString(annotations.get(Labels.FAILOVER_TO), "").trim();
    } else if (annotations.containsKey(Labels.FAILBACK)) {
      kind = RequestKind.Failback;
      target = specSite;
    } else {
      return Optional.empty();
    }
    String what = (kind == RequestKind.Failover ? "failover" : "failback") + " to site " + target;
    RequestReason reason;
    String message;
    FailoverRecord current = after == null ? null : after.getCurrent();
    if (!sites.contains(target)) {
      reason = RequestReason.UnknownSite;
      message = what + " refused: the site is not declared in spec.failover.sites " + sites + ". Name one of them.";
    } else if (current != null && target.equals(current.getTo())) {
      reason = RequestReason.SwitchStarted;
      message = what + " under way (" + current.getStep() + ", from " + current.getFrom() + ").";
    } else if (current != null) {
      reason = RequestReason.FailoverInProgress;
      message = what + " refused: a failover from " + current.getFrom() + " to " + current.getTo()
          + " is under way. Ask again once it has finished (nexusctl status).";
    } else if (after != null && target.equals(after.getRefusedSite())) {
      reason = RequestReason.SiteCannotRun;
      message = after.getRefusalMessage();
    } else if (after != null && target.equals(after.getActiveSite())) {
      reason = RequestReason.AlreadyOnSite;
      message = what + ": the platform runs on " + target + " already; nothing to do.";
    } else {
      reason = RequestReason.FailoverInProgress;
      message = what + " not started: spec.failover.activeSite is changing to " + specSite
          + ", which goes first. Ask again once the platform runs there.";
    }
    RequestVerdict verdict = reason == RequestReason.SwitchStarted || reason == RequestReason.AlreadyOnSite
        ? RequestVerdict.Accepted : RequestVerdict.Refused;
    return Optional.of(new RequestStatus(id(annotations), kind, verdict, reason, message, now.toString()));
  }
}
