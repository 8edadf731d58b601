package online.nexuscos.core.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the difference between desired and live objects with plain create, update (PUT with the
 * live resourceVersion) and delete: the same requests on a real cluster and on the mock API
 * server, which has no server-side apply. Never takes over an object another platform, or nobody,
 * manages; an existing namespace only when its owner opened it to the platform ({@link Tenancy}).
 */
public final class Applier {

  private static final Logger LOG = LoggerFactory.getLogger(Applier.class);

  private final KubernetesClient client;
  private final Deleter deleter;
  private final VerifiedObjects verified = new VerifiedObjects();
  private final ParallelWrites writers = new ParallelWrites(WRITERS);

  /** Writes in flight at once for one platform's objects of one kind (the floor sends one at a time). */
  public static final int WRITERS = 4;

  public Applier(KubernetesClient client) {
    this.client = client;
    this.deleter = new Deleter(client);
  }

  /**
   * Compares without writing: what {@code apply} would find, for a paused platform's status.
   */
  public ApplyReport observe(String platform, List<HasMetadata> desired, LiveView live) {
    ApplyReport report = new ApplyReport();
    for (HasMetadata want : desired) {
      ChildKey key = ChildKey.of(want);
      live.get(key).ifPresent(have -> {
        String owner = Labels.instanceOf(have.getMetadata().getLabels());
        if (ownedByUs(platform, owner)) {
          report.observed(key, have);
        } else {
          report.conflict(key, ownerText(owner));
        }
      });
    }
    return report;
  }

  /**
   * Creates or updates every desired object that differs; skips conflicts. Namespaces go first,
   * one by one (what each is decides for its contents), then each kind in {@link ChildKind} order;
   * within a kind whose order means nothing, up to {@link #WRITERS} writes are in flight at once,
   * while Deployments keep the plan's order (dependents first when fencing or rolling back).
   */
  public ApplyReport apply(String platform, List<HasMetadata> desired, LiveView live) {
    ApplyReport report = new ApplyReport();
    Map<String, String> blocked = new HashMap<>();
    Set<String> terminating = new HashSet<>();
    Map<ChildKind, List<HasMetadata>> byKind = new EnumMap<>(ChildKind.class);
    desired.forEach(want -> byKind.computeIfAbsent(ChildKey.of(want).kind(), k -> new ArrayList<>()).add(want));
    byKind.forEach((kind, objects) -> {
      if (kind == ChildKind.NAMESPACE || kind == ChildKind.DEPLOYMENT || objects.size() == 1) {
        objects.forEach(want -> applyOne(platform, want, live, report, blocked, terminating));
      } else {
        writers.each(objects, (want, local) -> applyOne(platform, want, live, local, blocked, terminating), report);
      }
    });
    return report;
  }

  /** One desired object: created, updated, left alone or reported (namespaces also fill the two sets). */
  private void applyOne(String platform, HasMetadata want, LiveView live, ApplyReport report,
      Map<String, String> blocked, Set<String> terminating) {
    ChildKey key = ChildKey.of(want);
    if (key.namespace() != null && blocked.containsKey(key.namespace())) {
      report.conflict(key, "is in namespace " + key.namespace() + ", which " + blocked.get(key.namespace()));
      return;
    }
    if (key.namespace() != null && terminating.contains(key.namespace())) {
      return; // the namespace's own wait says it all; its contents go with it
    }
    HasMetadata have = live.get(key).orElse(null);
    if (have != null && have.getMetadata().getDeletionTimestamp() != null) {
      // A real API server refuses new objects in a Terminating namespace and finishes deleting
      // first; the informer's delete event brings us back to create it afresh.
      report.waiting(key, "is being deleted (Terminating); it is re-created once it is gone");
      if (key.kind() == ChildKind.NAMESPACE) {
        terminating.add(key.name());
      }
      return;
    }
    try {
      if (have == null) {
        have = create(key, want, report, live);
        if (have == null) {
          return;
        }
      }
      String owner = Labels.instanceOf(have.getMetadata().getLabels());
      boolean adopt = owner == null && key.kind() == ChildKind.NAMESPACE && Tenancy.openTo(have, platform);
      if (!adopt && !ownedByUs(platform, owner)) {
        String why = key.kind() == ChildKind.NAMESPACE && owner == null ? Tenancy.notOpen(key.name(), platform)
            : ownerText(owner);
        report.conflict(key, why);
        if (key.kind() == ChildKind.NAMESPACE) {
          blocked.put(key.name(), why);
        }
        return;
      }
      if (verified.known(key, have, want)) {
        report.observed(key, have);
        return;
      }
      List<String> drift = PodSecurity.drift(have, want);
      if (drift.isEmpty() && ObjectDiff.upToDate(have, want)) {
        verified.remember(key, have, want);
        report.observed(key, have);
        return;
      }
      verified.forget(key);
      Optional<String> immutable = ImmutableFields.changed(have, want);
      if (immutable.isPresent()) {
        report.conflict(key, immutable.get());
      } else {
        update(key, have, adopt ? markAdopted(want) : want, report, live);
        if (!drift.isEmpty()) {
          report.reverted(key, drift);
        }
      }
    } catch (KubernetesClientException e) {
      report.failed(key, have == null ? "create" : "update", reason(e));
    }
  }

  /**
   * Deletes every object of the platform that is not desired any more. A namespace that leaves the
   * spec is never deleted: it is released (our labels removed), whatever it holds.
   */
  public void prune(String platform, List<HasMetadata> desired, LiveView live, ApplyReport report) {
    Set<ChildKey> wanted = new HashSet<>();
    desired.forEach(d -> wanted.add(ChildKey.of(d)));
    List<HasMetadata> stale =
        live.ownedBy(platform).stream().filter(o -> !wanted.contains(ChildKey.of(o))).toList();
    remove(platform, stale, report, live, false);
  }

  /**
   * Deletes everything the platform created, in reverse apply order (deletionPolicy Delete). A
   * namespace is deleted only if the platform created it and nothing in it was made by anyone
   * else ({@link ForeignObjects}); otherwise it is released.
   */
  public ApplyReport deleteAll(String platform, LiveView live) {
    ApplyReport report = new ApplyReport();
    remove(platform, live.ownedBy(platform), report, live, true);
    return report;
  }

  private void remove(String platform, List<HasMetadata> objects, ApplyReport report, LiveView live,
      boolean deleteNamespaces) {
    List<HasMetadata> ordered =
        objects.stream().sorted(Comparator.comparing(ChildKey::of).reversed()).toList();
    for (HasMetadata object : ordered) {
      ChildKey key = ChildKey.of(object);
      verified.forget(key); // deleted or released: nothing to remember of it (a long-lived operator would pile these up)
      try {
        String keep = key.kind() == ChildKind.NAMESPACE ? whyKeep(platform, key, object, deleteNamespaces) : null;
        if (keep != null) {
          release(key, object, report, live);
          report.released(key, keep);
        } else {
          LOG.info("Deleting {}", key);
          if (deleter.delete(object)) {
            report.deleted(key);
          } else {
            report.failed(key, "delete", "it was replaced since the operator saw it (UID precondition); not deleted");
          }
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          report.failed(key, "delete", reason(e));
        }
      }
    }
  }

  /** Why a namespace of the platform is released rather than deleted; null when it may be deleted. */
  private String whyKeep(String platform, ChildKey key, HasMetadata namespace, boolean deleteNamespaces) {
    if ("true".equals(ObjectDiff.annotation(namespace, Labels.ADOPTED))) {
      return "it existed before the platform adopted it";
    }
    if (!deleteNamespaces) {
      return "it left the spec, and a namespace is only deleted with its platform (deletionPolicy Delete)";
    }
    return ForeignObjects.in(client, platform, key.name())
        .map(o -> "it holds " + o + ", which the platform did not create").orElse(null);
  }

  /** Removes our labels from an adopted namespace; it keeps running, unmanaged. */
  private void release(ChildKey key, HasMetadata namespace, ApplyReport report, LiveView live) {
    HasMetadata copy = client.getKubernetesSerialization().clone(namespace);
    Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
    labels.keySet().removeAll(List.of(Labels.MANAGED_BY, Labels.INSTANCE, Labels.PART_OF, Labels.COMPONENT));
    copy.getMetadata().setLabels(labels);
    Map<String, String> annotations = new HashMap<>(copy.getMetadata().getAnnotations());
    annotations.remove(Labels.DESIRED_HASH);
    annotations.remove(Labels.ADOPTED);
    copy.getMetadata().setAnnotations(annotations);
    LOG.info("Releasing adopted {}", key);
    HasMetadata written = client.resource(copy).update();
    live.written(namespace, written);
    report.updated(key, written);
  }

  private HasMetadata create(ChildKey key, HasMetadata want, ApplyReport report, LiveView live) {
    try {
      LOG.info("Creating {}", key);
      HasMetadata created = client.resource(want).create();
      live.written(null, created);
      report.created(key, created);
      return null;
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // It exists but our caches do not show it: it is not labelled as managed by us.
      HasMetadata existing = client.resource(want).get();
      if (existing == null) {
        throw e;
      }
      return existing;
    }
  }

  /**
   * PUTs the merged object. Another writer (a controller updating status) may have changed it
   * since our cache saw it: on 409 Conflict, re-read it once and try again.
   */
  private void update(ChildKey key, HasMetadata have, HasMetadata want, ApplyReport report, LiveView live) {
    LOG.info("Updating {}", key);
    HasMetadata written;
    try {
      written = client.resource(ObjectDiff.merge(have, want)).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      HasMetadata latest = client.resource(have).get();
      if (latest == null) {
        throw e;
      }
      if (ObjectDiff.upToDate(latest, want)) {
        report.observed(key, latest);
        return;
      }
      written = client.resource(ObjectDiff.merge(latest, want)).update();
    }
    live.written(have, written);
    report.updated(key, written);
  }

  private HasMetadata markAdopted(HasMetadata want) {
    HasMetadata copy = client.getKubernetesSerialization().clone(want);
    Map<String, String> annotations = new LinkedHashMap<>(copy.getMetadata().getAnnotations());
    annotations.put(Labels.ADOPTED, "true");
    copy.getMetadata().setAnnotations(annotations);
    return copy;
  }

  private static String ownerText(String owner) {
    return owner == null
        ? "exists and is not managed by nexus-operator"
        : "belongs to platform " + owner;
  }

  /**
   * Ours: labelled with this platform's name. Objects a retained platform left behind are adopted
   * back only by a platform of the same name; one of another name never takes them over, even
   * when their platform is gone (their selectors and data are another platform's).
   */
  private static boolean ownedByUs(String platform, String owner) {
    return platform.equals(owner);
  }

  private static String reason(KubernetesClientException e) {
    String message = e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
    return "HTTP " + e.getCode() + ": " + message;
  }
}
