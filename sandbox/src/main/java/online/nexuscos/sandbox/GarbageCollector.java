package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation of two controllers the mock API server lacks: the garbage collector (deleting an
 * object deletes the objects whose ownerReferences name it, also namespaced children of a
 * cluster-scoped owner) and the namespace controller (deleting a namespace deletes what is in it).
 */
public final class GarbageCollector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

  /** The kinds the sandbox collects; the owner kinds among them included. */
  static final List<Class<? extends HasMetadata>> KINDS = List.of(NexusPlatform.class, Namespace.class,
      Deployment.class, Service.class, ConfigMap.class, Secret.class, HorizontalPodAutoscaler.class,
      PodDisruptionBudget.class, NetworkPolicy.class, ControllerRevision.class);

  private final KubernetesClient client;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "sandbox-gc"));
  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();

  public GarbageCollector(KubernetesClient client) {
    this.client = client;
  }

  public void start() {
    for (Class<? extends HasMetadata> kind : KINDS) {
      informers.add(inform(kind));
    }
  }

  private <T extends HasMetadata> SharedIndexInformer<T> inform(Class<T> kind) {
    var resources = client.resources(kind);
    ResourceEventHandler<T> handler = new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) { }

      @Override
      public void onUpdate(T oldObj, T newObj) { }

      @Override
      public void onDelete(T obj, boolean unknown) {
        worker.execute(() -> collect(obj));
      }
    };
    return kind == NexusPlatform.class || kind == Namespace.class
        ? resources.inform(handler)
        : client.resources(kind).inAnyNamespace().inform(handler);
  }

  private void collect(HasMetadata deleted) {
    String uid = deleted.getMetadata().getUid();
    boolean namespace = deleted instanceof Namespace;
    for (var informer : informers) {
      for (HasMetadata o : informer.getStore().list()) {
        boolean owned = o.getMetadata().getOwnerReferences() != null
            && o.getMetadata().getOwnerReferences().stream().anyMatch(r -> r.getUid().equals(uid));
        boolean inNamespace = namespace && deleted.getMetadata().getName().equals(o.getMetadata().getNamespace());
        if (owned || inNamespace) {
          try {
            LOG.debug("Simulated garbage collection of {} {}/{}", o.getKind(), o.getMetadata().getNamespace(),
                o.getMetadata().getName());
            client.resource(o).delete();
          } catch (KubernetesClientException e) {
            LOG.debug("Already gone: {}", e.getMessage());
          }
        }
      }
    }
  }

  @Override
  public void close() {
    informers.forEach(SharedIndexInformer::close);
    worker.shutdownNow();
  }
}
