package online.nexuscos.platform.api.v1alpha1;

/** The step a running failover is at. */
public enum FailoverStage {
  /** Every service is scaled to zero on the old site; nothing moves until it is. */
  Fencing,
  /**
   * Fencing has outlasted its bounded wait and pods of the platform still run on Ready Nodes of
   * the old site: nothing moves until they are gone (see the FencingStuck Event for which).
   */
  FencingStuck,
  /** Placement and endpoints point at the new site; services start in dependency order. */
  Starting
}
