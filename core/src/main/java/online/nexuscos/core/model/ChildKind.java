package online.nexuscos.core.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Arrays;

/**
 * The kinds of object a platform is made of, in the order they are applied: namespaces first,
 * isolation before workloads, autoscaling and budgets after the Deployments they point at.
 * Deletion goes in reverse.
 */
public enum ChildKind {
  NAMESPACE(Namespace.class),
  NETWORK_POLICY(NetworkPolicy.class),
  CONFIG_MAP(ConfigMap.class),
  SERVICE(Service.class),
  DEPLOYMENT(Deployment.class),
  HPA(HorizontalPodAutoscaler.class),
  PDB(PodDisruptionBudget.class);

  private final Class<? extends HasMetadata> type;

  ChildKind(Class<? extends HasMetadata> type) {
    this.type = type;
  }

  public Class<? extends HasMetadata> type() {
    return type;
  }

  public boolean namespaced() {
    return this != NAMESPACE;
  }

  /** The kind of each concrete class seen, looked up once per class (a plan sorts by kind often). */
  private static final ClassValue<ChildKind> BY_CLASS = new ClassValue<>() {
    @Override
    protected ChildKind computeValue(Class<?> type) {
      return Arrays.stream(values()).filter(k -> k.type.isAssignableFrom(type)).findFirst().orElse(null);
    }
  };

  public static ChildKind of(HasMetadata object) {
    ChildKind kind = BY_CLASS.get(object.getClass());
    if (kind == null) {
      throw new IllegalArgumentException("not a platform child kind: " + object.getKind());
    }
    return kind;
  }
}
