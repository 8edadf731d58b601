package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.monitoring.MonitoringRenderer;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.core.status.StatusBuilder.Monitoring;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a platform's PodMonitors and PrometheusRule (spec.monitoring) in place when the
 * monitoring.coreos.com CRDs exist. These kinds may be absent from a cluster, so they have no
 * informer: what was written is remembered with its hash and checked against the server again
 * every {@link #REVERIFY} (a deleted PodMonitor comes back within that time), so a quiet resync
 * sends nothing. Never fails a reconcile: problems become the Monitoring condition.
 */
final class MonitoringStep {

  static final List<String> CRDS = List.of("podmonitors.monitoring.coreos.com", "prometheusrules.monitoring.coreos.com");
  static final Duration CRD_RECHECK = Duration.ofSeconds(60);
  static final Duration REVERIFY = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(MonitoringStep.class);

  private record Written(String hash, Instant at) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Written> written = new ConcurrentHashMap<>();
  private volatile Instant crdsCheckedAt;
  private volatile boolean crdsPresent;

  MonitoringStep(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** The Monitoring condition after this reconcile; null to keep the previous one (paused). */
  Monitoring apply(NexusPlatform platform, ResolvedPlatform target, boolean paused) {
    var spec = platform.getSpec().getMonitoring();
    boolean enabled = spec != null && Boolean.TRUE.equals(spec.getEnabled());
    String name = platform.getMetadata().getName();
    if (paused) {
      return null;
    }
    try {
      if (!enabled) {
        boolean wasApplied = platform.getStatus() != null && Conditions.isTrue(platform.getStatus().getConditions(),
            ConditionType.MONITORING);
        if (!wasApplied && spec == null) {
          return null; // never asked for: no condition at all
        }
        if (wasApplied && crdsPresent()) {
          int removed = prune(name, Set.of());
          return new Monitoring(false, ConditionType.Reason.MONITORING_DISABLED,
              "spec.monitoring.enabled is false; removed " + removed + " PodMonitor/PrometheusRule object(s).");
        }
        return new Monitoring(false, ConditionType.Reason.MONITORING_DISABLED, "spec.monitoring.enabled is false.");
      }
      if (!crdsPresent()) {
        return new Monitoring(false, ConditionType.Reason.MONITORING_CRDS_MISSING, "The monitoring.coreos.com CRDs ("
            + String.join(", ", CRDS) + ") are not installed, so no PodMonitor or PrometheusRule was created; install the"
            + " Prometheus Operator, or set spec.monitoring.enabled to false. Nothing else is affected.");
      }
      List<GenericKubernetesResource> desired = MonitoringRenderer.render(target, spec);
      boolean firstHere = written.keySet().stream().noneMatch(k -> k.startsWith(name + "/"));
      boolean changed = false;
      for (GenericKubernetesResource want : desired) {
        changed |= ensure(want);
      }
      if (changed || firstHere) {
        prune(name, desired.stream().map(MonitoringStep::key).collect(Collectors.toSet()));
      }
      long monitors = desired.stream().filter(o -> MonitoringRenderer.POD_MONITOR.equals(o.getKind())).count();
      GenericKubernetesResource rule = desired.stream()
          .filter(o -> MonitoringRenderer.PROMETHEUS_RULE.equals(o.getKind())).findFirst().orElseThrow();
      return new Monitoring(true, ConditionType.Reason.MONITORING_APPLIED, monitors + " PodMonitor(s) and PrometheusRule "
          + rule.getMetadata().getNamespace() + "/" + rule.getMetadata().getName() + " are in place.");
    } catch (KubernetesClientException e) {
      written.keySet().removeIf(k -> k.startsWith(name + "/"));
      LOG.warn("Platform {}: monitoring objects could not be written: {}", name, e.getMessage());
      return new Monitoring(false, ConditionType.Reason.APPLY_FAILED, "PodMonitor/PrometheusRule could not be written: HTTP "
          + e.getCode() + " " + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage()) + ". Retried at the next reconcile.");
    }
  }

  private boolean crdsPresent() {
    Instant now = Instant.now(clock);
    if (crdsCheckedAt == null || !now.isBefore(crdsCheckedAt.plus(CRD_RECHECK))) {
      crdsPresent = CRDS.stream().allMatch(crd -> client.apiextensions().v1().customResourceDefinitions().withName(crd).get() != null);
      crdsCheckedAt = now;
    }
    return crdsPresent;
  }

  /** Creates or updates {@code want} unless this process wrote that content recently; true when it wrote. */
  private boolean ensure(GenericKubernetesResource want) {
    String key = key(want);
    String hash = want.getMetadata().getAnnotations().get(Labels.DESIRED_HASH);
    Instant now = Instant.now(clock);
    Written last = written.get(key);
    if (last != null && last.hash().equals(hash) && now.isBefore(last.at().plus(REVERIFY))) {
      return false;
    }
    var resource = kind(want.getKind()).inNamespace(want.getMetadata().getNamespace()).withName(want.getMetadata().getName());
    GenericKubernetesResource have = resource.get();
    boolean wrote = false;
    if (have == null) {
      kind(want.getKind()).inNamespace(want.getMetadata().getNamespace()).resource(want).create();
      wrote = true;
    } else if (!Objects.equals(hash, have.getMetadata().getAnnotations() == null ? null
        : have.getMetadata().getAnnotations().get(Labels.DESIRED_HASH))) {
      if (Labels.instanceOf(have.getMetadata().getLabels()) == null) {
        throw new KubernetesClientException(want.getKind() + " " + key + " exists and is not the operator's; rename or"
            + " remove it", 409, null);
      }
      want.getMetadata().setResourceVersion(have.getMetadata().getResourceVersion());
      kind(want.getKind()).inNamespace(want.getMetadata().getNamespace()).resource(want).update();
      wrote = true;
    }
    written.put(key, new Written(hash, now));
    return wrote;
  }

  /** Deletes the platform's monitoring objects that are not {@code keep}; returns how many. */
  private int prune(String platform, Set<String> keep) {
    int removed = 0;
    for (String kind : List.of(MonitoringRenderer.POD_MONITOR, MonitoringRenderer.PROMETHEUS_RULE)) {
      for (GenericKubernetesResource have : kind(kind).inAnyNamespace().withLabel(Labels.INSTANCE, platform)
          .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).list().getItems()) {
        if (!keep.contains(key(have))) {
          kind(kind).inNamespace(have.getMetadata().getNamespace()).withName(have.getMetadata().getName()).delete();
          written.remove(key(have));
          removed++;
        }
      }
    }
    return removed;
  }

  private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> kind(
      String kind) {
    return client.genericKubernetesResources(MonitoringRenderer.API_VERSION, kind);
  }

  private static String key(GenericKubernetesResource o) {
    return o.getMetadata().getLabels().get(Labels.INSTANCE) + "/" + o.getKind() + "/" + o.getMetadata().getNamespace()
        + "/" + o.getMetadata().getName();
  }
}
