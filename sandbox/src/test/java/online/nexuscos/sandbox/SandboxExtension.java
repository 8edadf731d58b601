package online.nexuscos.sandbox;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a fresh sandbox (API server, simulated controllers, operator) for each test, so a
 * scenario reads as a few lines: apply, act, await.
 *
 * <pre>{@code
 * @RegisterExtension final SandboxExtension sandbox = new SandboxExtension();
 * sandbox.apply(sandbox.example("nexus-cos.yaml"));
 * sandbox.awaitPhase("nexus-cos", Phase.Ready);
 * }</pre>
 */
public final class SandboxExtension implements BeforeEachCallback, AfterEachCallback {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final SandboxOptions options;
  private Sandbox sandbox;

  public SandboxExtension() {
    this(SandboxOptions.defaults().withReadyDelay(Duration.ofMillis(100)).withResyncPeriod(Duration.ofSeconds(2)));
  }

  public SandboxExtension(SandboxOptions options) {
    this.options = options;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    sandbox = Sandbox.start(options);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public KubernetesClient client() {
    return sandbox.client();
  }

  public NexusPlatform apply(NexusPlatform platform) {
    return sandbox.apply(platform);
  }

  public NexusPlatform get(String name) {
    return client().resources(NexusPlatform.class).withName(name).get();
  }

  public NexusPlatform awaitStatus(String name, Predicate<NexusPlatform> condition) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
        .until(() -> get(name), p -> p != null && p.getStatus() != null && condition.test(p));
  }

  /** Waits for the given phase at the platform's current generation. */
  public NexusPlatform awaitPhase(String name, Phase phase) {
    return awaitStatus(name, p -> p.getStatus().getPhase() == phase
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()));
  }

  /**
   * Changes the live platform, as a user editing it with kubectl would; retried when the
   * operator wrote the platform's status in between (409 Conflict), as kubectl edit asks you to.
   */
  public NexusPlatform edit(String name, java.util.function.Consumer<NexusPlatform> change) {
    return await().atMost(TIMEOUT).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(() -> client().resources(NexusPlatform.class).withName(name).edit(p -> {
          change.accept(p);
          return p;
        }), java.util.Objects::nonNull);
  }

  public Deployment deployment(String namespace, String name) {
    return client().apps().deployments().inNamespace(namespace).withName(name).get();
  }

  /** A platform from the repository's examples/ folder. */
  public static NexusPlatform example(String file) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("examples/ not found");
    }
    try {
      return PlatformDocuments.load(dir.resolve("examples").resolve(file)).get(0);
    } catch (PlatformDocuments.InvalidDocumentException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }
}
