package online.nexuscos.operator.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;

/**
 * Writes a platform's status, only when it changed, and remembers what it wrote. The informer's
 * copy of the platform can lag behind our own last write (a child's event may start the next
 * reconcile first); the rollout state machine must not decide from such a stale status, and an
 * unchanged status must not be written twice. So the last status this process wrote is the
 * "previous" status; after a restart, the one read from the cluster is.
 */
final class StatusWriter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Map<String, NexusPlatformStatus> written = new ConcurrentHashMap<>();

  StatusWriter(KubernetesClient client) {
    this.client = client;
  }

  /** The platform's latest status: what we last wrote, else what the cluster says. */
  NexusPlatformStatus previous(NexusPlatform platform) {
    return written.getOrDefault(platform.getMetadata().getUid(), platform.getStatus());
  }

  /** Writes {@code next} unless it equals the previous status; true when it wrote. */
  boolean write(NexusPlatform platform, NexusPlatformStatus next) {
    NexusPlatformStatus previous = previous(platform);
    if (previous != null && JSON.valueToTree(previous).equals(JSON.valueToTree(next))) {
      return false;
    }
    client.resources(NexusPlatform.class).withName(platform.getMetadata().getName()).editStatus(live -> {
      live.setStatus(next);
      return live;
    });
    written.put(platform.getMetadata().getUid(), next);
    return true;
  }

  void forget(NexusPlatform platform) {
    written.remove(platform.getMetadata().getUid());
  }
}
