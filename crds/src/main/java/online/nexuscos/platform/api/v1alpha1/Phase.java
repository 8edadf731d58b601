package online.nexuscos.platform.api.v1alpha1;

/** The one-word summary of a platform's state shown by {@code kubectl get nxp}. */
public enum Phase {
  /** Seen, not yet reconciled. */
  Pending,
  /** Children are being created or rolled out. */
  Progressing,
  /** Every enabled service is available at the current revision. */
  Ready,
  /** Something is wrong with running services or with ownership of children. */
  Degraded,
  /** {@code spec.paused} is true: the operator writes nothing to the children. */
  Paused,
  /** The spec failed validation; nothing running was changed. */
  Invalid
}
