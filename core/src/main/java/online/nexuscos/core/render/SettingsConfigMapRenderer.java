package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/**
 * Renders the per-namespace ConfigMap of platform settings that every pod loads with envFrom:
 * the platform's name, version and namespace, and the URL of every service that a service of the
 * namespace depends on ({@code AUTH_SERVICE_URL=http://auth-service.nexus-auth.svc:3021}).
 */
public final class SettingsConfigMapRenderer {

  private SettingsConfigMapRenderer() {}

  public static ConfigMap render(ResolvedPlatform platform, String namespace) {
    Map<String, String> data = new TreeMap<>();
    data.put("NEXUS_PLATFORM", platform.name());
    data.put("NEXUS_PLATFORM_VERSION", platform.version());
    data.put("NEXUS_NAMESPACE", namespace);
    for (ResolvedService s : platform.servicesIn(namespace)) {
      for (String dep : s.dependsOn()) {
        platform.service(dep).ifPresent(d -> data.put(urlKey(d.name()), url(d)));
      }
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.SETTINGS_CONFIG_MAP)
        .withNamespace(namespace)
        .withLabels(Labels.common(platform.name(), Names.SETTINGS_CONFIG_MAP, Labels.COMPONENT_SETTINGS))
        .endMetadata()
        .withData(data)
        .build();
  }

  /** {@code auth-service-v2} becomes {@code AUTH_SERVICE_V2_URL}. */
  static String urlKey(String service) {
    return service.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
  }

  static String url(ResolvedService s) {
    return "http://" + Names.serviceHost(s.name(), s.namespace()) + ":" + s.port();
  }
}
