package online.nexuscos.platform.api.v1alpha1;

/** Why a site cannot run the platform's critical services now (a failover there is refused). */
public enum SiteProblem {
  /** No Node matching the site's placement is Ready. */
  NoReadyNode,
  /** Its Ready Nodes' allocatable CPU, memory or pods do not fit the critical services' requests. */
  InsufficientCapacity
}
