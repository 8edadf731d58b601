package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Arrays;
import online.nexuscos.core.model.Labels;

/**
 * Who may use an existing namespace: a platform runs only in namespaces it created or that the
 * namespace's owner opened to it with the annotation {@link Labels#OPEN_TO} (a comma-separated
 * list of platform names). Otherwise whoever may create a NexusPlatform could run an image of
 * their choice, with that namespace's Secrets, in another tenant's namespace (a confused deputy).
 * See docs/security.md.
 */
final class Tenancy {

  private Tenancy() {}

  /** Whether the namespace's owner opened {@code namespace} to {@code platform}. */
  static boolean openTo(HasMetadata namespace, String platform) {
    String value = namespace.getMetadata().getAnnotations() == null ? null
        : namespace.getMetadata().getAnnotations().get(Labels.OPEN_TO);
    return value != null && Arrays.stream(value.split(",")).map(String::trim).anyMatch(platform::equals);
  }

  /** Why an existing namespace is not used, and what its owner can do. */
  static String notOpen(String namespace, String platform) {
    return "exists and was not created by platform " + platform + "; nothing is written to it. If it is meant for the "
        + "platform, its owner opens it with: kubectl annotate namespace " + namespace + " " + Labels.OPEN_TO + "=" + platform;
  }
}
