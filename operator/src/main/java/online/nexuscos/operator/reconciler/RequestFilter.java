package online.nexuscos.operator.reconciler;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Which updates of a NexusPlatform start a reconcile: a spec change (generation), a request made
 * with an annotation ({@code rollback-to}, {@code failback}, {@code failover-to}, ...: acted on
 * within seconds instead of at the next resync), deletion and finalizer changes. The operator's
 * own status writes do not, so they cost no extra reconcile.
 */
public final class RequestFilter implements OnUpdateFilter<NexusPlatform> {

  @Override
  public boolean accept(NexusPlatform updated, NexusPlatform old) {
    var now = updated.getMetadata();
    var before = old.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !requests(now.getAnnotations()).equals(requests(before.getAnnotations()))
        || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers());
  }

  /** The operator's own annotations (the request keys all live under its prefix). */
  static Map<String, String> requests(Map<String, String> annotations) {
    Map<String, String> mine = new TreeMap<>();
    if (annotations != null) {
      annotations.forEach((k, v) -> {
        if (k.startsWith(Labels.PREFIX)) {
          mine.put(k, v);
        }
      });
    }
    return mine;
  }
}
