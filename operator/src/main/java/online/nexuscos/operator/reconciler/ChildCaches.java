package online.nexuscos.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import online.nexuscos.core.failover.SiteHealth;
import online.nexuscos.core.apply.LiveView;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.ChildKind;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * One informer per child kind, watching only objects labelled {@code managed-by=nexus-operator}
 * and mapping each back to its platform by the instance label (the children carry no owner
 * references, so that deletionPolicy Retain can leave them running). Serves as the
 * {@link LiveView} of the reconciler.
 */
final class ChildCaches {

  private final Map<ChildKind, InformerEventSource<HasMetadata, NexusPlatform>> sources =
      new EnumMap<>(ChildKind.class);
  private InformerEventSource<ControllerRevision, NexusPlatform> revisions;
  private InformerEventSource<Node, NexusPlatform> nodes;
  private InformerEventSource<Pod, NexusPlatform> pods;

  /** The index of every cache by platform (the instance label): a platform's objects without a scan of all. */
  static final String INSTANCE_INDEX = "nexus-instance";

  List<EventSource<?, NexusPlatform>> create(EventSourceContext<NexusPlatform> context, Set<String> namespaces) {
    List<EventSource<?, NexusPlatform>> list = new ArrayList<>();
    var json = context.getClient().getKubernetesSerialization();
    for (ChildKind kind : ChildKind.values()) {
      InformerEventSource<HasMetadata, NexusPlatform> source = source(kind, context, namespaces, json);
      sources.put(kind, source);
      list.add(source);
    }
    var revisionConfig = InformerEventSourceConfiguration.from(ControllerRevision.class, NexusPlatform.class)
        .withName("revisions")
        .withLabelSelector(Labels.MANAGED_SELECTOR)
        .withSecondaryToPrimaryMapper(ChildCaches::toPrimary);
    watch(revisionConfig, namespaces);
    compact(revisionConfig, namespaces, ControllerRevision.class, json);
    revisions = indexed(new InformerEventSource<>(revisionConfig.build(), context));
    list.add(revisions);
    // Nodes decide a site's health: a change of readiness (Ready, or taking pods: cordon, the control
    // plane's not-ready/unreachable taints) or of labels concerns every platform.
    var primaries = context.getPrimaryCache();
    nodes = new InformerEventSource<>(InformerEventSourceConfiguration.from(Node.class, NexusPlatform.class)
        .withName("nodes")
        .withItemStore(new CompactStore<>(Node.class, json)) // cluster-scoped: one informer
        .withSecondaryToPrimaryMapper(n -> primaries.list().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withOnUpdateFilter((now, before) -> SiteHealth.ready(now) != SiteHealth.ready(before)
            || SiteHealth.takesPods(now) != SiteHealth.takesPods(before)
            || !Objects.equals(now.getMetadata().getLabels(), before.getMetadata().getLabels()))
        .build(), context);
    list.add(nodes);
    // Pods of the platform, for fencing: only their disappearance (and deletion start) matters,
    // so other pod updates (status, readiness) do not wake the reconciler; Deployments report those.
    var podConfig = InformerEventSourceConfiguration.from(Pod.class, NexusPlatform.class)
        .withName("pods")
        .withLabelSelector(Labels.MANAGED_SELECTOR)
        .withSecondaryToPrimaryMapper(ChildCaches::toPrimary)
        .withOnAddFilter(p -> false)
        .withOnUpdateFilter((now, before) -> before.getMetadata().getDeletionTimestamp() == null
            && now.getMetadata().getDeletionTimestamp() != null);
    watch(podConfig, namespaces);
    compact(podConfig, namespaces, Pod.class, json);
    pods = indexed(new InformerEventSource<>(podConfig.build(), context));
    list.add(pods);
    return list;
  }

  /**
   * Whether every informer has listed its objects at least once. Until then an empty cache means
   * "not known yet", not "absent": nothing may be decided from it (a Deployment that seems
   * missing is not missing, a rollout that seems unavailable has not failed).
   */
  boolean synced() {
    List<io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource<?, ?, ?>> all =
        new ArrayList<>(sources.values());
    all.add(revisions);
    all.add(nodes);
    all.add(pods);
    return all.stream().allMatch(s -> s != null && s.informerHealthIndicators().values().stream()
        .allMatch(io.javaoperatorsdk.operator.health.InformerHealthIndicator::hasSynced));
  }

  /** Every Node of the cluster. */
  List<Node> nodes() {
    return nodes.list(n -> true).toList();
  }

  /** The pods of platform {@code instance} (terminating ones included). */
  List<Pod> podsOf(String instance) {
    return pods.byIndex(INSTANCE_INDEX, instance);
  }

  /** The recorded revisions (ControllerRevisions) of platform {@code instance}. */
  List<ControllerRevision> revisionsOf(String instance) {
    return revisions.byIndex(INSTANCE_INDEX, instance);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static InformerEventSource<HasMetadata, NexusPlatform> source(
      ChildKind kind, EventSourceContext<NexusPlatform> context, Set<String> namespaces, KubernetesSerialization json) {
    InformerEventSourceConfiguration.Builder<HasMetadata> builder =
        InformerEventSourceConfiguration.from((Class<HasMetadata>) (Class) kind.type(), NexusPlatform.class)
            .withName(kind.name().toLowerCase(java.util.Locale.ROOT))
            .withLabelSelector(Labels.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(ChildCaches::toPrimary);
    if (kind.namespaced()) {
      watch(builder, namespaces);
    }
    compact(builder, kind.namespaced() ? namespaces : Set.of(), (Class<HasMetadata>) (Class) kind.type(), json);
    return indexed(new InformerEventSource<>(builder.build(), context));
  }

  private static <R extends HasMetadata> InformerEventSource<R, NexusPlatform> indexed(
      InformerEventSource<R, NexusPlatform> source) {
    source.addIndexers(Map.of(INSTANCE_INDEX, o -> {
      String instance = Labels.instanceOf(o.getMetadata().getLabels());
      return instance == null ? List.of() : List.of(instance);
    }));
    return source;
  }

  /**
   * Keeps objects trimmed ({@link CacheTrim}) and as JSON ({@link CompactStore}) when one informer
   * watches all namespaces; with named namespaces JOSDK runs an informer per namespace, and one item
   * store must not be shared.
   */
  private static <R extends HasMetadata> void compact(InformerEventSourceConfiguration.Builder<R> builder,
      Set<String> namespaces, Class<R> type, KubernetesSerialization json) {
    if (namespaces.isEmpty()) {
      builder.withItemStore(new CompactStore<>(type, json));
    }
  }

  /** Watches the operator's namespaces: all when none are named. */
  private static void watch(InformerEventSourceConfiguration.Builder<?> builder, Set<String> namespaces) {
    if (namespaces.isEmpty()) {
      builder.withWatchAllNamespaces();
    } else {
      builder.withNamespaces(namespaces);
    }
  }

  private static Set<ResourceID> toPrimary(HasMetadata child) {
    String instance = Labels.instanceOf(child.getMetadata().getLabels());
    return instance == null ? Set.of() : Set.of(new ResourceID(instance));
  }

  /**
   * The caches as seen from one reconcile. An object is decoded from its cache once per view (the
   * steps of a reconcile read the same Deployments several times); what the reconcile writes
   * replaces it there. Thread-safe: the applier writes in parallel.
   */
  LiveView view() {
    Map<ChildKey, Optional<HasMetadata>> read = new java.util.concurrent.ConcurrentHashMap<>();
    return new LiveView() {
      @Override
      public Optional<HasMetadata> get(ChildKey key) {
        return read.computeIfAbsent(key, k -> sources.get(k.kind()).get(new ResourceID(k.name(), k.namespace())));
      }

      @Override
      public List<HasMetadata> ownedBy(String instance) {
        List<HasMetadata> owned = new ArrayList<>();
        for (var source : sources.values()) {
          owned.addAll(source.byIndex(INSTANCE_INDEX, instance));
        }
        return owned;
      }

      @Override
      public void written(HasMetadata before, HasMetadata after) {
        var source = sources.get(ChildKind.of(after));
        ResourceID primary = new ResourceID(Labels.instanceOf(after.getMetadata().getLabels()));
        read.put(ChildKey.of(after), Optional.of(after));
        if (before == null) {
          source.handleRecentResourceCreate(primary, after);
        } else {
          source.handleRecentResourceUpdate(primary, after, before);
        }
      }
    };
  }
}
