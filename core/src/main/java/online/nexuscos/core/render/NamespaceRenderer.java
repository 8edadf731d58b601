package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.ResolvedPlatform;

/** Renders a platform namespace, enforcing the Pod Security "restricted" profile. */
public final class NamespaceRenderer {

  private NamespaceRenderer() {}

  public static Namespace render(ResolvedPlatform platform, ResolvedPlatform.Namespace ns) {
    Map<String, String> labels = new LinkedHashMap<>(ns.labels());
    labels.putAll(Labels.common(platform.name(), ns.name(), Labels.COMPONENT_NAMESPACE));
    labels.put("pod-security.kubernetes.io/enforce", "restricted");
    labels.put("pod-security.kubernetes.io/enforce-version", "latest");
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(ns.name())
        .withLabels(labels)
        .withAnnotations(ns.annotations().isEmpty() ? null : new LinkedHashMap<>(ns.annotations()))
        .endMetadata()
        .build();
  }
}
