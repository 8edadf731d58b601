package online.nexuscos.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The ClusterServiceVersion as a pure function of the CSV template and the repository's install
 * files: OLM installs exactly the Deployment and the grants of deploy/, nothing written twice.
 */
final class CsvBuilder {

  static final String PACKAGE = "nexus-operator";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CsvBuilder() {}

  static ObjectNode build(JsonNode template, RepoInputs in, String image, String release, String iconSvg) {
    JsonNode deployment = in.operatorDeployment();
    String operatorNamespace = deployment.path("metadata").path("namespace").asText();
    String serviceAccount = deployment.path("spec").path("template").path("spec").path("serviceAccountName").asText();
    String deployedImage = OperatorImage.of(deployment);
    if (!deployedImage.equals(image)) {
      throw new IllegalStateException("deploy/operator.yaml runs " + deployedImage + ", the parent pom names " + image
          + "; regenerate: " + BundleGenerator.COMMAND);
    }

    ObjectNode csv = NODES.objectNode();
    csv.put("apiVersion", "operators.coreos.com/v1alpha1");
    csv.put("kind", "ClusterServiceVersion");
    ObjectNode metadata = csv.putObject("metadata");
    metadata.put("name", PACKAGE + ".v" + release);
    ObjectNode annotations = metadata.putObject("annotations");
    annotations.put("alm-examples", Yaml.json(NODES.arrayNode().addAll(in.examples())));
    annotations.setAll((ObjectNode) template.path("metadata").path("annotations"));
    annotations.put("containerImage", image);

    ObjectNode spec = csv.putObject("spec");
    JsonNode t = template.path("spec");
    spec.set("displayName", t.path("displayName"));
    spec.set("description", t.path("description"));
    spec.putArray("icon").addObject()
        .put("base64data", Base64.getEncoder().encodeToString(iconSvg.getBytes(StandardCharsets.UTF_8)))
        .put("mediatype", "image/svg+xml");
    spec.put("version", release);
    spec.put("minKubeVersion", in.kubernetesVersion());
    for (String field : List.of("maturity", "provider", "maintainers", "links", "keywords", "installModes")) {
      spec.set(field, t.path(field));
    }

    ObjectNode install = spec.putObject("install");
    install.put("strategy", "deployment");
    ObjectNode strategy = install.putObject("spec");
    strategy.putArray("deployments").addObject()
        .put("name", deployment.path("metadata").path("name").asText())
        .<ObjectNode>set("label", deployment.path("metadata").path("labels"))
        .set("spec", deployment.path("spec"));
    Grants grants = Grants.of(in.rbac(), operatorNamespace, serviceAccount);
    strategy.putArray("clusterPermissions").addObject().put("serviceAccountName", serviceAccount)
        .set("rules", grants.cluster());
    strategy.putArray("permissions").addObject().put("serviceAccountName", serviceAccount)
        .set("rules", grants.operatorNamespace());

    JsonNode crd = in.crd();
    ObjectNode owned = ((ObjectNode) t.path("customresourcedefinitions").path("owned").path(0)).deepCopy();
    ObjectNode ownedCrd = NODES.objectNode();
    ownedCrd.put("name", crd.path("metadata").path("name").asText());
    ownedCrd.put("version", servedVersion(crd).path("name").asText());
    ownedCrd.put("kind", crd.path("spec").path("names").path("kind").asText());
    ownedCrd.setAll(owned);
    JsonNode schema = servedVersion(crd).path("schema").path("openAPIV3Schema");
    checkDescriptors(ownedCrd.path("specDescriptors"), schema.path("properties").path("spec"), "spec");
    checkDescriptors(ownedCrd.path("statusDescriptors"), schema.path("properties").path("status"), "status");
    spec.putObject("customresourcedefinitions").putArray("owned").add(ownedCrd);

    spec.putArray("relatedImages").addObject().put("name", PACKAGE).put("image", image);
    return csv;
  }

  private static JsonNode servedVersion(JsonNode crd) {
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean()) {
        return version;
      }
    }
    throw new IllegalArgumentException("the CRD has no storage version");
  }

  /** Every descriptor names a field of the CRD's schema ("a.b" walks properties, through arrays). */
  static void checkDescriptors(JsonNode descriptors, JsonNode schema, String root) {
    List<String> missing = new ArrayList<>();
    for (JsonNode descriptor : descriptors) {
      String path = descriptor.path("path").asText();
      JsonNode at = schema;
      for (String part : path.split("\\.")) {
        while (at.has("items")) {
          at = at.path("items");
        }
        at = at.path("properties").path(part);
      }
      if (at.isMissingNode()) {
        missing.add(root + "." + path);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("CSV descriptors name fields the CRD does not have: " + missing
          + "; fix the template (install/src/main/resources/online/nexuscos/install/csv-template.yaml)");
    }
  }

  /** deploy/rbac.yaml's rules as OLM can grant them. */
  record Grants(ArrayNode cluster, ArrayNode operatorNamespace) {

    /**
     * ClusterRoles become clusterPermissions and Roles in the operator's namespace permissions.
     * OLM creates Roles only in the namespace it installs into, so a Role elsewhere (the Events
     * of cluster-scoped NexusPlatforms, written to "default") is granted cluster-wide instead.
     */
    static Grants of(List<JsonNode> rbac, String operatorNamespace, String serviceAccount) {
      ArrayNode cluster = NODES.arrayNode();
      ArrayNode namespaced = NODES.arrayNode();
      for (JsonNode doc : rbac) {
        String kind = doc.path("kind").asText();
        if (kind.endsWith("Binding")) {
          for (JsonNode subject : doc.path("subjects")) {
            if (!subject.path("name").asText().equals(serviceAccount)
                || !subject.path("namespace").asText().equals(operatorNamespace)) {
              throw new IllegalArgumentException(kind + " " + doc.path("metadata").path("name").asText()
                  + " binds " + subject + ", not the operator's ServiceAccount " + operatorNamespace + "/" + serviceAccount);
            }
          }
        } else if (kind.equals("ClusterRole")) {
          cluster.addAll((ArrayNode) doc.path("rules"));
        } else if (kind.equals("Role")) {
          boolean own = doc.path("metadata").path("namespace").asText().equals(operatorNamespace);
          (own ? namespaced : cluster).addAll((ArrayNode) doc.path("rules"));
        }
      }
      return new Grants(cluster, namespaced);
    }
  }
}
