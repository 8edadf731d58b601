package online.nexuscos.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import online.nexuscos.core.Durations;
import online.nexuscos.core.KubeConfigs;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The connection every online command shares, built from the global options on {@link Nexusctl}
 * (given before or after the subcommand). The client is built on first use only, so offline
 * commands never pay for it.
 */
@Command
final class KubeOptions implements AutoCloseable {

  @Spec(Spec.Target.MIXEE) CommandSpec command;

  private KubernetesClient client;

  private Nexusctl globals() {
    return (Nexusctl) command.root().userObject();
  }

  /** The global {@code -n}, or null. */
  String namespace() {
    return globals().namespace;
  }

  KubernetesClient client() {
    if (client == null) {
      Nexusctl g = globals();
      Path kubeconfig = g.kubeconfig;
      String context = g.context;
      // kubectl refuses an unknown context; fabric8 would quietly use the current one.
      KubeconfigCheck.check(kubeconfig, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")), context);
      Config config;
      try {
        config = KubeConfigs.load(kubeconfig, context);
      } catch (IOException | RuntimeException e) {
        throw new CliException("cannot read kubeconfig " + (kubeconfig == null ? "" : kubeconfig + " ") + "("
            + KubeconfigCheck.firstLine(e) + "); check the file or --kubeconfig", Nexusctl.EXIT_INVALID, e);
      }
      int millis;
      try {
        millis = (int) Durations.parse(g.requestTimeout).toMillis();
      } catch (IllegalArgumentException e) {
        throw new CliException("--request-timeout: " + e.getMessage(), Nexusctl.EXIT_USAGE);
      }
      config.setRequestTimeout(millis);
      config.setConnectionTimeout(millis);
      config.setRequestRetryBackoffLimit(0);
      client = KubeConfigs.client(config);
    }
    return client;
  }

  /** The platform named {@code name}, or the only one when no name is given. */
  NexusPlatform platform(String name) {
    var platforms = client().resources(NexusPlatform.class);
    try {
      if (name == null && namespace() != null) {
        return inNamespace(platforms.list().getItems(), namespace()).get(0);
      }
      if (name != null) {
        NexusPlatform p = platforms.withName(name).get();
        if (p == null) {
          throw new CliException("platform " + name + " not found; list them with: nexusctl get");
        }
        return p;
      }
      List<NexusPlatform> all = platforms.list().getItems();
      if (all.size() == 1) {
        return all.get(0);
      }
      throw new CliException(all.isEmpty()
          ? "no NexusPlatform in this cluster; apply one with kubectl apply -f examples/nexus-cos.yaml"
          : "there are " + all.size() + " platforms; name one: nexusctl ... NAME (see nexusctl get)");
    } catch (KubernetesClientException e) {
      throw unreachable(e);
    }
  }

  /** The platforms that run namespace {@code ns}; an error naming it when none does. */
  static List<NexusPlatform> inNamespace(List<NexusPlatform> platforms, String ns) {
    List<NexusPlatform> matching = platforms.stream()
        .filter(p -> p.getSpec() != null && p.getSpec().getNamespaces() != null
            && p.getSpec().getNamespaces().stream().anyMatch(n -> ns.equals(n.getName())))
        .toList();
    if (matching.isEmpty()) {
      throw new CliException("namespace " + ns + " is not run by any platform; list the platforms' namespaces with:"
          + " kubectl get nxp -o jsonpath='{.items[*].spec.namespaces[*].name}'");
    }
    return matching;
  }

  /** A one-line explanation of an API failure, with what to check. */
  CliException unreachable(KubernetesClientException e) {
    String server = client == null ? "the API server" : client.getMasterUrl().toString();
    if (e.getCode() == 404) {
      return new CliException("the NexusPlatform API is not installed at " + server
          + "; install the CRD: kubectl apply -f crds/nexusplatforms.platform.nexuscos.online-v1.yml");
    }
    if (e.getCode() == 401 || e.getCode() == 403) {
      return new CliException("the API server at " + server + " refused the request (HTTP " + e.getCode()
          + "); check your credentials and RBAC for nexusplatforms.platform.nexuscos.online");
    }
    String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    return new CliException("cannot reach the API server at " + server + ": "
        + cause.lines().findFirst().orElse("") + "; check --kubeconfig/--context and that the cluster is up");
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
  }
}
