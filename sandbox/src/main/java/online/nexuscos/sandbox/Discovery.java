package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscoveryBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The API discovery documents a real API server serves ({@code /version}, {@code /api},
 * {@code /apis}, {@code /api/v1}, {@code /apis/<group>[/<version>]}), for the kinds the sandbox
 * knows, so that kubectl can talk to the mock API server.
 */
final class Discovery {

  private record Kind(String group, String version, String plural, String kind, boolean namespaced,
      List<String> shortNames, List<String> categories) {
    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final List<Kind> KINDS = List.of(
      new Kind("", "v1", "namespaces", "Namespace", false, List.of("ns"), List.of()),
      new Kind("", "v1", "nodes", "Node", false, List.of("no"), List.of()),
      new Kind("", "v1", "configmaps", "ConfigMap", true, List.of("cm"), List.of()),
      new Kind("", "v1", "secrets", "Secret", true, List.of(), List.of()),
      new Kind("", "v1", "services", "Service", true, List.of("svc"), List.of("all")),
      new Kind("", "v1", "pods", "Pod", true, List.of("po"), List.of("all")),
      new Kind("", "v1", "events", "Event", true, List.of("ev"), List.of()),
      new Kind("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), List.of("all")),
      new Kind("apps", "v1", "controllerrevisions", "ControllerRevision", true, List.of(), List.of()),
      new Kind("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, List.of("hpa"), List.of("all")),
      new Kind("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, List.of("pdb"), List.of()),
      new Kind("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, List.of("netpol"), List.of()),
      new Kind("coordination.k8s.io", "v1", "leases", "Lease", true, List.of(), List.of()),
      new Kind("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
          List.of("crd", "crds"), List.of()),
      new Kind(NexusPlatform.GROUP, NexusPlatform.VERSION, "nexusplatforms", "NexusPlatform", false,
          List.of("nxp"), List.of("nexus")));

  private final KubernetesSerialization json = new KubernetesSerialization();
  private final String serverAddress;

  Discovery(String serverAddress) {
    this.serverAddress = serverAddress;
  }

  /** The discovery document at {@code path} (query string already removed), if it is one. */
  Optional<String> answer(String path) {
    String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    if (p.equals("/version")) {
      return Optional.of(json.asJson(Map.of("major", "1", "minor", "31", "gitVersion", "v1.31.0-nexus-sandbox",
          "platform", "linux/amd64", "goVersion", "n/a (fabric8 mock API server)")));
    }
    if (p.equals("/api")) {
      return Optional.of(json.asJson(new APIVersionsBuilder().withVersions("v1")
          .addNewServerAddressByClientCIDR("0.0.0.0/0", serverAddress).build()));
    }
    if (p.equals("/apis")) {
      return Optional.of(json.asJson(new APIGroupListBuilder().withGroups(groups()).build()));
    }
    String[] parts = p.split("/");
    if (p.equals("/api/v1")) {
      return Optional.of(resources("v1"));
    }
    if (parts.length == 3 && parts[1].equals("apis")) {
      return groups().stream().filter(g -> g.getName().equals(parts[2])).findFirst().map(json::asJson);
    }
    if (parts.length == 4 && parts[1].equals("apis")
        && KINDS.stream().anyMatch(k -> k.groupVersion().equals(parts[2] + "/" + parts[3]))) {
      return Optional.of(resources(parts[2] + "/" + parts[3]));
    }
    return Optional.empty();
  }

  private List<APIGroup> groups() {
    Map<String, String> versions = new LinkedHashMap<>();
    KINDS.stream().filter(k -> !k.group().isEmpty()).forEach(k -> versions.putIfAbsent(k.group(), k.version()));
    List<APIGroup> groups = new ArrayList<>();
    versions.forEach((group, version) -> {
      var gv = new GroupVersionForDiscoveryBuilder().withGroupVersion(group + "/" + version).withVersion(version).build();
      groups.add(new APIGroupBuilder().withName(group).withVersions(gv).withPreferredVersion(gv).build());
    });
    return groups;
  }

  private String resources(String groupVersion) {
    List<APIResource> resources = new ArrayList<>();
    for (Kind k : KINDS) {
      if (k.groupVersion().equals(groupVersion)) {
        resources.add(new APIResourceBuilder().withName(k.plural()).withSingularName(k.kind().toLowerCase())
            .withKind(k.kind()).withNamespaced(k.namespaced()).withVerbs(VERBS)
            .withShortNames(k.shortNames()).withCategories(k.categories()).build());
        resources.add(new APIResourceBuilder().withName(k.plural() + "/status").withSingularName("")
            .withKind(k.kind()).withNamespaced(k.namespaced()).withVerbs("get", "patch", "update").build());
      }
    }
    return json.asJson(new APIResourceListBuilder().withGroupVersion(groupVersion).withResources(resources).build());
  }
}
