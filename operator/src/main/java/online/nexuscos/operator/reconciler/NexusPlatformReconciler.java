package online.nexuscos.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import online.nexuscos.operator.apply.Applier;
import online.nexuscos.operator.apply.ApplyReport;
import online.nexuscos.operator.apply.LiveView;
import online.nexuscos.operator.model.PlatformResolver;
import online.nexuscos.operator.model.ResolvedPlatform;
import online.nexuscos.operator.render.PlatformRenderer;
import online.nexuscos.operator.status.ConditionType;
import online.nexuscos.operator.status.Conditions;
import online.nexuscos.operator.status.StatusBuilder;
import online.nexuscos.operator.validation.SpecValidator;
import online.nexuscos.operator.validation.ValidationError;
import online.nexuscos.platform.api.v1alpha1.DeletionPolicy;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;

/**
 * Converges a NexusPlatform: observe (informer caches) → validate → render → apply what differs
 * → prune what is no longer wanted → write status only when it changed. Deletion follows
 * {@code spec.deletionPolicy}.
 */
@ControllerConfiguration(name = NexusPlatformReconciler.NAME)
public class NexusPlatformReconciler implements Reconciler<NexusPlatform>, Cleaner<NexusPlatform> {

  public static final String NAME = "nexusplatform";
  static final Duration RETRY_AFTER = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Applier applier;
  private final StatusBuilder statusBuilder;
  private final EventRecorder events;
  private final Set<String> watchedNamespaces;
  private final ReconcileCounters counters = new ReconcileCounters();
  private final ChildCaches caches = new ChildCaches();

  /**
   * @param watchedNamespaces namespaces the operator may manage; empty means all
   */
  public NexusPlatformReconciler(KubernetesClient client, Clock clock, Set<String> watchedNamespaces) {
    this.applier = new Applier(client);
    this.statusBuilder = new StatusBuilder(clock);
    this.events = new EventRecorder(client, clock);
    this.watchedNamespaces = Set.copyOf(watchedNamespaces);
  }

  public ReconcileCounters counters() {
    return counters;
  }

  @Override
  public List<EventSource<?, NexusPlatform>> prepareEventSources(EventSourceContext<NexusPlatform> context) {
    return caches.create(context, watchedNamespaces);
  }

  @Override
  public UpdateControl<NexusPlatform> reconcile(NexusPlatform platform, Context<NexusPlatform> context) {
    String name = platform.getMetadata().getName();
    LiveView live = caches.view(context.getPrimaryCache());
    List<ValidationError> errors = new ArrayList<>(SpecValidator.validate(platform));
    errors.addAll(outsideWatchedNamespaces(platform));

    NexusPlatformStatus next;
    ApplyReport report = null;
    if (!errors.isEmpty()) {
      next = statusBuilder.invalid(platform, errors);
    } else {
      ResolvedPlatform resolved = PlatformResolver.resolve(platform);
      List<HasMetadata> desired = PlatformRenderer.render(resolved);
      boolean paused = Boolean.TRUE.equals(platform.getSpec().getPaused());
      if (paused) {
        report = applier.observe(name, desired, live);
      } else {
        report = applier.apply(name, desired, live);
        applier.prune(name, desired, live, report);
      }
      next = statusBuilder.observed(platform, resolved, desired, report, paused);
    }
    counters.reconciled(report == null ? 0 : report.writes());
    announce(platform, next);

    UpdateControl<NexusPlatform> control;
    if (sameStatus(platform.getStatus(), next)) {
      control = UpdateControl.noUpdate();
    } else {
      platform.setStatus(next);
      control = UpdateControl.patchStatus(platform);
    }
    return report != null && !report.failures().isEmpty() ? control.rescheduleAfter(RETRY_AFTER) : control;
  }

  @Override
  public DeleteControl cleanup(NexusPlatform platform, Context<NexusPlatform> context) {
    String name = platform.getMetadata().getName();
    DeletionPolicy policy =
        platform.getSpec() == null || platform.getSpec().getDeletionPolicy() == null
            ? DeletionPolicy.Retain
            : platform.getSpec().getDeletionPolicy();
    if (policy == DeletionPolicy.Retain) {
      events.normal(platform, "Retained",
          "Platform deleted with deletionPolicy Retain: its namespaces and workloads keep running, unmanaged. "
              + "Apply a platform named " + name + " again to manage them.");
      return DeleteControl.defaultDelete();
    }
    ApplyReport report = applier.deleteAll(name, caches.view(context.getPrimaryCache()));
    counters.reconciled(report.writes());
    if (!report.failures().isEmpty()) {
      events.warning(platform, "DeleteFailed", report.failures().get(0).describe() + " (will retry)");
      return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_AFTER);
    }
    events.normal(platform, "Deleted", "deletionPolicy Delete: removed " + report.deleted().size()
        + " objects the platform created.");
    return DeleteControl.defaultDelete();
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

  /** Events on transitions only, so a steady state writes nothing. */
  private void announce(NexusPlatform platform, NexusPlatformStatus next) {
    var before = platform.getStatus() == null ? null : platform.getStatus().getConditions();
    var after = next.getConditions();
    if (Conditions.newlyTrue(before, after, ConditionType.INVALID_SPEC)) {
      events.warning(platform, ConditionType.Reason.VALIDATION_FAILED,
          Conditions.find(after, ConditionType.INVALID_SPEC).orElseThrow().getMessage());
    }
    if (Conditions.newlyTrue(before, after, ConditionType.DEGRADED)) {
      var degraded = Conditions.find(after, ConditionType.DEGRADED).orElseThrow();
      events.warning(platform, degraded.getReason(), degraded.getMessage());
    }
    if (Conditions.newlyTrue(before, after, ConditionType.READY)) {
      events.normal(platform, "Ready", Conditions.find(after, ConditionType.READY).orElseThrow().getMessage());
    }
  }

  private static boolean sameStatus(NexusPlatformStatus current, NexusPlatformStatus next) {
    return current != null && JSON.valueToTree(current).equals(JSON.valueToTree(next));
  }
}
