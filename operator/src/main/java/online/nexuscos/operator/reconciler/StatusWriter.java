package online.nexuscos.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.core.status.StatusChange;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;

/**
 * Writes a platform's status in one place: only when it changed, as an update of the status
 * subresource with the resourceVersion the reconcile started from (optimistic locking: if anyone
 * else — another replica after a leader change, a person — wrote the platform since, the write is
 * refused with 409 and the reconcile runs again from the fresh object). The written object is put
 * into JOSDK's primary cache, so the next reconcile never decides from an older status than ours.
 * The status the state machines read is always the cluster's, never a copy kept in memory.
 */
final class StatusWriter {

  private StatusWriter() {}

  /**
   * Writes {@code next} over {@code platform} (the object as last read or written in this reconcile)
   * unless it equals the status it has; true when it wrote.
   */
  static boolean write(NexusPlatform platform, NexusPlatformStatus next, Context<NexusPlatform> context) {
    return writeAndGet(platform, next, context) != platform;
  }

  /** Whether the status held values this version could not read: then it is rewritten whatever else holds. */
  static boolean needsRepair(NexusPlatform platform) {
    return platform.getUnreadableFields().keySet().stream().anyMatch(f -> f.startsWith("status"));
  }

  /** As {@link #write}, returning the platform as written (or {@code platform} itself when unchanged). */
  static NexusPlatform writeAndGet(NexusPlatform platform, NexusPlatformStatus next, Context<NexusPlatform> context) {
    if (!needsRepair(platform) && StatusChange.between(platform.getStatus(), next) == StatusChange.NONE) {
      return platform;
    }
    return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(platform, context, p -> {
      p.setStatus(next);
      return p;
    });
  }
}
