package online.nexuscos.platform.api.v1alpha1;

/** What started a failover. */
public enum FailoverTrigger {
  /** spec.failover.activeSite changed (nexusctl failover). */
  Manual,
  /** The active site stayed unhealthy past the grace period. */
  Automatic,
  /** A failback to spec.failover.activeSite was requested (nexusctl failback). */
  Failback
}
