package online.nexuscos.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How the sandbox is shaped.
 *
 * @param zones zones of the simulated nodes
 * @param nodesPerZone simulated nodes in each zone
 * @param readyDelay how long a healthy rollout takes to become available
 * @param resyncPeriod the operator's resync period
 */
public record SandboxOptions(List<String> zones, int nodesPerZone, Duration readyDelay, Duration resyncPeriod) {

  public static final List<String> DEFAULT_ZONES = List.of("zone-a", "zone-b");

  public SandboxOptions {
    zones = List.copyOf(zones);
    if (zones.isEmpty() || nodesPerZone < 1) {
      throw new IllegalArgumentException("the sandbox needs at least one zone with at least one node");
    }
  }

  /** Two zones of two nodes, rollouts available after 300 ms, 10 s resync. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(DEFAULT_ZONES, 2, Duration.ofMillis(300), Duration.ofSeconds(10));
  }

  public SandboxOptions withReadyDelay(Duration delay) {
    return new SandboxOptions(zones, nodesPerZone, delay, resyncPeriod);
  }

  public SandboxOptions withResyncPeriod(Duration period) {
    return new SandboxOptions(zones, nodesPerZone, readyDelay, period);
  }

  public SandboxOptions withNodes(List<String> zoneNames, int perZone) {
    return new SandboxOptions(zoneNames, perZone, readyDelay, resyncPeriod);
  }
}
