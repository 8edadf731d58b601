package online.nexuscos.platform.api.v1alpha1;

/** What deleting a NexusPlatform does to what it created. */
public enum DeletionPolicy {
  /** Namespaces and workloads keep running, unmanaged; re-applying the platform adopts them. */
  Retain,
  /** Everything the platform created is deleted, namespaces included; nothing it adopted. */
  Delete
}
