package online.nexuscos.core.status;

/** The condition types and reasons a NexusPlatform reports; nothing else is written. */
public final class ConditionType {

  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String PAUSED = "Paused";
  public static final String ROLLED_BACK = "RolledBack";
  public static final String FAILED_OVER = "FailedOver";
  public static final String MONITORING = "Monitoring";

  /** Reasons (CamelCase, as Kubernetes conventions ask). */
  public static final class Reason {
    public static final String ALL_AVAILABLE = "AllServicesAvailable";
    public static final String SERVICES_NOT_AVAILABLE = "ServicesNotAvailable";
    public static final String ROLLING_OUT = "RollingOut";
    public static final String COMPLETE = "RolloutComplete";
    public static final String SERVICE_FAILED = "ServiceFailed";
    public static final String OWNERSHIP_CONFLICT = "OwnershipConflict";
    public static final String APPLY_FAILED = "ApplyFailed";
    public static final String HEALTHY = "Healthy";
    public static final String VALIDATION_FAILED = "ValidationFailed";
    public static final String VALID = "SpecValid";
    public static final String PAUSED_BY_SPEC = "PausedBySpec";
    public static final String NOT_PAUSED = "Reconciling";
    public static final String SPEC_INVALID = "SpecInvalid";
    public static final String AUTOMATIC_ROLLBACK = "AutomaticRollback";
    public static final String NOT_ROLLED_BACK = "NotRolledBack";
    public static final String ROLLOUT_FAILED = "RolloutFailed";
    public static final String NO_SITES = "NoSites";
    public static final String FAILOVER_IN_PROGRESS = "FailoverInProgress";
    public static final String FAILOVER_REFUSED = "FailoverRefused";
    public static final String ON_STANDBY_SITE = "RunningOnStandbySite";
    public static final String ON_CHOSEN_SITE = "RunningOnChosenSite";
    public static final String RECONCILE_FAILED = "ReconcileFailed";
    public static final String UNREADABLE = "Unreadable";
    public static final String MONITORING_APPLIED = "MonitoringApplied";
    public static final String MONITORING_DISABLED = "MonitoringDisabled";
    public static final String MONITORING_CRDS_MISSING = "MonitoringCrdsMissing";

    private Reason() {}
  }

  private ConditionType() {}
}
