package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/** Renders the ClusterIP Service in front of a service's pods. */
public final class ServiceRenderer {

  private ServiceRenderer() {}

  public static Service render(ResolvedPlatform platform, ResolvedService s) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(Names.service(s.name()))
        .withNamespace(s.namespace())
        .withLabels(DeploymentRenderer.serviceLabels(platform, s))
        .endMetadata()
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Labels.selector(platform.name(), s.name()))
        .addNewPort()
        .withName(Names.SERVICE_PORT_NAME)
        .withProtocol("TCP")
        .withPort(s.port())
        .withTargetPort(new IntOrString(Names.PORT_NAME))
        .endPort()
        .endSpec()
        .build();
  }
}
