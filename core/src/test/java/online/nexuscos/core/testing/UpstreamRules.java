package online.nexuscos.core.testing;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * The rules kube-apiserver's validation applies to the kinds the renderer writes, restated for
 * tests without a server: object names, label keys and values, annotation size, container and
 * port names, quantities and requests within limits, selectors that select the template, HPA and
 * PDB bounds. The real control plane tier checks the same objects against kube-apiserver itself
 * (RenderedObjectsE2E); this lets the property tests run thousands of cases in seconds.
 */
public final class UpstreamRules {

  private static final Pattern LABEL = Pattern.compile(ApiPatterns.DNS_LABEL);
  private static final Pattern LABEL_1035 = Pattern.compile(ApiPatterns.DNS_1035_LABEL);
  private static final Pattern SUBDOMAIN = Pattern.compile(ApiPatterns.DNS_SUBDOMAIN);
  private static final Pattern LABEL_KEY = Pattern.compile(ApiPatterns.LABEL_KEY);
  private static final Pattern LABEL_VALUE = Pattern.compile(ApiPatterns.LABEL_VALUE);
  private static final Pattern PORT_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
  private static final Pattern ENV_NAME = Pattern.compile("^[-._a-zA-Z][-._a-zA-Z0-9]*$");
  private static final Pattern CONFIG_KEY = Pattern.compile(ApiPatterns.CONFIG_KEY);
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;
  private static final int MAX_CONFIG_MAP_BYTES = 1024 * 1024;

  private UpstreamRules() {}

  /** Every rule {@code objects} break, as "Kind ns/name: problem"; empty when the API server would take them. */
  public static List<String> violations(List<HasMetadata> objects, NexusPlatform platform) {
    Set<String> namespaces = platform.getSpec().getNamespaces().stream().map(n -> n.getName()).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (HasMetadata o : objects) {
      String where = o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
      List<String> found = new ArrayList<>();
      meta(o, namespaces, found);
      if (o instanceof Deployment d) {
        deployment(d, found);
      } else if (o instanceof Service s) {
        s.getSpec().getPorts().forEach(p -> port(p.getPort(), p.getName(), found));
        labels(s.getSpec().getSelector(), "spec.selector", found);
      } else if (o instanceof HorizontalPodAutoscaler h) {
        Integer min = h.getSpec().getMinReplicas();
        if (min == null || min < 1 || h.getSpec().getMaxReplicas() < min) {
          found.add("replicas " + min + ".." + h.getSpec().getMaxReplicas());
        }
      } else if (o instanceof PodDisruptionBudget p) {
        if ((p.getSpec().getMinAvailable() == null) == (p.getSpec().getMaxUnavailable() == null)) {
          found.add("needs exactly one of minAvailable and maxUnavailable");
        }
      } else if (o instanceof io.fabric8.kubernetes.api.model.ConfigMap cm && cm.getData() != null) {
        long bytes = 0;
        for (var e : cm.getData().entrySet()) {
          check(CONFIG_KEY.matcher(e.getKey()).matches(), "data key " + e.getKey(), found);
          check(e.getValue() != null, "data " + e.getKey() + " is null", found);
          bytes += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        check(bytes <= MAX_CONFIG_MAP_BYTES, "data of " + bytes + " bytes", found);
      }
      found.forEach(f -> problems.add(where + ": " + f));
    }
    return problems;
  }

  private static void meta(HasMetadata o, Set<String> namespaces, List<String> found) {
    String name = o.getMetadata().getName();
    if (o instanceof Namespace) {
      check(name.length() <= 63 && LABEL.matcher(name).matches(), "name is not a DNS-1123 label", found);
    } else if (o instanceof Service) {
      check(name.length() <= 63 && LABEL_1035.matcher(name).matches(), "name is not a DNS-1035 label", found);
    } else {
      check(name.length() <= 253 && SUBDOMAIN.matcher(name).matches(), "name is not a DNS-1123 subdomain", found);
    }
    if (!(o instanceof Namespace)) {
      check(namespaces.contains(o.getMetadata().getNamespace()), "namespace is not one of the platform's", found);
    }
    labels(o.getMetadata().getLabels(), "metadata.labels", found);
    Map<String, String> annotations = o.getMetadata().getAnnotations();
    if (annotations != null) {
      long bytes = 0;
      for (var e : annotations.entrySet()) {
        check(key(e.getKey()), "annotation key " + e.getKey(), found);
        check(e.getValue() != null, "annotation " + e.getKey() + " is null", found);
        bytes += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
      }
      check(bytes <= MAX_ANNOTATIONS_BYTES, "annotations of " + bytes + " bytes", found);
    }
  }

  private static void deployment(Deployment d, List<String> found) {
    var spec = d.getSpec();
    check(spec.getReplicas() == null || spec.getReplicas() >= 0, "negative replicas", found);
    Map<String, String> selector = spec.getSelector().getMatchLabels();
    Map<String, String> podLabels = spec.getTemplate().getMetadata().getLabels();
    labels(podLabels, "spec.template.metadata.labels", found);
    selector.forEach((k, v) -> check(v.equals(podLabels.get(k)), "selector " + k + "=" + v + " does not select the template", found));
    var strategy = spec.getStrategy().getRollingUpdate();
    if (strategy != null) {
      check(!(zero(strategy.getMaxSurge()) && zero(strategy.getMaxUnavailable())), "maxSurge and maxUnavailable both 0", found);
    }
    for (Container c : spec.getTemplate().getSpec().getContainers()) {
      check(c.getName().length() <= 63 && LABEL.matcher(c.getName()).matches(), "container name " + c.getName(), found);
      check(c.getImage() != null && !c.getImage().isBlank() && c.getImage().equals(c.getImage().trim()), "image " + c.getImage(), found);
      c.getPorts().forEach(p -> port(p.getContainerPort(), p.getName(), found));
      if (c.getEnv() != null) {
        c.getEnv().forEach(e -> check(ENV_NAME.matcher(e.getName()).matches(), "env name " + e.getName(), found));
      }
      var resources = c.getResources();
      if (resources != null && resources.getRequests() != null) {
        resources.getRequests().forEach((resource, request) -> {
          Quantity limit = resources.getLimits() == null ? null : resources.getLimits().get(resource);
          check(limit == null || request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
              resource + " request " + request + " above limit " + limit, found);
        });
      }
      for (var probe : new io.fabric8.kubernetes.api.model.Probe[] {c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()}) {
        if (probe != null) {
          check(probe.getPeriodSeconds() == null || probe.getPeriodSeconds() >= 1, "probe period", found);
          check(probe.getTimeoutSeconds() == null || probe.getTimeoutSeconds() >= 1, "probe timeout", found);
        }
      }
    }
  }

  private static boolean zero(IntOrString value) {
    return value != null && ("0".equals(value.getStrVal()) || "0%".equals(value.getStrVal())
        || Integer.valueOf(0).equals(value.getIntVal()));
  }

  private static void port(Integer number, String name, List<String> found) {
    check(number != null && number >= 1 && number <= 65535, "port " + number, found);
    check(name == null || (name.length() <= 15 && PORT_NAME.matcher(name).matches() && name.matches(".*[a-z].*")
        && !name.contains("--")), "port name " + name, found);
  }

  private static void labels(Map<String, String> labels, String where, List<String> found) {
    if (labels == null) {
      return;
    }
    labels.forEach((k, v) -> {
      check(key(k), where + " key " + k, found);
      check(v != null && v.length() <= 63 && LABEL_VALUE.matcher(v).matches(), where + " value " + k + "=" + v, found);
    });
  }

  private static boolean key(String key) {
    int slash = key.lastIndexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    return name.length() <= 63 && prefix.length() <= 253 && LABEL_KEY.matcher(key).matches();
  }

  private static void check(boolean ok, String problem, List<String> found) {
    if (!ok) {
      found.add(problem);
    }
  }
}
