package online.nexuscos.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The platforms the benchmark converges: the repository's example (its namespaces renamed so
 * runs never wait on each other's namespace deletion), which keeps its dependency order, and
 * synthetic ones of N independent services over K namespaces, one replica each, so that their
 * figures are the operator's own cost, not waits for dependencies to become available.
 */
final class BenchPlatforms {

  private BenchPlatforms() {}

  /** examples/nexus-cos.yaml as {@code name}, every namespace prefixed by {@code prefix}, deletionPolicy Delete. */
  static NexusPlatform example(Path repo, String name, String prefix) {
    try {
      String yaml = Files.readString(repo.resolve("examples/nexus-cos.yaml"));
      NexusPlatform p = Platforms.parse(yaml.replace("name: nexus-cos", "name: " + name)
          .replace("deletionPolicy: Retain", "deletionPolicy: Delete"));
      p.getSpec().getNamespaces().forEach(n -> n.setName(prefix + n.getName()));
      p.getSpec().getServices().forEach(s -> s.setNamespace(prefix + s.getNamespace()));
      var policy = p.getSpec().getNetworkPolicy();
      if (policy != null && policy.getGatewayNamespace() != null) {
        policy.setGatewayNamespace(prefix + policy.getGatewayNamespace());
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code platform} rolled out with rollout.order parallel (no service waits for its dependencies). */
  static NexusPlatform parallel(NexusPlatform platform) {
    if (platform.getSpec().getRollout() == null) {
      platform.getSpec().setRollout(new online.nexuscos.platform.api.v1alpha1.RolloutSpec());
    }
    platform.getSpec().getRollout().setOrder(online.nexuscos.platform.api.v1alpha1.RolloutOrder.parallel);
    return platform;
  }

  /** {@code services} services over {@code namespaces} namespaces named {@code prefix-nI}. */
  static NexusPlatform synthetic(String name, String prefix, int services, int namespaces) {
    return Platforms.parse(syntheticYaml(name, prefix, services, namespaces, ""));
  }

  /** As {@link #synthetic}, with {@code extraSpec} (spec fields, two-space indented) appended. */
  static String syntheticYaml(String name, String prefix, int services, int namespaces, String extraSpec) {
    String ns = IntStream.range(0, namespaces).mapToObj(i -> "    - name: " + prefix + "n" + i)
        .collect(Collectors.joining("\n"));
    String svc = IntStream.range(0, services).mapToObj(i -> {
      return "    - name: s" + i + "\n"
          + "      namespace: " + prefix + "n" + (i % namespaces) + "\n"
          + "      port: " + (3000 + i % 1000) + "\n";
    }).collect(Collectors.joining());
    return """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: %s}
        spec:
          version: "1.0.0"
          imageRegistry: ghcr.io/nexus-cos
          deletionPolicy: Delete
          defaults:
            replicas: 1
            autoscaling: {enabled: false}
            podDisruptionBudget: {enabled: true, maxUnavailable: 1}
          namespaces:
        %s
          services:
        %s""".formatted(name, ns, svc) + extraSpec;
  }

  /** The names of a burst's platforms. */
  static List<String> burstNames(String prefix, int count) {
    return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
  }
}
