package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import online.nexuscos.operator.OperatorSettings;
import online.nexuscos.operator.metrics.OperatorMetrics;
import online.nexuscos.core.Timestamps;
import online.nexuscos.core.apply.Applier;
import online.nexuscos.core.apply.ApplyReport;
import online.nexuscos.core.apply.LiveView;
import online.nexuscos.core.failover.FailoverStateMachine;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.rollout.ManualRollback;
import online.nexuscos.core.rollout.RevisionStore;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.core.status.RequestAnswers;
import online.nexuscos.core.status.StatusChange;
import online.nexuscos.core.status.StatusBuilder;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.core.validation.ValidationError;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.RequestReason;
import online.nexuscos.platform.api.v1alpha1.RequestVerdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges a NexusPlatform: observe (informer caches) → validate → render → decide the revision
 * (rollout, rollback) → apply what differs → prune → write status only when it changed. A manual
 * rollback request is turned into a spec change. Deletion follows {@code spec.deletionPolicy}.
 */
@ControllerConfiguration(name = NexusPlatformReconciler.NAME,
    generationAwareEventProcessing = false, informer = @Informer(onUpdateFilter = RequestFilter.class))
public class NexusPlatformReconciler implements Reconciler<NexusPlatform>, Cleaner<NexusPlatform> {

  public static final String NAME = "nexusplatform";
  private static final Logger LOG = LoggerFactory.getLogger(NexusPlatformReconciler.class);
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  static final Duration MIN_RECHECK = Duration.ofMillis(100);
  static final Duration FAILOVER_RECHECK = Duration.ofSeconds(2);
  static final Duration CACHE_RECHECK = Duration.ofSeconds(1);
  /** While the cluster deletes an object we want (a Terminating namespace): look again soon. */
  static final Duration WAIT_RECHECK = Duration.ofSeconds(3);

  private final KubernetesClient client;
  private final Clock clock;
  private final Applier applier;
  private final StatusBuilder statusBuilder;
  private final EventRecorder events;
  private final Set<String> watchedNamespaces;
  private final Set<String> reservedNamespaces;
  private final Duration resyncPeriod;
  private final ReconcileCounters counters = new ReconcileCounters();
  private final ChildCaches caches = new ChildCaches();
  private final ProgressThrottle throttle;

  /**
   * @param settings the namespaces watched (empty: all) and reserved, and the resync period (the
   *     controller's maximum reconciliation interval; a reschedule replaces it)
   */
  public NexusPlatformReconciler(KubernetesClient client, Clock clock, OperatorSettings settings, OperatorMetrics metrics) {
    this.client = client;
    this.metrics = metrics;
    this.clock = clock;
    this.applier = new Applier(client);
    this.statusBuilder = new StatusBuilder(clock);
    this.throttle = new ProgressThrottle(clock);
    this.events = new EventRecorder(client, clock);
    this.monitoring = new MonitoringStep(client, clock);
    this.watchedNamespaces = Set.copyOf(settings.watchNamespaces());
    this.reservedNamespaces = settings.reservedNamespaces();
    this.resyncPeriod = settings.resyncPeriod();
  }

  private final OperatorMetrics metrics;
  private final MonitoringStep monitoring;

  public ReconcileCounters counters() {
    return counters;
  }

  @Override
  public List<EventSource<?, NexusPlatform>> prepareEventSources(EventSourceContext<NexusPlatform> context) {
    return caches.create(context, watchedNamespaces);
  }

  @Override
  public UpdateControl<NexusPlatform> reconcile(NexusPlatform platform, Context<NexusPlatform> context) {
    if (!caches.synced()) {
      // Started while an informer's first list failed (it keeps retrying): decide nothing yet.
      LOG.info("Platform {}: waiting for the operator's caches to fill before deciding anything",
          platform.getMetadata().getName());
      return UpdateControl.<NexusPlatform>noUpdate().rescheduleAfter(CACHE_RECHECK);
    }
    try {
      return converge(platform, context);
    } catch (StackOverflowError e) {
      // An Error would escape JOSDK's handling; make it an ordinary failure of this platform.
      throw new IllegalStateException("the spec is nested too deeply to process", e);
    }
  }

  /**
   * Any exception of a reconcile ends here (JOSDK then retries with backoff): the platform's status
   * says why, an Event names the cause when it is new, and nothing else is touched.
   */
  @Override
  public ErrorStatusUpdateControl<NexusPlatform> updateErrorStatus(NexusPlatform platform, Context<NexusPlatform> context,
      Exception e) {
    String cause = describe(e);
    LOG.warn("Reconciling platform {} failed: {}", platform.getMetadata().getName(), cause, e);
    NexusPlatformStatus next = statusBuilder.failed(platform, cause);
    boolean news = !Conditions.find(platform.getStatus() == null ? null : platform.getStatus().getConditions(),
        ConditionType.READY).map(c -> c.getMessage()).equals(Conditions.find(next.getConditions(), ConditionType.READY)
            .map(c -> c.getMessage()));
    try {
      StatusWriter.write(platform, next, StatusWriter.change(platform, next), context);
    } catch (RuntimeException writeFailed) {
      LOG.warn("Could not record the failure in the status of platform {}: {}", platform.getMetadata().getName(),
          describe(writeFailed));
    }
    if (news) {
      events.warning(platform, ConditionType.Reason.RECONCILE_FAILED, cause);
    }
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** An exception as one line for people: its kind and message, with the HTTP code for API errors. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    if (root instanceof KubernetesClientException k && k.getCode() > 0) {
      message = "HTTP " + k.getCode() + ": " + (k.getStatus() != null && k.getStatus().getMessage() != null
          ? k.getStatus().getMessage() : message);
    }
    String text = root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    return text.length() > 500 ? text.substring(0, 500) + "…" : text;
  }

  private UpdateControl<NexusPlatform> converge(NexusPlatform platform, Context<NexusPlatform> context) {
    LiveView live = caches.view();
    RevisionStore revisions = new RevisionStore(client, caches::revisionsOf);
    List<ValidationError> errors = new ArrayList<>(unreadable(platform));
    errors.addAll(SpecValidator.validate(platform, reservedNamespaces));
    errors.addAll(outsideWatchedNamespaces(platform));

    NexusPlatformStatus next;
    ApplyReport report = null;
    Duration untilDeadline = null;
    List<FailoverStateMachine.Notice> notices = List.of();
    if (!errors.isEmpty()) {
      next = statusBuilder.invalid(platform, errors);
    } else if (ManualRollback.requested(platform)) {
      counters.reconciled();
      return rollbackRequested(platform, revisions, context);
    } else {
      Convergence.Result result = new Convergence(applier, revisions, clock).run(platform, live, caches.nodes(),
          caches.podsOf(platform.getMetadata().getName()));
      report = result.report();
      untilDeadline = result.untilDeadline();
      var monitored = monitoring.apply(platform, result.target(), result.paused());
      next = statusBuilder.observed(platform, result.target(), report, result.paused(), result.summary(),
          result.failover().next(), monitored);
      announceReleases(platform, report); // about writes already done: said now
      notices = result.failover().notices();
      if (result.failover().inProgress() && untilDeadline == null) {
        untilDeadline = FAILOVER_RECHECK;
      }
      untilDeadline = earliest(untilDeadline, untilGraceEnds(platform, next));
      if (next.getRolloutStartedAt() != null && next.getDesiredServices() != null
          && next.getDesiredServices().equals(next.getReadyServices())) {
        untilDeadline = MIN_RECHECK; // all available: record the revision stable right away
      }
      RequestAnswers.siteSwitch(platform.getMetadata().getAnnotations(),
          platform.getSpec().getFailover() == null ? null : platform.getSpec().getFailover().getActiveSite(),
          platform.getSpec().getFailover() == null || platform.getSpec().getFailover().getSites() == null ? List.of()
              : platform.getSpec().getFailover().getSites().stream().map(x -> x.getName()).toList(),
          next.getFailover(), Instant.now(clock)).ifPresent(next::setLastRequest);
      result.state().writeTo(next);
      if (!result.summary().rollingOut()) {
        next.setUpdatedServices(null);
      }
    }
    counters.reconciled();
    var conditionsBefore = platform.getStatus() == null ? null : platform.getStatus().getConditions();
    String uid = platform.getMetadata().getUid();
    // A rollout's running commentary waits for the throttle; facts (and anything announced) do not.
    // (A status that needs repair counts as SUBSTANTIVE, so the throttle never holds it back.)
    StatusChange change = StatusWriter.change(platform, next);
    Duration heldBack = notices.isEmpty() ? throttle.holdBack(uid, change) : null;
    try {
      if (heldBack == null && StatusWriter.write(platform, next, change, context)) {
        throttle.written(uid);
      }
      if (heldBack == null && errors.isEmpty()) {
        dropSiteRequest(platform); // judged, and answered in the status just written: the request is done
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // Someone else wrote the platform since this reconcile read it: decide again from theirs.
      LOG.info("Platform {} changed while it was reconciled; reconciling again from the latest version",
          platform.getMetadata().getName());
      return UpdateControl.<NexusPlatform>noUpdate().rescheduleAfter(MIN_RECHECK);
    }
    // Decisions (a failover started, a rollback, a condition turned) are announced once the status
    // that records them is written: a reconcile cut off before that decides again and says it then,
    // so an Event is never sent for a decision the cluster does not hold, nor twice for one it does.
    metrics.platforms().observe(platform.getMetadata().getName(), next, sites(platform));
    if (notices.stream().anyMatch(n -> "FailoverStarted".equals(n.reason())) && next.getFailover() != null
        && next.getFailover().getCurrent() != null) {
      var started = next.getFailover().getCurrent();
      metrics.failover(started.getFrom(), started.getTo(), String.valueOf(started.getTrigger()));
    }
    notices.forEach(n -> {
      if (n.warning()) {
        events.warning(platform, n.reason(), n.message());
      } else {
        events.normal(platform, n.reason(), n.message());
      }
    });
    announce(platform, conditionsBefore, next);
    LOG.debug("Reconciled platform {}: phase {}, {} created, {} updated, {} deleted", platform.getMetadata().getName(),
        next.getPhase(), report == null ? 0 : report.created().size(), report == null ? 0 : report.updated().size(),
        report == null ? 0 : report.deleted().size());

    UpdateControl<NexusPlatform> control = UpdateControl.noUpdate();
    Duration recheck = report != null && !report.failures().isEmpty() ? RETRY_AFTER
        : report != null && !report.waits().isEmpty() ? WAIT_RECHECK : null;
    if (untilDeadline != null) {
      // Wake up at the rollout deadline even if no Deployment changes.
      Duration atDeadline = untilDeadline.isNegative() ? MIN_RECHECK : untilDeadline.plus(MIN_RECHECK);
      recheck = recheck == null || atDeadline.compareTo(recheck) < 0 ? atDeadline : recheck;
    }
    if (heldBack != null) {
      recheck = recheck == null || heldBack.compareTo(recheck) < 0 ? heldBack : recheck;
    }
    return recheck == null || recheck.compareTo(resyncPeriod) >= 0 ? control : control.rescheduleAfter(recheck);
  }

  private static List<String> sites(NexusPlatform platform) {
    var failover = platform.getSpec() == null ? null : platform.getSpec().getFailover();
    return failover == null || failover.getSites() == null ? List.of()
        : failover.getSites().stream().map(s -> s.getName()).toList();
  }

  /** When an unhealthy active site's grace period ends (an automatic failover may be due then). */
  private Duration untilGraceEnds(NexusPlatform platform, NexusPlatformStatus next) {
    var spec = platform.getSpec().getFailover();
    var status = next.getFailover();
    if (spec == null || !Boolean.TRUE.equals(spec.getAutomatic()) || status == null || status.getUnhealthySince() == null) {
      return null;
    }
    int grace = spec.getGracePeriodSeconds() == null ? FailoverStep.DEFAULT_GRACE_SECONDS : spec.getGracePeriodSeconds();
    return Duration.between(Instant.now(clock), Timestamps.parse("status.failover.unhealthySince", status.getUnhealthySince(), Instant.now(clock)).plusSeconds(grace));
  }

  private static Duration earliest(Duration a, Duration b) {
    return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
  }

  /** The annotations of a site request (failback or failover-to, with their reason and force). */
  private static final List<String> SITE_REQUEST =
      List.of(Labels.FAILBACK, Labels.FAILOVER_REASON, Labels.FAILOVER_FORCE, Labels.FAILOVER_TO);

  /**
   * Failback, failover-to, failover-reason and failover-force annotations are one-shot requests: removed
   * once status.lastRequest holds the answer (a reconcile cut off before that answers again, the same
   * way, since the failover state machine's decision is in the status too).
   */
  private void dropSiteRequest(NexusPlatform platform) {
    var annotations = platform.getMetadata().getAnnotations();
    if (annotations != null && SITE_REQUEST.stream().anyMatch(annotations::containsKey)) {
      client.resources(NexusPlatform.class).withName(platform.getMetadata().getName()).edit(p -> {
        SITE_REQUEST.forEach(p.getMetadata().getAnnotations()::remove);
        p.getMetadata().getAnnotations().remove(Labels.REQUEST_ID);
        return p;
      });
    }
  }

  /**
   * Writes the requested revision back into the spec and drops the request, or refuses it; either
   * way the verdict goes to status.lastRequest first (a reconcile cut off after it answers again,
   * the same way), then the spec and annotations are updated with optimistic locking.
   */
  private UpdateControl<NexusPlatform> rollbackRequested(NexusPlatform platform, RevisionStore revisions,
      Context<NexusPlatform> context) {
    ManualRollback.Result result = ManualRollback.apply(platform, revisions.list(platform.getMetadata().getName()),
        platform.getStatus() == null ? null : platform.getStatus().getCurrentRevision());
    NexusPlatform updated = result.platform();
    RequestReason reason = result.reason();
    String message = result.message();
    if (result.ok()) {
      List<ValidationError> problems = SpecValidator.validate(updated);
      if (!problems.isEmpty()) {
        reason = RequestReason.RestoredSpecInvalid;
        message = "The restored spec would be invalid: " + problems.get(0)
            + ". Roll back the whole platform, or edit the spec by hand.";
        updated.setSpec(platform.getSpec());
      }
    }
    var answer = RequestAnswers.rollback(platform.getMetadata().getAnnotations(), reason, message, Instant.now(clock));
    try {
      NexusPlatform written = StatusWriter.writeAndGet(platform, statusBuilder.answered(platform, answer), context);
      // A JSON patch carrying the resourceVersion just written: refused with 409 if anyone wrote since.
      var ops = List.of(
          java.util.Map.of("op", "add", "path", "/metadata/resourceVersion", "value", written.getMetadata().getResourceVersion()),
          java.util.Map.of("op", "add", "path", "/metadata/annotations", "value", updated.getMetadata().getAnnotations()),
          java.util.Map.of("op", "add", "path", "/spec", "value", updated.getSpec()));
      client.resources(NexusPlatform.class).withName(platform.getMetadata().getName())
          .patch(io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON),
              client.getKubernetesSerialization().asJson(ops));
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      LOG.info("Platform {} changed while its rollback request was answered; answering again from the latest version",
          platform.getMetadata().getName());
      return UpdateControl.<NexusPlatform>noUpdate().rescheduleAfter(MIN_RECHECK);
    }
    if (answer.getVerdict() == RequestVerdict.Accepted) {
      metrics.rollback(OperatorMetrics.RollbackReason.Requested);
      events.normal(platform, "RollbackRequested", message);
    } else {
      events.warning(platform, "RollbackFailed", message);
    }
    return UpdateControl.noUpdate();
  }

  @Override
  public DeleteControl cleanup(NexusPlatform platform, Context<NexusPlatform> context) {
    String name = platform.getMetadata().getName();
    throttle.forget(platform.getMetadata().getUid());
    if (!caches.synced()) {
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(CACHE_RECHECK); // deletes need to know what exists
    }
    DeletionPolicy policy =
        platform.getSpec() == null || platform.getSpec().getDeletionPolicy() == null
            ? DeletionPolicy.Retain
            : platform.getSpec().getDeletionPolicy();
    if (policy == DeletionPolicy.Retain) {
      metrics.platforms().forget(name);
      events.normal(platform, "Retained",
          "Platform deleted with deletionPolicy Retain: its namespaces and workloads keep running, unmanaged. "
              + "Apply a platform named " + name + " again to manage them.");
      return DeleteControl.defaultDelete();
    }
    ApplyReport report = applier.deleteAll(name, caches.view());
    announceReleases(platform, report);
    counters.reconciled();
    if (!report.failures().isEmpty()) {
      events.warning(platform, "DeleteFailed", report.failures().get(0).describe() + " (will retry)");
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_AFTER);
    }
    metrics.platforms().forget(name);
    events.normal(platform, "Deleted", "deletionPolicy Delete: removed " + report.deleted().size()
        + " objects the platform created.");
    return DeleteControl.defaultDelete();
  }

  /**
   * Spec values this version could not read, as validation errors (nothing is applied from a spec
   * read only in part); unreadable status values are reported and then overwritten by the next write.
   */
  private List<ValidationError> unreadable(NexusPlatform platform) {
    List<ValidationError> errors = new ArrayList<>();
    platform.getUnreadableFields().forEach((field, problem) -> {
      if (field.startsWith("spec")) {
        errors.add(new ValidationError(field, "cannot be read by this operator version (" + problem + ")",
            "write a value of the type and range docs/api.md gives, or upgrade the operator if the CRD is newer"));
      } else {
        LOG.warn("Platform {}: status field {} cannot be read ({}); it is rewritten from what the operator observes",
            platform.getMetadata().getName(), field, problem);
        events.warning(platform, ConditionType.Reason.UNREADABLE, "Status field " + field + " could not be read ("
            + problem + "); the operator rewrites the status from what it observes.");
      }
    });
    return errors;
  }

  private List<ValidationError> outsideWatchedNamespaces(NexusPlatform platform) {
    List<ValidationError> errors = new ArrayList<>();
    if (watchedNamespaces.isEmpty() || platform.getSpec() == null || platform.getSpec().getNamespaces() == null) {
      return errors;
    }
    var namespaces = platform.getSpec().getNamespaces();
    for (int i = 0; i < namespaces.size(); i++) {
      String ns = namespaces.get(i).getName();
      if (ns != null && !watchedNamespaces.contains(ns)) {
        errors.add(new ValidationError("spec.namespaces[" + i + "].name",
            "namespace " + ns + " is not watched by this operator",
            "add it to the operator's --watch-namespaces (NEXUS_WATCH_NAMESPACES) or remove it from the platform"));
      }
    }
    return errors;
  }

  /** A namespace handed back instead of deleted is worth telling: someone may want to clean it up. */
  private void announceReleases(NexusPlatform platform, ApplyReport report) {
    report.reverted().forEach(r -> events.warning(platform, "SecurityDriftReverted", r.key() + " had hand-edited "
        + "security-relevant pod template fields (" + String.join(", ", r.fields()) + "); they were set back to what the"
        + " platform renders. Change the NexusPlatform, not its Deployments."));
    report.released().forEach(r -> events.normal(platform, "NamespaceReleased", "Namespace " + r.key().name()
        + " was released, not deleted: " + r.reason() + ". The platform's objects in it are gone; our labels were"
        + " removed. Delete it yourself (kubectl delete namespace " + r.key().name() + ") if nothing in it is needed."));
  }

  /** Events on transitions only, so a steady state writes nothing. */
  private void announce(NexusPlatform platform, List<io.fabric8.kubernetes.api.model.Condition> before,
      NexusPlatformStatus next) {
    var after = next.getConditions();
    if (Conditions.newlyTrue(before, after, ConditionType.INVALID_SPEC)) {
      metrics.invalidSpec();
      events.warning(platform, ConditionType.Reason.VALIDATION_FAILED,
          Conditions.find(after, ConditionType.INVALID_SPEC).orElseThrow().getMessage());
    }
    if (Conditions.newlyTrue(before, after, ConditionType.DEGRADED)) {
      var degraded = Conditions.find(after, ConditionType.DEGRADED).orElseThrow();
      events.warning(platform, degraded.getReason(), degraded.getMessage());
    }
    if (Conditions.newlyTrue(before, after, ConditionType.ROLLED_BACK)) {
      metrics.rollback(OperatorMetrics.RollbackReason.RolloutFailed);
      events.warning(platform, "RolledBack", Conditions.find(after, ConditionType.ROLLED_BACK).orElseThrow().getMessage());
    }
    if (Conditions.newlyTrue(before, after, ConditionType.READY)) {
      events.normal(platform, "Ready", Conditions.find(after, ConditionType.READY).orElseThrow().getMessage());
    }
  }

}
