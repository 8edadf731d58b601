package online.nexuscos.core.rollout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import online.nexuscos.core.KubeJson;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NamespaceSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import online.nexuscos.platform.api.v1alpha1.RequestReason;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/**
 * A manual rollback, requested with the annotation {@code platform.nexuscos.online/rollback-to: N}
 * (or {@code previous}), optionally limited to {@code platform.nexuscos.online/rollback-services:
 * a,b}: the revision's workload fields are written back into the spec, as
 * {@code kubectl rollout undo} writes a Deployment's old template back, so the change is visible to
 * Git-ops tools. Pure: returns the new platform, or why the request cannot be honoured.
 */
public final class ManualRollback {

  /** The rolled-back platform (request annotations removed) and what was done, or why not. */
  public record Result(NexusPlatform platform, String message, RequestReason reason) {
    /** Whether the revision was written back. */
    public boolean ok() {
      return reason == RequestReason.RevisionRestored;
    }
  }


  private ManualRollback() {}

  /** Whether the platform carries a rollback request. */
  public static boolean requested(NexusPlatform platform) {
    var annotations = platform.getMetadata().getAnnotations();
    return annotations != null && annotations.containsKey(Labels.ROLLBACK_TO);
  }

  public static Result apply(NexusPlatform platform, List<RevisionStore.Revision> revisions, Integer currentRevision) {
    NexusPlatform next = KubeJson.shared().clone(platform);
    Map<String, String> annotations = new LinkedHashMap<>(next.getMetadata().getAnnotations());
    String to = java.util.Objects.toString(annotations.remove(Labels.ROLLBACK_TO), "").trim();
    String servicesValue = annotations.remove(Labels.ROLLBACK_SERVICES);
    annotations.remove(Labels.REQUEST_ID);
    next.getMetadata().setAnnotations(annotations);
    List<String> services = servicesValue == null || servicesValue.isBlank() ? List.of()
        : Arrays.stream(servicesValue.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();

    Optional<RevisionStore.Revision> revision = find(to, revisions, currentRevision);
    String available = revisions.stream().map(r -> Integer.toString(r.number())).collect(Collectors.joining(", "));
    if (revision.isEmpty() || revision.get().spec() == null || revision.get().spec().getServices() == null) {
      return new Result(next, "rollback to revision " + to + " is not possible: no such revision (recorded: "
          + (available.isEmpty() ? "none" : available) + "). Set " + Labels.ROLLBACK_TO + " to one of them.",
          RequestReason.NoSuchRevision);
    }
    NexusPlatformSpec old = KubeJson.shared().clone(wrap(revision.get().spec())).getSpec();
    List<String> notKept = RevisionStore.restoreEnv(old, platform.getSpec());
    NexusPlatformSpec spec = next.getSpec();
    if (services.isEmpty()) {
      spec.setVersion(old.getVersion());
      spec.setImageRegistry(old.getImageRegistry());
      spec.setImagePullSecrets(old.getImagePullSecrets());
      spec.setDefaults(old.getDefaults());
      spec.setModules(old.getModules());
      spec.setServices(old.getServices());
      spec.setRestartedAt(old.getRestartedAt());
    } else {
      for (String name : services) {
        Optional<ServiceSpec> was = old.getServices().stream().filter(s -> name.equals(s.getName())).findFirst();
        if (was.isEmpty()) {
          return new Result(next, "rollback of service " + name + " to revision " + revision.get().number()
              + " is not possible: the service is not in that revision. Name services it has.",
              RequestReason.ServiceNotInRevision);
        }
        restoreService(spec, old, KubeJson.shared().clone(was.get()));
      }
    }
    addMissingNamespaces(spec, old);
    String what = services.isEmpty() ? "the whole platform" : "services " + String.join(", ", services);
    return new Result(next, "Restored revision " + revision.get().number() + " for " + what
        + " into the spec; rolling it out." + (notKept.isEmpty() ? "" : " Literal env values are not kept in"
        + " revisions and these have no current value, so they are now empty: " + String.join(", ", notKept) + "."),
        RequestReason.RevisionRestored);
  }

  private static NexusPlatform wrap(NexusPlatformSpec spec) {
    NexusPlatform p = new NexusPlatform();
    p.setSpec(spec);
    return p;
  }

  private static Optional<RevisionStore.Revision> find(String to, List<RevisionStore.Revision> revisions, Integer current) {
    if ("previous".equalsIgnoreCase(to)) {
      int cur = current == null ? Integer.MAX_VALUE : current;
      return revisions.stream().filter(r -> r.number() < cur).findFirst(); // newest first
    }
    try {
      int n = Integer.parseInt(to);
      // Its number now, else the one it had before its state was restored (numbers are never reused).
      return revisions.stream().filter(r -> r.number() == n).findFirst()
          .or(() -> revisions.stream().filter(r -> r.answersTo(n)).findFirst());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Puts the service's old spec back, pinning the image it ran (the platform version may have moved on). */
  private static void restoreService(NexusPlatformSpec spec, NexusPlatformSpec old, ServiceSpec service) {
    if (service.getTag() == null) {
      service.setTag(old.getVersion());
    }
    if (service.getImage() == null && old.getImageRegistry() != null && !old.getImageRegistry().equals(spec.getImageRegistry())) {
      service.setImage(old.getImageRegistry().replaceAll("/+$", "") + "/" + service.getName());
    }
    List<ServiceSpec> list = new ArrayList<>(spec.getServices());
    int index = -1;
    for (int i = 0; i < list.size(); i++) {
      if (service.getName().equals(list.get(i).getName())) {
        index = i;
      }
    }
    if (index >= 0) {
      list.set(index, service);
    } else {
      list.add(service);
    }
    spec.setServices(list);
  }

  private static void addMissingNamespaces(NexusPlatformSpec spec, NexusPlatformSpec old) {
    List<NamespaceSpec> namespaces = new ArrayList<>(spec.getNamespaces());
    for (ServiceSpec s : spec.getServices()) {
      boolean declared = namespaces.stream().anyMatch(n -> java.util.Objects.equals(n.getName(), s.getNamespace()));
      if (!declared && old.getNamespaces() != null) {
        old.getNamespaces().stream().filter(n -> java.util.Objects.equals(n.getName(), s.getNamespace())).findFirst()
            .ifPresent(namespaces::add);
      }
    }
    spec.setNamespaces(namespaces);
  }
}
