package online.nexuscos.core.rollout;

import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.runtime.RawExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform's revisions, stored as {@code apps/v1} ControllerRevisions (the object Kubernetes
 * itself uses for this): one per distinct workload state, numbered, labelled with the platform and
 * the workload hash, owned by the platform, holding the spec that produced it.
 */
public final class RevisionStore {

  /** One recorded revision. */
  public record Revision(int number, String hash, NexusPlatformSpec spec, String createdAt, ControllerRevision object) {

    /** The numbers this revision had before its state was restored and it became the newest again. */
    public List<Integer> previousNumbers() {
      String value = object == null || object.getMetadata().getAnnotations() == null ? null
          : object.getMetadata().getAnnotations().get(Labels.PREVIOUS_REVISIONS);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      List<Integer> numbers = new java.util.ArrayList<>();
      for (String part : value.split(",")) {
        try {
          numbers.add(Integer.parseInt(part.strip()));
        } catch (NumberFormatException e) {
          // Someone else's edit of the annotation: skipped, the revision keeps its number.
        }
      }
      return List.copyOf(numbers);
    }

    /** Whether {@code n} is this revision's number now or was one before it was restored. */
    public boolean answersTo(int n) {
      return number == n || previousNumbers().contains(n);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(RevisionStore.class);

  private final KubernetesClient client;
  private final Function<String, List<ControllerRevision>> cache;

  /** @param cache the live ControllerRevisions of a platform, by platform name */
  public RevisionStore(KubernetesClient client, Function<String, List<ControllerRevision>> cache) {
    this.client = client;
    this.cache = cache;
  }

  /** The platform's revisions, newest first. */
  public List<Revision> list(String platform) {
    return cache.apply(platform).stream().map(this::toRevision)
        .sorted(Comparator.comparingInt(Revision::number).reversed()).toList();
  }

  public Optional<Revision> byHash(String platform, String hash) {
    return list(platform).stream().filter(r -> r.hash().equals(hash)).findFirst();
  }

  /**
   * The number workload state {@code hash} gets when a rollout of it starts: one above every
   * revision recorded so far, unless the newest record is already this state and newer than
   * the status's current revision: then a reconcile recorded it and stopped (the operator was
   * restarted) before the status said so, and this is the same rollout, not a second one.
   */
  public int numberFor(String platform, String hash, Integer current) {
    List<Revision> all = list(platform);
    int max = all.stream().mapToInt(Revision::number).max().orElse(0);
    int known = current == null ? 0 : current;
    boolean interrupted = all.stream().anyMatch(r -> r.hash().equals(hash) && r.number() == max) && max > known;
    return interrupted ? max : Math.max(max, known) + 1;
  }

  /**
   * Records revision {@code number} for {@code hash}: creates it, or renumbers the existing
   * revision of that hash (returning to an earlier state makes it the newest, as
   * {@code kubectl rollout undo} does). Written in the platform's first namespace.
   *
   * @throws IllegalStateException when it cannot be written (the caller's status write must wait)
   */
  public void record(NexusPlatform platform, String hash, int number) {
    String name = platform.getMetadata().getName();
    Optional<Revision> existing = byHash(name, hash);
    try {
      if (existing.isPresent()) {
        if (existing.get().number() != number) {
          ControllerRevision cr = client.getKubernetesSerialization().clone(existing.get().object());
          cr.setRevision((long) number);
          // Keeps the restored revision recognisable: history shows "restores 1", --to-revision 1 still finds it.
          List<Integer> previous = new java.util.ArrayList<>(existing.get().previousNumbers());
          previous.add(existing.get().number());
          cr.getMetadata().setAnnotations(new java.util.HashMap<>(
              cr.getMetadata().getAnnotations() == null ? Map.of() : cr.getMetadata().getAnnotations()));
          cr.getMetadata().getAnnotations().put(Labels.PREVIOUS_REVISIONS,
              previous.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
          client.resource(cr).update();
        }
        return;
      }
      ControllerRevision cr = new ControllerRevisionBuilder()
          .withNewMetadata()
          .withName(Names.revision(name, hash))
          .withNamespace(platform.getSpec().getNamespaces().get(0).getName())
          .withLabels(Labels.common(name, name, Labels.COMPONENT_REVISION))
          .addToLabels(Labels.REVISION_HASH, hash)
          .addNewOwnerReference()
          .withApiVersion(platform.getApiVersion())
          .withKind(platform.getKind())
          .withName(name)
          .withUid(platform.getMetadata().getUid())
          .endOwnerReference()
          .endMetadata()
          .withRevision((long) number)
          .withData(Map.of("spec", redacted(platform.getSpec())))
          .build();
      LOG.info("Recording revision {} of platform {} ({})", number, name, hash);
      client.resource(cr).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 && existing.isEmpty()) {
        return; // named by its hash: this release is recorded already (an earlier attempt landed)
      }
      // The status must not say the rollout started before its release is recorded: the reconcile
      // fails (nothing of the status is written) and the next one records it.
      throw new IllegalStateException("could not record revision " + number + " of platform " + name
          + " (HTTP " + e.getCode() + "); retried", e);
    }
  }

  /**
   * Keeps the newest {@code limit} revisions and deletes older ones, never the current, stable or
   * failed one (they count towards the limit).
   */
  public void prune(String platform, int limit, RolloutState state) {
    Set<String> keep = new HashSet<>();
    for (String h : new String[] {state.currentHash(), state.stableHash(), state.failedHash()}) {
      if (h != null) {
        keep.add(h);
      }
    }
    List<Revision> all = list(platform);
    int kept = (int) all.stream().filter(r -> keep.contains(r.hash())).count();
    for (Revision r : all) {
      if (keep.contains(r.hash())) {
        continue;
      }
      if (kept < limit) {
        kept++;
        continue;
      }
      try {
        LOG.info("Pruning revision {} of platform {}", r.number(), platform);
        client.resource(r.object()).delete();
      } catch (KubernetesClientException e) {
        LOG.debug("Revision {} already gone: {}", r.number(), e.getMessage());
      }
    }
  }

  /**
   * The spec as a revision keeps it: literal {@code env} values are left out (they may be
   * credentials; a ControllerRevision is readable by anyone who may read the namespace's
   * workloads). Only their names stay, so a restore knows which to take from the current spec.
   */
  public static NexusPlatformSpec redacted(NexusPlatformSpec spec) {
    NexusPlatformSpec copy = CLONE.clone(wrap(spec)).getSpec();
    if (copy.getServices() != null) {
      copy.getServices().stream().filter(java.util.Objects::nonNull).filter(s -> s.getEnv() != null)
          .flatMap(s -> s.getEnv().stream()).filter(java.util.Objects::nonNull).forEach(e -> e.setValue(null));
    }
    return copy;
  }

  /**
   * A revision's spec made whole again: every redacted env value is taken from {@code current}
   * (same service, same variable). Returns the variables that had no current value ("service/NAME");
   * they are set empty.
   */
  public static List<String> restoreEnv(NexusPlatformSpec stored, NexusPlatformSpec current) {
    List<String> missing = new java.util.ArrayList<>();
    if (stored.getServices() == null) {
      return missing;
    }
    for (var service : stored.getServices()) {
      if (service == null || service.getEnv() == null) {
        continue;
      }
      for (var env : service.getEnv()) {
        if (env == null || env.getValue() != null || env.getSecretKeyRef() != null) {
          continue;
        }
        String value = currentValue(current, service.getName(), env.getName());
        if (value == null) {
          missing.add(service.getName() + "/" + env.getName());
        }
        env.setValue(value == null ? "" : value);
      }
    }
    return missing;
  }

  private static String currentValue(NexusPlatformSpec current, String service, String name) {
    if (current == null || current.getServices() == null) {
      return null;
    }
    return current.getServices().stream()
        .filter(s -> s != null && java.util.Objects.equals(s.getName(), service) && s.getEnv() != null)
        .flatMap(s -> s.getEnv().stream())
        .filter(e -> e != null && java.util.Objects.equals(e.getName(), name) && e.getValue() != null)
        .map(e -> e.getValue()).findFirst().orElse(null);
  }

  private static final io.fabric8.kubernetes.client.utils.KubernetesSerialization CLONE =
      new io.fabric8.kubernetes.client.utils.KubernetesSerialization();

  private static NexusPlatform wrap(NexusPlatformSpec spec) {
    NexusPlatform p = new NexusPlatform();
    p.setSpec(spec);
    return p;
  }

  private Revision toRevision(ControllerRevision cr) {
    Object data = cr.getData() instanceof RawExtension raw ? raw.getValue() : cr.getData();
    NexusPlatformSpec spec = null;
    if (data instanceof Map<?, ?> map && map.get("spec") != null) {
      spec = client.getKubernetesSerialization().convertValue(map.get("spec"), NexusPlatformSpec.class);
    }
    return new Revision(cr.getRevision() == null ? 0 : cr.getRevision().intValue(),
        cr.getMetadata().getLabels().get(Labels.REVISION_HASH), spec,
        cr.getMetadata().getCreationTimestamp(), cr);
  }
}
