package online.nexuscos.platform.api.v1alpha1;

/** Which one-shot request, made with an annotation, the operator answered. */
public enum RequestKind {
  /** platform.nexuscos.online/rollback-to (nexusctl rollback). */
  Rollback,
  /** platform.nexuscos.online/failover-to (nexusctl failover). */
  Failover,
  /** platform.nexuscos.online/failback (nexusctl failback). */
  Failback
}
