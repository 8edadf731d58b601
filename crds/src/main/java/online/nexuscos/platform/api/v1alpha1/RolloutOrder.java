package online.nexuscos.platform.api.v1alpha1;

/**
 * In which order a new revision reaches the services. The constants are lowercase because they
 * are the values users write ({@code order: dependencies}).
 */
public enum RolloutOrder {
  /** A service is updated only after every service it dependsOn is available at the new revision. */
  dependencies,
  /** Every service is updated at once. */
  parallel
}
