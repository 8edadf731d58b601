package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import online.nexuscos.core.model.Labels;

/**
 * Finds what a namespace holds that a platform did not create, before the platform deletes the
 * namespace: Pods, Services, ConfigMaps, Deployments, StatefulSets and PersistentVolumeClaims
 * without the platform's labels. Secrets are not looked at: the operator is not allowed to list
 * Secrets (least privilege), which docs/design.md says.
 */
final class ForeignObjects {

  /** Made by Kubernetes in every namespace. */
  private static final String ROOT_CA = "kube-root-ca.crt";

  private ForeignObjects() {}

  /** The first foreign object found in {@code namespace}, as "Kind name", if any. */
  static Optional<String> in(KubernetesClient client, String platform, String namespace) {
    List<Supplier<List<? extends HasMetadata>>> kinds = List.of(
        () -> client.pods().inNamespace(namespace).list().getItems(),
        () -> client.services().inNamespace(namespace).list().getItems(),
        () -> client.configMaps().inNamespace(namespace).list().getItems(),
        () -> client.apps().deployments().inNamespace(namespace).list().getItems(),
        () -> client.apps().statefulSets().inNamespace(namespace).list().getItems(),
        () -> client.persistentVolumeClaims().inNamespace(namespace).list().getItems());
    for (var kind : kinds) {
      for (HasMetadata o : kind.get()) {
        boolean ours = platform.equals(Labels.instanceOf(o.getMetadata().getLabels()));
        if (!ours && !ROOT_CA.equals(o.getMetadata().getName())) {
          return Optional.of(o.getClass().getSimpleName() + " " + o.getMetadata().getName());
        }
      }
    }
    return Optional.empty();
  }
}
