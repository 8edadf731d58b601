package online.nexuscos.platform.api.v1alpha1;

/** Why a one-shot request was accepted or refused. */
public enum RequestReason {
  /** Rollback: the revision's content is back in the spec and rolls out. */
  RevisionRestored,
  /** Rollback: no recorded revision answers to the number asked for. */
  NoSuchRevision,
  /** Rollback: a service asked for is not in that revision. */
  ServiceNotInRevision,
  /** Rollback: the restored spec would not pass validation today. */
  RestoredSpecInvalid,
  /** Failover or failback: the switch to the site started. */
  SwitchStarted,
  /** Failover or failback: the platform runs on that site already. */
  AlreadyOnSite,
  /** Failover or failback: the site cannot run the critical services (see status.failover.refusal). */
  SiteCannotRun,
  /** Failover or failback: another failover is under way; ask again when it has finished. */
  FailoverInProgress,
  /** Failover: the site is not declared in spec.failover.sites. */
  UnknownSite
}
