package online.nexuscos.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import online.nexuscos.operator.Durations;
import online.nexuscos.operator.KubeConfigs;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.Option;

/**
 * The connection options every online command shares, as kubectl has them. The client is built
 * on first use only, so offline commands never pay for it.
 */
final class KubeOptions implements AutoCloseable {

  @Option(names = "--kubeconfig", paramLabel = "PATH",
      description = "kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "kubeconfig context (default: the current one).")
  String context;

  @Option(names = "--request-timeout", paramLabel = "DUR", defaultValue = "30s",
      description = "How long one API request may take, e.g. 10s (default: ${DEFAULT-VALUE}).")
  String requestTimeout;

  private KubernetesClient client;

  KubernetesClient client() {
    if (client == null) {
      Config config;
      try {
        config = KubeConfigs.load(kubeconfig, context);
      } catch (IOException e) {
        throw new CliException("cannot read kubeconfig " + kubeconfig + ": " + e.getMessage()
            + "; check the --kubeconfig path");
      }
      int millis = (int) Durations.parse(requestTimeout).toMillis();
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
