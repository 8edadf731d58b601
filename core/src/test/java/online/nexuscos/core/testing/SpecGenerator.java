package online.nexuscos.core.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random NexusPlatform documents (JSON trees, as kubectl would send them) that are valid by
 * construction: every rule of docs/api.md is respected, names run up to their limits, optional
 * parts come and go. The property tests use it as the source of legitimate input; a document it
 * makes that the validator refuses is a validator bug (or a rule this class does not know yet).
 */
public final class SpecGenerator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final Set<String> SYSTEM = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final Random r;
  private final int maxServices;
  private final String namespacePrefix;

  public SpecGenerator(Random random, int maxServices) {
    this(random, maxServices, "");
  }

  /** @param namespacePrefix put before every namespace name, so documents on one cluster never share one */
  public SpecGenerator(Random random, int maxServices, String namespacePrefix) {
    this.r = random;
    this.maxServices = maxServices;
    this.namespacePrefix = namespacePrefix;
  }

  /** A whole valid NexusPlatform document. */
  public ObjectNode platform() {
    ObjectNode doc = F.objectNode();
    doc.put("apiVersion", "platform.nexuscos.online/v1alpha1");
    doc.put("kind", "NexusPlatform");
    doc.putObject("metadata").put("name", label(LOWER + DIGITS, 1 + r.nextInt(chance(10) ? 63 : 20)));
    ObjectNode spec = doc.putObject("spec");
    spec.put("version", tag());
    spec.put("imageRegistry", pick("ghcr.io/nexus-cos", "localhost:5000", "registry.example.com:443/team/apps", "quay.io/a_b/c-d"));
    if (chance(3)) {
      spec.put("deletionPolicy", pick("Retain", "Delete"));
    }
    if (chance(4)) {
      spec.put("paused", r.nextBoolean());
    }
    if (chance(4)) {
      spec.putArray("imagePullSecrets").add(subdomain());
    }
    List<String> namespaces = namespaces(spec);
    List<String> enabledModules = new ArrayList<>();
    List<String> disabledModules = new ArrayList<>();
    modules(spec, enabledModules, disabledModules);
    boolean pdbByMin = r.nextBoolean();
    if (chance(2)) {
      spec.set("defaults", defaults(pdbByMin));
    }
    services(spec, namespaces, enabledModules, disabledModules, pdbByMin);
    if (chance(2)) {
      spec.set("rollout", rollout());
    }
    if (chance(2)) {
      spec.set("networkPolicy", networkPolicy());
    }
    if (chance(3)) {
      spec.set("failover", failover());
    }
    if (chance(5)) {
      spec.put("restartedAt", text(64));
    }
    return doc;
  }

  private List<String> namespaces(ObjectNode spec) {
    Set<String> names = new LinkedHashSet<>();
    int count = 1 + r.nextInt(4);
    while (names.size() < count) {
      String name = namespacePrefix + label(LOWER + DIGITS, 1 + r.nextInt(chance(8) ? 63 - namespacePrefix.length() : 16));
      if (!SYSTEM.contains(name)) {
        names.add(name);
      }
    }
    ArrayNode list = spec.putArray("namespaces");
    for (String name : names) {
      ObjectNode ns = list.addObject().put("name", name);
      if (chance(2)) {
        ns.putObject("labels").put(labelKey(), labelValue());
      }
      if (chance(4)) {
        ns.putObject("annotations").put("example.com/" + label(LOWER, 8), text(200));
      }
    }
    return new ArrayList<>(names);
  }

  private void modules(ObjectNode spec, List<String> enabled, List<String> disabled) {
    int count = r.nextInt(4);
    if (count == 0) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(label(LOWER + DIGITS, 1 + r.nextInt(20)));
    }
    ArrayNode list = spec.putArray("modules");
    for (String name : names) {
      boolean on = !chance(4);
      ObjectNode m = list.addObject().put("name", name);
      if (!on || chance(2)) {
        m.put("enabled", on);
      }
      if (chance(2)) {
        m.put("description", text(1024));
      }
      (on ? enabled : disabled).add(name);
    }
  }

  private void services(ObjectNode spec, List<String> namespaces, List<String> enabled, List<String> disabled, boolean pdbByMin) {
    int count = 1 + r.nextInt(maxServices);
    Set<String> names = new LinkedHashSet<>();
    while (names.size() < count) {
      names.add(label1035(1 + r.nextInt(chance(8) ? 63 : 18)));
    }
    List<String> ordered = new ArrayList<>(names);
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < count) {
      ports.add(1 + r.nextInt(65535));
    }
    List<Integer> portList = new ArrayList<>(ports);
    List<String> callable = new ArrayList<>();
    ArrayNode list = spec.putArray("services");
    for (int i = 0; i < count; i++) {
      ObjectNode s = list.addObject();
      s.put("name", ordered.get(i));
      s.put("namespace", namespaces.get(r.nextInt(namespaces.size())));
      s.put("port", portList.get(i));
      String module = null;
      if (!enabled.isEmpty() && chance(2)) {
        module = enabled.get(r.nextInt(enabled.size()));
      } else if (!disabled.isEmpty() && chance(4)) {
        module = disabled.get(r.nextInt(disabled.size()));
      }
      if (module != null) {
        s.put("module", module);
      }
      service(s, pdbByMin);
      if (!callable.isEmpty() && chance(2)) {
        ArrayNode deps = s.putArray("dependsOn");
        for (String dep : new LinkedHashSet<>(List.of(pick(callable), pick(callable)))) {
          deps.add(dep);
        }
      }
      if (module == null || enabled.contains(module)) {
        callable.add(ordered.get(i));
      }
    }
  }

  private void service(ObjectNode s, boolean pdbByMin) {
    if (chance(3)) {
      s.put("replicas", chance(10) ? 10000 : r.nextInt(6));
    }
    if (chance(4)) {
      s.put("image", pick("redis", "docker.io/library/node", "localhost:5000/team/api", "ghcr.io/a/b/c")
          + (chance(2) ? "-" + label(LOWER, 5) : ""));
    }
    if (chance(3)) {
      s.put("tag", tag());
    }
    if (chance(2)) {
      ArrayNode env = s.putArray("env");
      Set<String> names = new LinkedHashSet<>();
      int n = 1 + r.nextInt(3);
      while (names.size() < n) {
        names.add(pick("_", "A", "db", "X") + label(LOWER.toUpperCase() + DIGITS + "_", 1 + r.nextInt(20)).replace('-', '_'));
      }
      for (String name : names) {
        ObjectNode e = env.addObject().put("name", name);
        if (chance(3)) {
          ObjectNode ref = e.putObject("secretKeyRef").put("name", subdomain()).put("key", pick("password", "tls.crt", "API_KEY", "a-b_c.d"));
          if (chance(2)) {
            ref.put("optional", r.nextBoolean());
          }
        } else {
          e.put("value", text(100));
        }
      }
    }
    if (chance(4)) {
      s.putArray("envFromSecrets").add(subdomain());
    }
    workloadSettings(s, 3, pdbByMin);
    if (chance(3)) {
      s.put("gateway", r.nextBoolean());
    }
    if (chance(3)) {
      s.put("critical", r.nextBoolean());
    }
    if (chance(6)) {
      s.put("restartedAt", text(64));
    }
  }

  private ObjectNode defaults(boolean pdbByMin) {
    ObjectNode d = F.objectNode();
    if (chance(2)) {
      d.put("replicas", r.nextInt(5));
    }
    workloadSettings(d, 2, pdbByMin);
    return d;
  }

  /** Resources, probes, autoscaling and a disruption budget, each present one time in {@code oneIn}. */
  private void workloadSettings(ObjectNode node, int oneIn, boolean pdbByMin) {
    if (chance(oneIn)) {
      node.set("resources", resources());
    }
    if (chance(oneIn)) {
      node.set("probes", probes());
    }
    if (chance(oneIn)) {
      node.set("autoscaling", autoscaling());
    }
    if (chance(oneIn)) {
      node.set("podDisruptionBudget", pdb(pdbByMin));
    }
  }

  /** Requests and limits both set, so a service's values never meet a default of the other kind. */
  private ObjectNode resources() {
    ObjectNode res = F.objectNode();
    int cpu = 1 + r.nextInt(4000);
    int memory = 1 + r.nextInt(8192);
    res.putObject("requests").put("cpu", cpu(cpu)).put("memory", memory(memory));
    res.putObject("limits").put("cpu", cpu(cpu + r.nextInt(4000))).put("memory", memory(memory + r.nextInt(8192)));
    return res;
  }

  private String cpu(int millis) {
    if (millis % 1000 == 0 && chance(2)) {
      return chance(2) ? String.valueOf(millis / 1000) : millis + "e-3";
    }
    return switch (r.nextInt(3)) {
      case 0 -> millis + "m";
      case 1 -> (millis / 1000) + "." + String.format("%03d", millis % 1000);
      default -> (millis * 1_000_000L) + "n";
    };
  }

  private String memory(int mebibytes) {
    return switch (r.nextInt(3)) {
      case 0 -> mebibytes + "Mi";
      case 1 -> (mebibytes * 1024L) + "Ki";
      default -> ((long) mebibytes * 1024 * 1024) + "";
    };
  }

  private ObjectNode probes() {
    ObjectNode p = F.objectNode();
    if (chance(2)) {
      p.put("initialDelaySeconds", r.nextInt(3601));
    }
    if (chance(2)) {
      p.put("periodSeconds", 1 + r.nextInt(3600));
    }
    if (chance(2)) {
      p.put("timeoutSeconds", 1 + r.nextInt(3600));
    }
    if (chance(2)) {
      p.put("failureThreshold", 1 + r.nextInt(1000));
    }
    if (chance(2)) {
      p.put("startupFailureThreshold", 1 + r.nextInt(1000));
    }
    return p;
  }

  /** Both bounds, ordered, so no merge with defaults can invert them. */
  private ObjectNode autoscaling() {
    int min = 1 + r.nextInt(20);
    ObjectNode a = F.objectNode().put("minReplicas", min).put("maxReplicas", min + r.nextInt(chance(10) ? 9000 : 20));
    if (chance(2)) {
      a.put("enabled", r.nextBoolean());
    }
    if (chance(2)) {
      a.put("targetCPUUtilizationPercentage", 1 + r.nextInt(1000));
    }
    if (chance(3)) {
      a.put("targetMemoryUtilizationPercentage", 1 + r.nextInt(1000));
    }
    return a;
  }

  private ObjectNode pdb(boolean byMin) {
    ObjectNode p = F.objectNode();
    if (chance(2)) {
      p.put("enabled", r.nextBoolean());
    }
    p.put(byMin ? "minAvailable" : "maxUnavailable", r.nextInt(byMin ? 10 : 5));
    return p;
  }

  private ObjectNode rollout() {
    ObjectNode ro = F.objectNode();
    if (chance(2)) {
      ro.put("progressDeadlineSeconds", 1 + r.nextInt(86400));
    }
    String unavailable = intOrPercent(100);
    String surge = intOrPercent(1000);
    if (unavailable.matches("0%?") && surge.matches("0%?")) {
      surge = "1";
    }
    if (chance(2)) {
      ro.put("maxUnavailable", unavailable);
    }
    if (chance(2)) {
      ro.put("maxSurge", surge);
    }
    if (chance(2)) {
      ro.put("autoRollback", r.nextBoolean());
    }
    if (chance(2)) {
      ro.put("order", pick("dependencies", "parallel"));
    }
    if (chance(2)) {
      ro.put("revisionHistoryLimit", 1 + r.nextInt(100));
    }
    return ro;
  }

  private String intOrPercent(int maxPercent) {
    return chance(2) ? r.nextInt(maxPercent + 1) + "%" : String.valueOf(r.nextInt(chance(10) ? 999_999_999 : 5));
  }

  private ObjectNode networkPolicy() {
    ObjectNode np = F.objectNode();
    if (chance(3)) {
      np.put("enabled", r.nextBoolean());
    }
    if (chance(2)) {
      np.put("gatewayNamespace", label(LOWER + DIGITS, 1 + r.nextInt(30)));
    }
    if (chance(3)) {
      np.put("monitoringNamespace", label(LOWER + DIGITS, 1 + r.nextInt(30)));
    }
    if (chance(2)) {
      ObjectNode egress = np.putObject("egress").put("restrict", r.nextBoolean());
      ArrayNode cidrs = egress.putArray("allowedCIDRs");
      for (int i = r.nextInt(3); i > 0; i--) {
        cidrs.add(chance(4) ? "fd00:" + Integer.toHexString(r.nextInt(65536)) + "::/" + (32 + r.nextInt(97))
            : ipv4Network());
      }
    }
    return np;
  }

  /** A random IPv4 block written as its network address (no host bits set), as the API server requires. */
  private String ipv4Network() {
    int prefix = r.nextInt(33);
    long address = r.nextLong() & 0xffffffffL;
    long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    long net = address & mask;
    return (net >> 24) + "." + ((net >> 16) & 255) + "." + ((net >> 8) & 255) + "." + (net & 255) + "/" + prefix;
  }

  private ObjectNode failover() {
    ObjectNode f = F.objectNode();
    Set<String> names = new LinkedHashSet<>();
    int count = 1 + r.nextInt(3);
    while (names.size() < count) {
      names.add(label(LOWER + DIGITS, 1 + r.nextInt(20)));
    }
    List<String> list = new ArrayList<>(names);
    f.put("activeSite", pick(list));
    if (count > 1 || chance(2)) {
      f.put("automatic", count > 1 && r.nextBoolean());
    }
    if (chance(2)) {
      f.put("gracePeriodSeconds", r.nextInt(86401));
    }
    if (chance(2)) {
      f.put("criticalUnavailableThreshold", 1 + r.nextInt(1000));
    }
    if (chance(3)) {
      f.put("historyLimit", 1 + r.nextInt(100));
    }
    ArrayNode sites = f.putArray("sites");
    for (String name : list) {
      ObjectNode site = sites.addObject().put("name", name);
      ObjectNode placement = site.putObject("placement");
      if (chance(2)) {
        placement.putObject("nodeSelector").put("topology.kubernetes.io/zone", name);
      } else {
        ObjectNode req = placement.putArray("matchExpressions").addObject().put("key", labelKey());
        String op = pick("In", "NotIn", "Exists", "DoesNotExist");
        req.put("operator", op);
        if (op.startsWith("In") || op.startsWith("Not")) {
          req.putArray("values").add(labelValue().isEmpty() ? "x" : labelValue());
        }
      }
      if (chance(2)) {
        ObjectNode stores = site.putObject("dataStores");
        stores.putObject(pick("postgresql", "mongodb", "redis", "rabbitmq"))
            .put("host", name + ".db.example.com").put("port", 1 + r.nextInt(65535))
            .put("credentialsSecret", subdomain());
      }
    }
    return f;
  }

  // ---- leaves ----

  private boolean chance(int oneIn) {
    return r.nextInt(oneIn) == 0;
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[r.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(r.nextInt(options.size()));
  }

  /** A DNS-1123 label of exactly {@code length} characters from {@code alphabet} (plus '-' inside). */
  private String label(String alphabet, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      boolean edge = i == 0 || i == length - 1;
      sb.append(!edge && chance(6) ? '-' : alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String label1035(int length) {
    String rest = length == 1 ? "" : label(LOWER + DIGITS, length - 1);
    return LOWER.charAt(r.nextInt(26)) + rest;
  }

  private String subdomain() {
    String name = label(LOWER + DIGITS, 1 + r.nextInt(20));
    return chance(3) ? name + "." + label(LOWER + DIGITS, 1 + r.nextInt(10)) : name;
  }

  private String tag() {
    String alphabet = LOWER + LOWER.toUpperCase() + DIGITS + "_.-";
    StringBuilder sb = new StringBuilder().append(pick("v", "1", "_", "R"));
    int length = chance(10) ? 127 : r.nextInt(12);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private String labelKey() {
    String name = pick("tier", "app.kubernetes.io/part-of", "Team_Name", "x") + (chance(2) ? "" : "-" + label(LOWER, 1 + r.nextInt(8)));
    return name;
  }

  private String labelValue() {
    return chance(5) ? "" : label(LOWER + LOWER.toUpperCase() + DIGITS, 1 + r.nextInt(chance(6) ? 63 : 12)).replace('-', '.');
  }

  /** Free text: letters, YAML's special characters, quotes, non-Latin and astral characters. */
  private String text(int max) {
    String[] pieces = {"a", " ", ":", "#", "- ", "'", "\"", "\\", "\n", "\t", "{", "}", "[", "]", "&x", "*x", "!", "%", "@",
        "ü", "中", "😀", "yes", "no", "null", "~", "0x1F", "1e3", "2025-01-01", "<<"};
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      String piece = pieces[r.nextInt(pieces.length)];
      if (sb.length() + piece.length() > max) {
        break;
      }
      sb.append(piece);
    }
    return sb.toString();
  }
}
