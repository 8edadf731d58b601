package online.nexuscos.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.SpecGenerator;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.core.validation.SpecValidator;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Issue 11's "every valid spec renders to objects the upstream schemas accept", judged by
 * kube-apiserver itself: for generated platforms the validator accepts, the NexusPlatform passes
 * the installed CRD's schema, and every object the renderer makes passes the API server's own
 * validation (server-side dry-run; the namespaces are created for real, as the operator does
 * first, and removed after each try).
 */
class RenderedObjectsE2E {

  private static final AtomicInteger TRIES = new AtomicInteger();
  private final RealCluster cluster = RealCluster.get();

  /** Namespaces prefixed per try: a namespace of an earlier try may still be terminating. */
  @Provide
  Arbitrary<ObjectNode> platforms() {
    return Arbitraries.randomValue(r -> new SpecGenerator(r, 6, "rt" + TRIES.incrementAndGet() + "-").platform());
  }

  @Property(tries = 25)
  void everyValidPlatformAndEveryObjectItRendersIsAcceptedByTheApiServer(@ForAll("platforms") ObjectNode doc) throws Exception {
    NexusPlatform platform = PlatformDocuments.toPlatform("generated", doc);
    assertThat(SpecValidator.validate(platform)).isEmpty();
    assertThat(refusal(() -> cluster.admin().resource(platform).dryRun().create()))
        .as("the CRD's schema refuses a platform the validator accepts").isNull();

    List<HasMetadata> objects = PlatformRenderer.render(PlatformResolver.resolve(platform));
    List<String> created = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    try {
      for (HasMetadata o : objects) {
        if (o instanceof Namespace ns) {
          cluster.admin().resource(new NamespaceBuilder(ns).build()).create();
          created.add(ns.getMetadata().getName());
        }
      }
      for (HasMetadata o : objects) {
        if (!(o instanceof Namespace)) {
          String why = refusal(() -> cluster.admin().resource(o).dryRun().create());
          if (why != null) {
            refused.add(o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName() + ": " + why
                + "\n" + Serialization.asYaml(o));
          }
        }
      }
    } finally {
      created.forEach(name -> cluster.admin().namespaces().withName(name).delete());
    }
    assertThat(refused).as("rendered objects kube-apiserver refuses").isEmpty();
  }

  private static String refusal(Runnable request) {
    try {
      request.run();
      return null;
    } catch (KubernetesClientException e) {
      return e.getCode() + " " + (e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
    }
  }
}
