package online.nexuscos.core.status;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import online.nexuscos.core.apply.ApplyReport;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.core.validation.ValidationError;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import online.nexuscos.platform.api.v1alpha1.ServiceStatus;

/** Builds a platform's whole status from what one reconcile observed. Pure but for the clock. */
public final class StatusBuilder {

  /** Messages list at most this many names before "and N more". */
  static final int LIST_LIMIT = 5;

  private final Clock clock;

  public StatusBuilder(Clock clock) {
    this.clock = clock;
  }

  /** Status of a platform whose spec failed validation: children untouched, services as before. */
  /**
   * The status after a reconcile failed with {@code cause}: everything observed before is kept
   * (revisions, failover state), only Ready turns False naming the cause.
   */
  public NexusPlatformStatus failed(NexusPlatform platform, String cause) {
    NexusPlatformStatus old = previous(platform);
    NexusPlatformStatus status = CLONE.clone(old);
    List<io.fabric8.kubernetes.api.model.Condition> conditions = new java.util.ArrayList<>(
        new Conditions(old.getConditions(), generation(platform), clock)
            .set(ConditionType.READY, false, ConditionType.Reason.RECONCILE_FAILED,
                "The operator could not reconcile the platform: " + cause + ". It retries with backoff;"
                    + " the platform keeps running as last applied.")
            .build());
    if (old.getConditions() != null) {
      old.getConditions().stream().filter(c -> !ConditionType.READY.equals(c.getType())).forEach(conditions::add);
    }
    status.setConditions(conditions);
    return status;
  }

  /** The status as it was, with the operator's verdict on a one-shot request recorded. */
  public NexusPlatformStatus answered(NexusPlatform platform, online.nexuscos.platform.api.v1alpha1.RequestStatus answer) {
    NexusPlatformStatus status = CLONE.clone(previous(platform));
    status.setLastRequest(answer);
    return status;
  }

  public NexusPlatformStatus invalid(NexusPlatform platform, List<ValidationError> errors) {
    NexusPlatformStatus old = previous(platform);
    NexusPlatformStatus status = copyObservations(old);
    status.setObservedGeneration(platform.getMetadata().getGeneration());
    status.setPhase(Phase.Invalid);
    String problems = summary(errors.stream().map(ValidationError::toString).toList(), "; ");
    status.setConditions(
        new Conditions(old.getConditions(), generation(platform), clock)
            .set(ConditionType.READY, false, ConditionType.Reason.SPEC_INVALID,
                "The spec is invalid; the platform keeps running as last applied. Fix the spec.")
            .set(ConditionType.PROGRESSING, false, ConditionType.Reason.SPEC_INVALID,
                "Nothing is rolled out until the spec is fixed.")
            .set(ConditionType.DEGRADED, false, ConditionType.Reason.HEALTHY, "No running service was changed.")
            .set(ConditionType.INVALID_SPEC, true, ConditionType.Reason.VALIDATION_FAILED,
                errors.size() + " problem(s): " + problems)
            .set(ConditionType.PAUSED, Boolean.TRUE.equals(platform.getSpec() == null ? null : platform.getSpec().getPaused()),
                ConditionType.Reason.SPEC_INVALID, "See InvalidSpec.")
            .set(ConditionType.ROLLED_BACK, Conditions.isTrue(old.getConditions(), ConditionType.ROLLED_BACK),
                Conditions.find(old.getConditions(), ConditionType.ROLLED_BACK).map(x -> x.getReason())
                    .orElse(ConditionType.Reason.NOT_ROLLED_BACK),
                Conditions.find(old.getConditions(), ConditionType.ROLLED_BACK).map(x -> x.getMessage())
                    .orElse("The spec's revision is the one running."))
            .build());
    return status;
  }

  /**
   * What the rollout logic decided, as the status shows it.
   *
   * @param rollingOut a rollout of a new revision is under way
   * @param rolledBack why the spec's revision was rolled back (while it stays rolled back), or null
   * @param rolloutFailure why the rollout failed when it could not be rolled back, or null
   * @param waiting services held until their dependencies are available
   */
  /** The Monitoring condition (spec.monitoring) as the monitoring step found it; null keeps the previous one. */
  public record Monitoring(boolean status, String reason, String message) {}

  public record RolloutSummary(boolean rollingOut, String rolledBack, String rolloutFailure, List<String> waiting) {}

  /**
   * Status of a valid platform after an apply pass (or an observe pass when paused). The revision
   * fields are the caller's: it writes the rollout state into the returned status.
   */
  public NexusPlatformStatus observed(
      NexusPlatform platform, ResolvedPlatform resolved, ApplyReport report, boolean paused, RolloutSummary rollout,
      FailoverStatus failover) {
    return observed(platform, resolved, report, paused, rollout, failover, null);
  }

  /** As above, with the Monitoring condition. */
  public NexusPlatformStatus observed(
      NexusPlatform platform, ResolvedPlatform resolved, ApplyReport report, boolean paused, RolloutSummary rollout,
      FailoverStatus failover, Monitoring monitoring) {
    NexusPlatformStatus old = previous(platform);
    NexusPlatformStatus status = new NexusPlatformStatus();
    status.setObservedGeneration(platform.getMetadata().getGeneration());

    List<ServiceStatus> services = new ArrayList<>();
    for (ResolvedService s : resolved.services()) {
      services.add(service(s, report));
    }
    services.sort(Comparator.comparing(ServiceStatus::getNamespace).thenComparing(ServiceStatus::getName));
    status.setServices(services);
    int available = (int) services.stream().filter(s -> s.getState() == ServiceState.Available).count();
    status.setReadyServices(available);
    status.setDesiredServices(services.size());
    status.setServicesReady(available + "/" + services.size());
    if (rollout.rollingOut()) {
      status.setUpdatedServices(names(services, ServiceState.Available));
    }

    List<String> rolling = new ArrayList<>(names(services, ServiceState.Pending, ServiceState.Progressing));
    report.waits().forEach(w -> rolling.add(w.describe()));
    List<String> failed = services.stream().filter(s -> s.getState() == ServiceState.Failed)
        .map(s -> s.getName() + " (" + s.getMessage() + ")").toList();
    List<String> conflicts = report.conflicts().stream().map(ApplyReport.Conflict::describe).toList();
    List<String> failures = report.failures().stream().map(ApplyReport.Failure::describe).toList();
    boolean allAvailable = available == services.size();
    boolean degraded = !failed.isEmpty() || !conflicts.isEmpty() || !failures.isEmpty() || rollout.rolloutFailure() != null;
    // Every service available, but the rollout is not yet recorded stable: the next reconcile does
    // that. Ready is said only once it is, so Ready always goes with its stable revision.
    boolean recording = allAvailable && rollout.rollingOut();
    // Never Ready while a failover fences or switches sites, whatever the counts say.
    boolean switching = failover != null && failover.getCurrent() != null;
    boolean ready = allAvailable && !degraded && !recording && !switching;

    Conditions c = new Conditions(old.getConditions(), generation(platform), clock);
    c.set(ConditionType.READY, ready,
        ready ? ConditionType.Reason.ALL_AVAILABLE : ConditionType.Reason.SERVICES_NOT_AVAILABLE,
        ready ? "All " + services.size() + " services are available."
            : switching ? "Failing over to site " + failover.getCurrent().getTo() + " (step "
                + failover.getCurrent().getStep() + "); " + available + " of " + services.size() + " services are available."
            : recording ? "All " + services.size() + " services are available; recording the revision as stable."
            : (services.size() - available) + " of " + services.size() + " services are not available"
                + (rolling.isEmpty() ? "." : ": " + summary(rolling, ", ") + "."));
    c.set(ConditionType.PROGRESSING, !rolling.isEmpty() || recording,
        rolling.isEmpty() && !recording ? ConditionType.Reason.COMPLETE : ConditionType.Reason.ROLLING_OUT,
        rolling.isEmpty() ? (recording ? "Every service is available at the new revision." : "Every service runs the current revision.")
            : "Rolling out: " + summary(rolling, ", ")
            + (rollout.waiting().isEmpty() ? "." : "; waiting for their dependencies: " + summary(rollout.waiting(), ", ") + "."));
    degraded(c, failed, conflicts, failures, rollout.rolloutFailure());
    c.set(ConditionType.INVALID_SPEC, false, ConditionType.Reason.VALID, "The spec passed validation.");
    c.set(ConditionType.PAUSED, paused,
        paused ? ConditionType.Reason.PAUSED_BY_SPEC : ConditionType.Reason.NOT_PAUSED,
        paused ? "spec.paused is true: nothing is written to the platform's objects. Set it to false to resume."
            : "The operator keeps the platform converged.");
    c.set(ConditionType.ROLLED_BACK, rollout.rolledBack() != null,
        rollout.rolledBack() != null ? ConditionType.Reason.AUTOMATIC_ROLLBACK : ConditionType.Reason.NOT_ROLLED_BACK,
        rollout.rolledBack() != null ? rollout.rolledBack() : "The spec's revision is the one running.");
    failedOver(c, failover, platform.getSpec().getFailover() == null ? null : platform.getSpec().getFailover().getActiveSite());
    if (monitoring != null) {
      c.set(ConditionType.MONITORING, monitoring.status(), monitoring.reason(), monitoring.message());
    } else {
      Conditions.find(old.getConditions(), ConditionType.MONITORING)
          .ifPresent(m -> c.set(ConditionType.MONITORING, "True".equals(m.getStatus()), m.getReason(), m.getMessage()));
    }
    status.setFailover(failover);
    status.setLastRequest(old.getLastRequest());
    status.setConditions(c.build());
    status.setPhase(
        paused ? Phase.Paused : degraded ? Phase.Degraded : ready ? Phase.Ready : Phase.Progressing);
    return status;
  }

  private static void degraded(Conditions c, List<String> failed, List<String> conflicts, List<String> failures,
      String rolloutFailure) {
    if (rolloutFailure != null) {
      c.set(ConditionType.DEGRADED, true, ConditionType.Reason.ROLLOUT_FAILED,
          "The rollout failed: " + rolloutFailure + ". Fix the spec, or roll back by hand (docs/rollback.md).");
    } else if (!conflicts.isEmpty()) {
      c.set(ConditionType.DEGRADED, true, ConditionType.Reason.OWNERSHIP_CONFLICT,
          "Left alone because someone else owns them: " + summary(conflicts, "; ")
              + ". Delete or rename the other objects, or remove them from this platform.");
    } else if (!failed.isEmpty()) {
      c.set(ConditionType.DEGRADED, true, ConditionType.Reason.SERVICE_FAILED,
          "Failed: " + summary(failed, "; ") + ". Check the pods (kubectl describe) and fix or change the image.");
    } else if (!failures.isEmpty()) {
      c.set(ConditionType.DEGRADED, true, ConditionType.Reason.APPLY_FAILED,
          summary(failures, "; ") + ". The operator retries; check its RBAC and the API server if this persists.");
    } else {
      c.set(ConditionType.DEGRADED, false, ConditionType.Reason.HEALTHY, "No failures.");
    }
  }

  /** FailedOver: True while a failover runs, or while the platform runs elsewhere than the spec says. */
  private static void failedOver(Conditions c, FailoverStatus f, String specSite) {
    if (f == null) {
      c.set(ConditionType.FAILED_OVER, false, ConditionType.Reason.NO_SITES, "The spec declares no sites.");
    } else if (f.getCurrent() != null) {
      var r = f.getCurrent();
      c.set(ConditionType.FAILED_OVER, true, ConditionType.Reason.FAILOVER_IN_PROGRESS,
          r.getTrigger() + " failover from " + r.getFrom() + " to " + r.getTo() + " since " + r.getStartedAt()
              + ", step " + r.getStep() + ": " + r.getReason() + ".");
    } else if (f.getRefusedSite() != null) {
      c.set(ConditionType.FAILED_OVER, !f.getActiveSite().equals(specSite), ConditionType.Reason.FAILOVER_REFUSED,
          "Running on site " + f.getActiveSite() + ". " + f.getRefusalMessage());
    } else if (!f.getActiveSite().equals(specSite)) {
      var last = f.getHistory() == null || f.getHistory().isEmpty() ? null : f.getHistory().get(0);
      c.set(ConditionType.FAILED_OVER, true, ConditionType.Reason.ON_STANDBY_SITE,
          "Running on site " + f.getActiveSite() + ", not on spec.failover.activeSite " + specSite
              + (last == null ? "" : ", since " + last.getStartedAt() + " (" + last.getReason() + ")")
              + ". The operator never fails back by itself: run nexusctl failback, or annotate the platform "
              + "platform.nexuscos.online/failback=true, when " + specSite + " is healthy.");
    } else {
      c.set(ConditionType.FAILED_OVER, false, ConditionType.Reason.ON_CHOSEN_SITE,
          "Running on site " + f.getActiveSite() + ", as spec.failover.activeSite says.");
    }
  }

  private static ServiceStatus service(ResolvedService s, ApplyReport report) {
    ChildKey key = new ChildKey(ChildKind.DEPLOYMENT, s.namespace(), s.name());
    Deployment d = (Deployment) report.latest(key).orElse(null);
    ServiceStatus st = new ServiceStatus();
    st.setName(s.name());
    st.setNamespace(s.namespace());
    st.setImage(s.image());
    boolean conflict = report.conflicts().stream().anyMatch(c -> c.key().equals(key));
    DeploymentHealth.Health health = conflict
        ? new DeploymentHealth.Health(ServiceState.Conflict, "a Deployment of this name belongs to someone else")
        : DeploymentHealth.of(d);
    st.setState(health.state());
    st.setMessage(health.message());
    if (d != null && !conflict) {
      st.setDesiredReplicas(d.getSpec().getReplicas());
      st.setReadyReplicas(d.getStatus() == null ? null : d.getStatus().getReadyReplicas());
      st.setAvailableReplicas(d.getStatus() == null ? null : d.getStatus().getAvailableReplicas());
    }
    return st;
  }

  private static List<String> names(List<ServiceStatus> services, ServiceState... states) {
    List<ServiceState> wanted = List.of(states);
    return services.stream().filter(s -> wanted.contains(s.getState())).map(ServiceStatus::getName).toList();
  }

  static String summary(List<String> items, String separator) {
    if (items.size() <= LIST_LIMIT) {
      return String.join(separator, items);
    }
    return items.stream().limit(LIST_LIMIT).collect(Collectors.joining(separator))
        + " and " + (items.size() - LIST_LIMIT) + " more";
  }

  private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization CLONE =
      new io.fabric8.kubernetes.client.utils.KubernetesSerialization();

  private static NexusPlatformStatus previous(NexusPlatform platform) {
    return platform.getStatus() == null ? new NexusPlatformStatus() : platform.getStatus();
  }

  private static NexusPlatformStatus copyObservations(NexusPlatformStatus old) {
    NexusPlatformStatus s = new NexusPlatformStatus();
    s.setServices(old.getServices());
    s.setReadyServices(old.getReadyServices());
    s.setDesiredServices(old.getDesiredServices());
    s.setServicesReady(old.getServicesReady());
    s.setCurrentRevision(old.getCurrentRevision());
    s.setCurrentRevisionHash(old.getCurrentRevisionHash());
    s.setStableRevision(old.getStableRevision());
    s.setStableRevisionHash(old.getStableRevisionHash());
    s.setFailedRevision(old.getFailedRevision());
    s.setFailedRevisionHash(old.getFailedRevisionHash());
    s.setRolloutStartedAt(old.getRolloutStartedAt());
    s.setFailover(old.getFailover());
    s.setLastRequest(old.getLastRequest());
    return s;
  }

  private static long generation(NexusPlatform platform) {
    Long g = platform.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }
}
