package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What the informer caches keep of each object: only what the operator reads. managedFields (often
 * a third of an object) never; of a Pod only its identity, labels, deletion mark and Node (what
 * fencing reads); of a Node not its image list; of a Service, HorizontalPodAutoscaler or
 * PodDisruptionBudget not its status (the operator reads only Deployments' and Namespaces'). Cached
 * objects written back whole lose nothing by it: a PUT without managedFields keeps the server's, and
 * a PUT of an object with a status subresource ignores its status.
 */
final class CacheTrim {

  private CacheTrim() {}

  @SuppressWarnings("unchecked")
  static <R extends HasMetadata> R trim(R object) {
    if (object instanceof Pod pod) {
      return (R) pod(pod);
    }
    object.getMetadata().setManagedFields(null);
    if (object instanceof Node node && node.getStatus() != null) {
      node.getStatus().setImages(null);
    } else if (object instanceof Service service) {
      service.setStatus(null);
    } else if (object instanceof HorizontalPodAutoscaler hpa) {
      hpa.setStatus(null);
    } else if (object instanceof PodDisruptionBudget pdb) {
      pdb.setStatus(null);
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
