package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;

/**
 * What the informer caches keep of each object: only what the operator reads. managedFields (often
 * a third of an object) never; of a Pod only its identity, labels, deletion mark and Node (what
 * fencing reads); of a Node not its image list. Cached objects are never written back whole with
 * these fields missing: a PUT without managedFields keeps the server's.
 */
final class CacheTrim {

  private CacheTrim() {}

  /** An informer item store that trims each object as it is cached. */
  static <R extends HasMetadata> TransformingItemStore<R> store() {
    return new TransformingItemStore<>(CacheTrim::trim);
  }

  @SuppressWarnings("unchecked")
  static <R extends HasMetadata> R trim(R object) {
    if (object instanceof Pod pod) {
      return (R) pod(pod);
    }
    object.getMetadata().setManagedFields(null);
    if (object instanceof Node node && node.getStatus() != null) {
      node.getStatus().setImages(null);
    }
    return object;
  }

  private static Pod pod(Pod pod) {
    var m = pod.getMetadata();
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(m.getName()).withNamespace(m.getNamespace()).withUid(m.getUid())
            .withResourceVersion(m.getResourceVersion()).withLabels(m.getLabels())
            .withDeletionTimestamp(m.getDeletionTimestamp()).build())
        .withNewSpec().withNodeName(pod.getSpec() == null ? null : pod.getSpec().getNodeName()).endSpec()
        .build();
  }
}
