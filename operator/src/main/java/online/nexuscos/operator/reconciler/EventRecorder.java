package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.concurrent.atomic.AtomicLong;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about a platform, aggregated as the API server's own recorders do: the
 * first occurrence of a (platform, type, reason, message) in this process creates an Event, later
 * identical ones patch it ({@code count}, {@code lastTimestamp}) instead of adding objects.
 * An Event the API server has expired (1 h by default) is created again. A NexusPlatform is
 * cluster-scoped, so its Events live in the {@code default} namespace, as a Node's do;
 * {@code kubectl describe nxp NAME} shows them.
 */
public final class EventRecorder {

  public static final String NAMESPACE = "default";
  public static final String COMPONENT = "nexus-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  /** How many aggregated Events are remembered (the least recently used are forgotten). */
  static final int REMEMBERED = 1024;

  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();
  /** (platform uid, type, reason, message) -> the Event's name and count, as last written. */
  private final Map<String, Written> written = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
      return size() > REMEMBERED;
    }
  };

  private record Written(String name, int count) {}

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void warning(NexusPlatform platform, String reason, String message) {
    emit(platform, "Warning", reason, message);
  }

  public void normal(NexusPlatform platform, String reason, String message) {
    emit(platform, "Normal", reason, message);
  }

  private synchronized void emit(NexusPlatform platform, String type, String reason, String message) {
    Instant now = Instant.now(clock);
    String text = message.length() > 1024 ? message.substring(0, 1021) + "..." : message;
    // Identical occurrences are counted on one Event, as the API server's recorders count them; a
    // different message is a different fact (another namespace released, another revision refused).
    String key = platform.getMetadata().getUid() + "/" + platform.getMetadata().getName() + "/" + type + "/" + reason
        + "/" + text;
    try {
      Written before = written.get(key);
      if (before != null && repeat(before, now, text)) {
        written.put(key, new Written(before.name(), before.count() + 1));
        return;
      }
      String name = platform.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli())
          + Long.toHexString(sequence.incrementAndGet());
      client.v1().events().inNamespace(NAMESPACE).resource(event(platform, name, type, reason, text, now)).create();
      written.put(key, new Written(name, 1));
    } catch (KubernetesClientException e) {
      // An Event is a courtesy: never fail a reconcile over it.
      LOG.warn("Could not record {} event {} for {}: {}", type, reason, platform.getMetadata().getName(), e.getMessage());
    }
  }

  /** Counts one more occurrence on the Event already written; false when it no longer exists. */
  private boolean repeat(Written before, Instant now, String message) {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("count", before.count() + 1);
    patch.put("lastTimestamp", now.toString());
    try {
      // On a resource() handle, not withName(): fabric8 then sends the patch without reading the Event first.
      Event named = new io.fabric8.kubernetes.api.model.EventBuilder()
          .withNewMetadata().withName(before.name()).withNamespace(NAMESPACE).endMetadata().build();
      client.v1().events().inNamespace(NAMESPACE).resource(named)
          .patch(PatchContext.of(PatchType.JSON_MERGE), client.getKubernetesSerialization().asJson(patch));
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false; // expired: a new Event starts the count again
      }
      throw e;
    }
  }

  private static Event event(NexusPlatform platform, String name, String type, String reason, String message, Instant now) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(platform.getApiVersion())
        .withKind(platform.getKind())
        .withName(platform.getMetadata().getName())
        .withUid(platform.getMetadata().getUid())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withFirstTimestamp(now.toString())
        .withLastTimestamp(now.toString())
        .withCount(1)
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
