package online.nexuscos.operator.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Gauge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceState;

/**
 * One set of gauges per platform, set from the status the operator just wrote and removed when
 * the platform goes: its phase, services by state, revisions, active site, paused, failover under
 * way. Label values are the platform's name and its declared sites only.
 */
public final class PlatformGauges {

  private final Gauge phase;
  private final Gauge desired;
  private final Gauge available;
  private final Gauge services;
  private final Gauge currentRevision;
  private final Gauge stableRevision;
  private final Gauge activeSite;
  private final Gauge paused;
  private final Gauge failingOver;
  private final Map<String, List<String>> sites = new HashMap<>();

  PlatformGauges(CollectorRegistry registry) {
    phase = Gauge.build("nexus_platform_phase", "1 for the platform's phase, 0 for the others.")
        .labelNames("platform", "phase").register(registry);
    desired = Gauge.build("nexus_platform_services_desired", "Enabled services of the platform.")
        .labelNames("platform").register(registry);
    available = Gauge.build("nexus_platform_services_available",
        "Services whose Deployment is available at the current revision (the status' readyServices).")
        .labelNames("platform").register(registry);
    services = Gauge.build("nexus_platform_services", "Services of the platform by state.")
        .labelNames("platform", "state").register(registry);
    currentRevision = Gauge.build("nexus_platform_current_revision", "The revision being run or rolled out.")
        .labelNames("platform").register(registry);
    stableRevision = Gauge.build("nexus_platform_stable_revision", "The last revision that became fully available.")
        .labelNames("platform").register(registry);
    activeSite = Gauge.build("nexus_platform_active_site", "1 for the site the platform runs on, 0 for its other sites.")
        .labelNames("platform", "site").register(registry);
    paused = Gauge.build("nexus_platform_paused", "1 while spec.paused is true.").labelNames("platform").register(registry);
    failingOver = Gauge.build("nexus_platform_failover_in_progress", "1 while a failover fences or switches sites.")
        .labelNames("platform").register(registry);
  }

  /** Sets the platform's gauges from {@code status}; {@code declaredSites} are the sites of its spec. */
  public synchronized void observe(String platform, NexusPlatformStatus status, List<String> declaredSites) {
    if (status == null) {
      return;
    }
    for (Phase p : Phase.values()) {
      phase.labels(platform, p.name()).set(p == status.getPhase() ? 1 : 0);
    }
    desired.labels(platform).set(orZero(status.getDesiredServices()));
    available.labels(platform).set(orZero(status.getReadyServices()));
    Map<ServiceState, Integer> byState = new HashMap<>();
    if (status.getServices() != null) {
      status.getServices().forEach(s -> byState.merge(s.getState() == null ? ServiceState.Pending : s.getState(), 1, Integer::sum));
    }
    for (ServiceState s : ServiceState.values()) {
      services.labels(platform, s.name()).set(byState.getOrDefault(s, 0));
    }
    currentRevision.labels(platform).set(orZero(status.getCurrentRevision()));
    stableRevision.labels(platform).set(orZero(status.getStableRevision()));
    paused.labels(platform).set(status.getPhase() == Phase.Paused ? 1 : 0);
    var failover = status.getFailover();
    failingOver.labels(platform).set(failover != null && failover.getCurrent() != null ? 1 : 0);
    List<String> before = sites.getOrDefault(platform, List.of());
    before.stream().filter(s -> !declaredSites.contains(s)).forEach(s -> activeSite.remove(platform, s));
    String active = failover == null ? null : failover.getActiveSite();
    declaredSites.forEach(s -> activeSite.labels(platform, s).set(s.equals(active) ? 1 : 0));
    sites.put(platform, List.copyOf(declaredSites));
  }

  /** Removes every gauge of a platform that is gone. */
  public synchronized void forget(String platform) {
    for (Phase p : Phase.values()) {
      phase.remove(platform, p.name());
    }
    for (ServiceState s : ServiceState.values()) {
      services.remove(platform, s.name());
    }
    for (Gauge g : List.of(desired, available, currentRevision, stableRevision, paused, failingOver)) {
      g.remove(platform);
    }
    sites.getOrDefault(platform, List.of()).forEach(s -> activeSite.remove(platform, s));
    sites.remove(platform);
  }

  /** The platforms that have gauges (for tests and cleanup). */
  public synchronized Set<String> platforms() {
    return Set.copyOf(sites.keySet());
  }

  private static double orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
