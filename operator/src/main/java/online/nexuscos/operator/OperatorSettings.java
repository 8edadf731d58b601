package online.nexuscos.operator;

import java.time.Duration;
import java.util.Set;

/**
 * Everything that tunes the operator, in one explicit value (no environment reads elsewhere):
 * built from flags and environment variables by {@link Main}, or directly by tests and the sandbox.
 *
 * @param watchNamespaces namespaces the operator may manage; empty means all
 * @param leaderElection whether to take a Lease before reconciling (for two or more replicas)
 * @param leaseName name of the Lease
 * @param leaseNamespace namespace of the Lease (required with leader election)
 * @param identity this replica's identity in the Lease (e.g. the pod name)
 * @param resyncPeriod upper bound between two reconciles of a platform with no events
 * @param exitOnLostLease exit the process when the Lease is lost (production: true, so a
 *     replica that stopped leading can never reconcile next to the new leader; tests: false)
 */
public record OperatorSettings(
    Set<String> watchNamespaces,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration resyncPeriod,
    boolean exitOnLostLease) {

  public static final String DEFAULT_LEASE_NAME = "nexus-operator-leader";
  public static final Duration DEFAULT_RESYNC = Duration.ofMinutes(10);

  public OperatorSettings {
    watchNamespaces = Set.copyOf(watchNamespaces);
    if (leaderElection && (leaseNamespace == null || leaseNamespace.isBlank())) {
      throw new IllegalArgumentException(
          "leader election needs a lease namespace: pass --lease-namespace or set POD_NAMESPACE");
    }
  }

  /** Namespaces no platform may use besides the cluster's own: the operator's (its Lease's). */
  public Set<String> reservedNamespaces() {
    return leaseNamespace == null ? Set.of() : Set.of(leaseNamespace);
  }

  /** Defaults: all namespaces, no leader election, 10 minute resync. */
  public static OperatorSettings defaults() {
    return new OperatorSettings(Set.of(), false, DEFAULT_LEASE_NAME, null, null, DEFAULT_RESYNC, false);
  }

  public OperatorSettings withResyncPeriod(Duration period) {
    return new OperatorSettings(watchNamespaces, leaderElection, leaseName, leaseNamespace, identity, period, exitOnLostLease);
  }

  public OperatorSettings withLeaderElection(String namespace, String identity) {
    return new OperatorSettings(watchNamespaces, true, leaseName, namespace, identity, resyncPeriod, exitOnLostLease);
  }
}
