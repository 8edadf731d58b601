package online.nexuscos.platform.api.v1alpha1;

/** The state of one service's Deployment, as the operator observed it. */
public enum ServiceState {
  /** The Deployment does not exist yet. */
  Pending,
  /** The Deployment is rolling out or scaling up. */
  Progressing,
  /** Every desired replica is updated and available. */
  Available,
  /** The Deployment reports failure (for example ProgressDeadlineExceeded). */
  Failed,
  /** An object of the same name exists and belongs to someone else; it was left alone. */
  Conflict
}
