package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.concurrent.Callable;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nexusctl version}: the CLI's version and, unless --client, the cluster's CRD and operator. */
@Command(name = "version", mixinStandardHelpOptions = true,
    description = "Print the nexusctl version and, from the cluster, the installed CRD versions and the operator's image.")
final class VersionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Option(names = "--client", description = "Only the client version; no API server is contacted.")
  boolean clientOnly;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (String line : new VersionProvider().getVersion()) {
      out.println(line);
    }
    if (clientOnly) {
      return 0;
    }
    try (KubeOptions k = kube) {
      var crd = kube.client().apiextensions().v1().customResourceDefinitions()
          .withName("nexusplatforms." + NexusPlatform.GROUP).get();
      out.println("CRD: " + (crd == null ? "not installed (kubectl apply -f crds/nexusplatforms.platform.nexuscos.online-v1.yml)"
          : crd.getSpec().getVersions().stream().map(v -> v.getName() + (v.getServed() ? "" : " (not served)")).toList()));
      var operators = kube.client().apps().deployments().inAnyNamespace()
          .withLabel("app.kubernetes.io/name", "nexus-operator").list().getItems();
      out.println("operator: " + (operators.isEmpty() ? "no Deployment labelled app.kubernetes.io/name=nexus-operator found"
          : operators.stream().map(VersionCommand::image).toList()));
      return 0;
    } catch (KubernetesClientException e) {
      throw kube.unreachable(e);
    }
  }

  private static String image(Deployment d) {
    return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName() + " "
        + d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }
}
