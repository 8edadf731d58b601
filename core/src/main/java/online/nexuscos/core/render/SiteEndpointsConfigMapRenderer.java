package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.List;
import java.util.Optional;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;

/**
 * Renders the per-namespace ConfigMap of the active site's data store endpoints
 * ({@code NEXUS_ACTIVE_SITE}, {@code POSTGRES_HOST}, ...), which every pod loads with envFrom.
 */
public final class SiteEndpointsConfigMapRenderer {

  private SiteEndpointsConfigMapRenderer() {}

  public static Optional<ConfigMap> render(ResolvedPlatform platform, String namespace) {
    ResolvedPlatform.Site site = platform.site();
    if (site == null) {
      return Optional.empty();
    }
    return Optional.of(new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.SITE_ENDPOINTS_CONFIG_MAP)
        .withNamespace(namespace)
        .withLabels(Labels.common(platform.name(), Names.SITE_ENDPOINTS_CONFIG_MAP, Labels.COMPONENT_SETTINGS))
        .endMetadata()
        .withData(site.endpoints())
        .build());
  }

  /** A checksum of what the pods get from the site, for their template: a switch restarts them. */
  static String checksum(ResolvedPlatform.Site site) {
    return Fingerprint.combine(List.of(site.endpoints().toString(), site.credentials().toString()));
  }
}
