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
   * What writing {@code next} over {@code platform} would change: computed once per reconcile, for
   * the progress throttle and for the write. A status holding values this version could not read
   * is rewritten whatever else holds.
   */
  static StatusChange change(NexusPlatform platform, NexusPlatformStatus next) {
    return needsRepair(platform) ? StatusChange.SUBSTANTIVE : StatusChange.between(platform.getStatus(), next);
  }

  /** Writes {@code next} over {@code platform} unless {@code change} is NONE; true when it wrote. */
  static boolean write(NexusPlatform platform, NexusPlatformStatus next, StatusChange change,
      Context<NexusPlatform> context) {
    return writeAndGet(platform, next, change, context) != platform;
  }

  /** As {@link #write}, returning the platform as written (or {@code platform} itself when unchanged). */
  static NexusPlatform writeAndGet(NexusPlatform platform, NexusPlatformStatus next, Context<NexusPlatform> context) {
    return writeAndGet(platform, next, change(platform, next), context);
  }

  private static NexusPlatform writeAndGet(NexusPlatform platform, NexusPlatformStatus next, StatusChange change,
      Context<NexusPlatform> context) {
    if (change == StatusChange.NONE) {
      return platform;
    }
    return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(platform, context, p -> {
      p.setStatus(next);
      return p;
    });
  }

  private static boolean needsRepair(NexusPlatform platform) {
    return platform.getUnreadableFields().keySet().stream().anyMatch(f -> f.startsWith("status"));
  }
}
