package online.nexuscos.core.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * One-field breakages of a valid NexusPlatform document, each with the field paths an error about
 * it may name: the property tests apply one to a generated document and require the validator
 * (or the reader, for a wrong type) to refuse it by naming that field.
 */
final class Breakages {

  /** A breakage applied: the document, what was broken, where, and whether the API server prunes it first. */
  record Broken(ObjectNode doc, String what, Set<String> fields, boolean prunedByApiServer) {
    @Override
    public String toString() {
      return what + " at " + fields;
    }
  }

  /** Breaks {@code doc} in place; returns the fields an error may name, or null when it does not apply. */
  interface Breakage {
    Set<String> apply(ObjectNode doc, Random r);
  }

  record Named(String what, Breakage breakage, boolean pruned) {}

  static final List<Named> ALL = new ArrayList<>();

  private static void add(String what, Breakage b) {
    ALL.add(new Named(what, b, false));
  }

  static {
    add("platform name not a DNS label", (d, r) -> set(d.with("metadata"), "name", "Nexus_COS", "metadata.name"));
    add("version missing", (d, r) -> {
      d.with("spec").remove("version");
      return Set.of("spec.version");
    });
    add("registry with spaces", (d, r) -> set(d.with("spec"), "imageRegistry", "my registry", "spec.imageRegistry"));
    add("namespace listed twice", (d, r) -> {
      ArrayNode ns = d.with("spec").withArray("namespaces");
      ns.add(ns.get(0).deepCopy());
      return Set.of("spec.namespaces[" + (ns.size() - 1) + "].name");
    });
    add("system namespace", (d, r) -> {
      ArrayNode ns = d.with("spec").withArray("namespaces");
      ns.addObject().put("name", pick(r, "kube-system", "default", "kube-public"));
      return Set.of("spec.namespaces[" + (ns.size() - 1) + "].name");
    });
    add("namespace label value over 63", (d, r) -> {
      ((ObjectNode) d.with("spec").withArray("namespaces").get(0)).putObject("labels").put("tier", "x".repeat(64));
      return Set.of("spec.namespaces[0].labels", "spec.namespaces[0].labels.tier");
    });
    add("service name starts with a digit", (d, r) -> service(d, r, (s, p) -> set(s, "name", "3d-" + s.path("name").asText(), p + ".name")));
    add("service name with capitals", (d, r) -> service(d, r, (s, p) -> set(s, "name", "Api", p + ".name")));
    add("service name over 63", (d, r) -> service(d, r, (s, p) -> set(s, "name", "a".repeat(64), p + ".name")));
    add("service name twice", (d, r) -> {
      ArrayNode services = d.with("spec").withArray("services");
      ObjectNode copy = services.get(0).deepCopy();
      copy.put("port", freePort(services));
      services.add(copy);
      return Set.of("spec.services[" + (services.size() - 1) + "].name");
    });
    add("undeclared namespace", (d, r) -> service(d, r, (s, p) -> set(s, "namespace", "undeclared-ns", p + ".namespace")));
    add("undeclared module", (d, r) -> service(d, r, (s, p) -> set(s, "module", "undeclared-module", p + ".module")));
    add("port 0", (d, r) -> service(d, r, (s, p) -> set(s, "port", 0, p + ".port")));
    add("port 70000", (d, r) -> service(d, r, (s, p) -> set(s, "port", 70000, p + ".port")));
    add("port as a name", (d, r) -> service(d, r, (s, p) -> set(s, "port", "http", p + ".port")));
    add("negative replicas", (d, r) -> service(d, r, (s, p) -> set(s, "replicas", -1, p + ".replicas")));
    add("replicas beyond int", (d, r) -> service(d, r, (s, p) -> {
      s.put("replicas", 99_999_999_999L);
      return Set.of(p + ".replicas");
    }));
    add("image with a tag", (d, r) -> service(d, r, (s, p) -> set(s, "image", "redis:7", p + ".image")));
    add("tag starting with '-'", (d, r) -> service(d, r, (s, p) -> set(s, "tag", "-rc1", p + ".tag")));
    add("dependency on a missing service", (d, r) -> service(d, r, (s, p) -> {
      s.withArray("dependsOn").add("no-such-service");
      return Set.of(p + ".dependsOn", p + ".dependsOn[" + (s.withArray("dependsOn").size() - 1) + "]");
    }));
    add("dependency on itself", (d, r) -> service(d, r, (s, p) -> {
      s.withArray("dependsOn").add(s.path("name").asText());
      return Set.of(p + ".dependsOn", p + ".dependsOn[" + (s.withArray("dependsOn").size() - 1) + "]");
    }));
    add("dependency cycle", (d, r) -> {
      ArrayNode services = d.with("spec").withArray("services");
      for (int i = 0; i < services.size(); i++) {
        JsonNode deps = services.get(i).path("dependsOn");
        if (deps.size() > 0) {
          String target = deps.get(0).asText();
          for (int j = 0; j < services.size(); j++) {
            if (services.get(j).path("name").asText().equals(target)) {
              ((ObjectNode) services.get(j)).withArray("dependsOn").add(services.get(i).path("name").asText());
              return Set.of("spec.services[" + i + "].dependsOn", "spec.services[" + j + "].dependsOn");
            }
          }
        }
      }
      return null;
    });
    add("env name with a dash", (d, r) -> service(d, r, (s, p) -> {
      ArrayNode env = s.withArray("env");
      env.addObject().put("name", "MY-VAR").put("value", "1");
      return Set.of(p + ".env[" + (env.size() - 1) + "].name");
    }));
    add("env set twice", (d, r) -> service(d, r, (s, p) -> {
      ArrayNode env = s.withArray("env");
      env.addObject().put("name", "TWICE").put("value", "1");
      env.addObject().put("name", "TWICE").put("value", "2");
      return Set.of(p + ".env[" + (env.size() - 1) + "].name");
    }));
    add("env with value and secretKeyRef", (d, r) -> service(d, r, (s, p) -> {
      ArrayNode env = s.withArray("env");
      ObjectNode e = env.addObject().put("name", "BOTH").put("value", "1");
      e.putObject("secretKeyRef").put("name", "s").put("key", "k");
      return Set.of(p + ".env[" + (env.size() - 1) + "]");
    }));
    add("Secret name with '..'", (d, r) -> service(d, r, (s, p) -> {
      ArrayNode from = s.withArray("envFromSecrets");
      from.add("db..credentials");
      return Set.of(p + ".envFromSecrets[" + (from.size() - 1) + "]");
    }));
    add("quantity 1e3m", (d, r) -> service(d, r, (s, p) -> {
      s.putObject("resources").putObject("requests").put("cpu", "1e3m");
      return Set.of(p + ".resources.requests.cpu");
    }));
    add("request above limit", (d, r) -> service(d, r, (s, p) -> {
      ObjectNode res = s.putObject("resources");
      res.putObject("requests").put("cpu", "2").put("memory", "1Gi");
      res.putObject("limits").put("cpu", "1").put("memory", "1Gi");
      return Set.of(p + ".resources.requests.cpu");
    }));
    add("autoscaling min above max", (d, r) -> service(d, r, (s, p) -> {
      s.putObject("autoscaling").put("minReplicas", 9).put("maxReplicas", 3);
      return Set.of(p + ".autoscaling");
    }));
    add("disruption budget with both bounds", (d, r) -> service(d, r, (s, p) -> {
      s.putObject("podDisruptionBudget").put("minAvailable", 1).put("maxUnavailable", 1);
      return Set.of(p + ".podDisruptionBudget");
    }));
    add("probe period 0", (d, r) -> service(d, r, (s, p) -> {
      s.putObject("probes").put("periodSeconds", 0);
      return Set.of(p + ".probes.periodSeconds");
    }));
    add("maxUnavailable 101%", (d, r) -> set(d.with("spec").with("rollout"), "maxUnavailable", "101%", "spec.rollout.maxUnavailable"));
    add("maxSurge beyond int32", (d, r) -> set(d.with("spec").with("rollout"), "maxSurge", "99999999999", "spec.rollout.maxSurge"));
    add("rollout that cannot progress", (d, r) -> {
      d.with("spec").with("rollout").put("maxUnavailable", "0").put("maxSurge", "0%");
      return Set.of("spec.rollout");
    });
    add("unknown rollout order", (d, r) -> set(d.with("spec").with("rollout"), "order", "sideways", "spec.rollout.order"));
    add("unknown deletion policy", (d, r) -> set(d.with("spec"), "deletionPolicy", "Purge", "spec.deletionPolicy"));
    add("CIDR prefix 33", (d, r) -> {
      ArrayNode cidrs = d.with("spec").with("networkPolicy").with("egress").withArray("allowedCIDRs");
      cidrs.add("10.0.0.0/33");
      return Set.of("spec.networkPolicy.egress.allowedCIDRs[" + (cidrs.size() - 1) + "]");
    });
    add("CIDR octet 999", (d, r) -> {
      ArrayNode cidrs = d.with("spec").with("networkPolicy").with("egress").withArray("allowedCIDRs");
      cidrs.add("999.1.1.1/8");
      return Set.of("spec.networkPolicy.egress.allowedCIDRs[" + (cidrs.size() - 1) + "]");
    });
    add("undeclared active site", (d, r) -> {
      ObjectNode f = failover(d);
      f.put("activeSite", "nowhere");
      return Set.of("spec.failover.activeSite");
    });
    add("site without placement rules", (d, r) -> {
      ObjectNode f = failover(d);
      ((ObjectNode) f.withArray("sites").get(0)).putObject("placement");
      return Set.of("spec.failover.sites[0].placement");
    });
    add("a null list entry", (d, r) -> {
      ArrayNode services = d.with("spec").withArray("services");
      services.addNull();
      return Set.of("spec.services[" + (services.size() - 1) + "]");
    });
    ALL.add(new Named("misspelt field", (d, r) -> service(d, r, (s, p) -> {
      s.put("replica", 2);
      return Set.of(p + ".replica");
    }), true));
  }

  private Breakages() {}

  private interface ServiceBreakage {
    Set<String> apply(ObjectNode service, String path);
  }

  private static Set<String> service(ObjectNode doc, Random r, ServiceBreakage b) {
    ArrayNode services = doc.with("spec").withArray("services");
    int i = r.nextInt(services.size());
    return b.apply((ObjectNode) services.get(i), "spec.services[" + i + "]");
  }

  private static ObjectNode failover(ObjectNode doc) {
    ObjectNode f = doc.with("spec").with("failover");
    if (!f.has("sites")) {
      f.put("activeSite", "primary");
      f.putArray("sites").addObject().put("name", "primary").putObject("placement").putObject("nodeSelector").put("zone", "a");
    }
    return f;
  }

  private static int freePort(ArrayNode services) {
    int port = 1;
    for (JsonNode s : services) {
      port = Math.max(port, s.path("port").asInt());
    }
    return port < 65535 ? port + 1 : 1;
  }

  private static Set<String> set(ObjectNode node, String field, Object value, String path) {
    if (value instanceof Integer i) {
      node.put(field, i);
    } else {
      node.put(field, (String) value);
    }
    return Set.of(path);
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
