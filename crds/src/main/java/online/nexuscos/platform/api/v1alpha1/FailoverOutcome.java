package online.nexuscos.platform.api.v1alpha1;

/** How a failover ended. */
public enum FailoverOutcome {
  InProgress,
  /** Every service became available on the new site. */
  Succeeded,
  /** Not every service became available on the new site within the progress deadline. */
  Failed
}
