package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Turns a resolved platform into every object it is made of, in apply order, each stamped with
 * its {@link Fingerprint}. Pure: the operator and {@code nexusctl render} both call it.
 */
public final class PlatformRenderer {

  private PlatformRenderer() {}

  public static List<HasMetadata> render(ResolvedPlatform platform) {
    List<HasMetadata> objects = new ArrayList<>();
    for (ResolvedPlatform.Namespace ns : platform.namespaces()) {
      objects.add(NamespaceRenderer.render(platform, ns));
      objects.addAll(NetworkPolicyRenderer.render(platform, ns.name()));
      objects.add(SettingsConfigMapRenderer.render(platform, ns.name()));
      SiteEndpointsConfigMapRenderer.render(platform, ns.name()).ifPresent(objects::add);
    }
    for (ResolvedService s : platform.services()) {
      objects.add(ServiceRenderer.render(platform, s));
      objects.add(DeploymentRenderer.render(platform, s));
      HpaRenderer.render(platform, s).ifPresent(objects::add);
      PdbRenderer.render(platform, s).ifPresent(objects::add);
    }
    objects.sort(Comparator.comparing(ChildKey::of));
    objects.forEach(PlatformRenderer::stamp);
    return objects;
  }

  /**
   * The revision hash of a release: {@link Fingerprint#workload} of the platform rendered on no
   * site, computed from its Deployments alone (the only objects it covers), so a reconcile
   * renders the platform once, not twice.
   */
  public static String revisionHash(NexusPlatform platform) {
    ResolvedPlatform neutral = PlatformResolver.resolve(platform, null, false);
    List<HasMetadata> deployments = new ArrayList<>();
    for (ResolvedService s : neutral.services()) {
      deployments.add(DeploymentRenderer.render(neutral, s));
    }
    deployments.sort(Comparator.comparing(ChildKey::of));
    deployments.forEach(PlatformRenderer::stamp);
    return Fingerprint.workload(deployments);
  }

  private static void stamp(HasMetadata object) {
    var annotations =
        object.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<String, String>()
            : new LinkedHashMap<>(object.getMetadata().getAnnotations());
    annotations.put(Labels.DESIRED_HASH, Fingerprint.of(object));
    object.getMetadata().setAnnotations(annotations);
  }
}
