package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/** Renders a policy/v1 PodDisruptionBudget for a service whose budget is enabled. */
public final class PdbRenderer {

  private PdbRenderer() {}

  public static Optional<PodDisruptionBudget> render(ResolvedPlatform platform, ResolvedService s) {
    ResolvedService.Disruption d = s.disruption();
    if (!d.enabled()) {
      return Optional.empty();
    }
    return Optional.of(
        new PodDisruptionBudgetBuilder()
            .withNewMetadata()
            .withName(Names.pdb(s.name()))
            .withNamespace(s.namespace())
            .withLabels(DeploymentRenderer.serviceLabels(platform, s))
            .endMetadata()
            .withNewSpec()
            .withNewSelector()
            .withMatchLabels(Labels.selector(platform.name(), s.name()))
            .endSelector()
            .withMinAvailable(d.minAvailable() == null ? null : new IntOrString(d.minAvailable()))
            .withMaxUnavailable(d.maxUnavailable() == null ? null : new IntOrString(d.maxUnavailable()))
            .endSpec()
            .build());
  }
}
