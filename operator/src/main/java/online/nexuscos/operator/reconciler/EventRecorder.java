package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits core/v1 Events about a platform. A NexusPlatform is cluster-scoped, so its Events live in
 * the {@code default} namespace, as a Node's do; {@code kubectl describe nxp NAME} shows them.
 */
public final class EventRecorder {

  public static final String NAMESPACE = "default";
  public static final String COMPONENT = "nexus-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

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

  private void emit(NexusPlatform platform, String type, String reason, String message) {
    Instant now = Instant.now(clock);
    String name = platform.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli())
        + Long.toHexString(sequence.incrementAndGet());
    Event event =
        new EventBuilder()
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
            .withMessage(message.length() > 1024 ? message.substring(0, 1021) + "..." : message)
            .withFirstTimestamp(now.toString())
            .withLastTimestamp(now.toString())
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(NAMESPACE).resource(event).create();
    } catch (KubernetesClientException e) {
      // An Event is a courtesy: never fail a reconcile over it.
      LOG.warn("Could not record {} event {} for {}: {}", type, reason, platform.getMetadata().getName(), e.getMessage());
    }
  }
}
