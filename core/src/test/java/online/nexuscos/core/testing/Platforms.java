package online.nexuscos.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/** Platforms used by the tests: the repository's examples and a small three-service platform. */
public final class Platforms {

  /**
   * Two namespaces, three services: a gateway-facing service, a cross-namespace dependency, an HPA.
   * Rolled out in parallel, so every Deployment exists after the first reconcile.
   */
  public static final String SMALL = """
      apiVersion: platform.nexuscos.online/v1alpha1
      kind: NexusPlatform
      metadata:
        name: %s
      spec:
        version: "1.0.0"
        imageRegistry: ghcr.io/nexus-cos
        namespaces:
          - name: %s-platform
          - name: %s-auth
        modules:
          - name: identity
        services:
          - name: backend-api
            namespace: %s-platform
            port: 3000
            replicas: 2
            dependsOn: [auth-service]
          - name: auth-service
            namespace: %s-auth
            module: identity
            port: 3021
            gateway: true
            dependsOn: [token-mgr]
            autoscaling: {enabled: true, minReplicas: 2, maxReplicas: 4}
          - name: token-mgr
            namespace: %s-auth
            module: identity
            port: 3031
            replicas: 1
        networkPolicy:
          gatewayNamespace: %s-platform
        rollout:
          order: parallel
      """;

  private Platforms() {}

  /** The small platform named {@code name}, with namespaces {@code <name>-platform} and {@code <name>-auth}. */
  public static NexusPlatform small(String name) {
    return parse(SMALL.formatted(name, name, name, name, name, name, name));
  }

  public static NexusPlatform parse(String yaml) {
    try {
      return PlatformDocuments.parse("test", yaml).get(0);
    } catch (PlatformDocuments.InvalidDocumentException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** A file of the repository's examples/ folder. */
  public static NexusPlatform example(String file) {
    try {
      return PlatformDocuments.parse(file, Files.readString(examples().resolve(file))).get(0);
    } catch (IOException | PlatformDocuments.InvalidDocumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  public static Path examples() {
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("examples"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
    }
    return here.resolve("examples");
  }
}
