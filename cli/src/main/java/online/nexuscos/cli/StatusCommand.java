package online.nexuscos.cli;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.NexusPlatformStatus;
import online.nexuscos.platform.api.v1alpha1.Phase;
import online.nexuscos.platform.api.v1alpha1.ServiceState;
import online.nexuscos.platform.api.v1alpha1.ServiceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nexusctl status}: a platform at a glance; exit 0 only when it is Ready. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = {"Show a platform: phase, conditions, revisions, active site, services per namespace,",
        "every service, and recent Events. Exit code 0 when the platform is Ready, 1 otherwise."})
final class StatusCommand implements Callable<Integer> {

  static final int EVENT_LIMIT = 10;

  @Spec CommandSpec spec;
  @Mixin KubeOptions kube;

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The platform (default: the only one).")
  String name;

  @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json or yaml (default: ${DEFAULT-VALUE}).")
  Output.Format output;

  @Option(names = {"-w", "--watch"}, description = "Print again whenever it changes, until Ctrl-C.")
  boolean watch;

  @Override
  public Integer call() throws InterruptedException {
    try (KubeOptions k = kube) {
      PrintWriter out = spec.commandLine().getOut();
      String last = null;
      while (true) {
        NexusPlatform p = kube.platform(name);
        List<Event> events = events(p);
        // Redrawn only when the platform or its Events changed, not because an age ticked.
        String key = changeKey(p, events);
        if (!key.equals(last)) {
          out.print(render(p, events));
          out.flush();
          last = key;
        }
        if (!watch) {
          return ready(p) ? 0 : Nexusctl.EXIT_INVALID;
        }
        Thread.sleep(1000);
      }
    }
  }

  /** What --watch compares: the platform's and its Events' resource versions. */
  static String changeKey(NexusPlatform p, List<Event> events) {
    StringBuilder key = new StringBuilder(String.valueOf(p.getMetadata().getResourceVersion()));
    events.forEach(e -> key.append(',').append(e.getMetadata().getName()).append('@').append(e.getMetadata().getResourceVersion())
        .append('#').append(e.getCount()));
    return key.toString();
  }

  static boolean ready(NexusPlatform p) {
    return p.getStatus() != null && p.getStatus().getPhase() == Phase.Ready
        && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration());
  }

  private List<Event> events(NexusPlatform p) {
    try {
      return kube.client().v1().events().inAnyNamespace().list().getItems().stream()
          .filter(e -> e.getInvolvedObject() != null && "NexusPlatform".equals(e.getInvolvedObject().getKind())
              && p.getMetadata().getName().equals(e.getInvolvedObject().getName()))
          .sorted(Comparator.comparing((Event e) -> String.valueOf(e.getLastTimestamp())).reversed())
          .limit(EVENT_LIMIT).toList();
    } catch (KubernetesClientException e) {
      return List.of(); // Events are a courtesy; RBAC may hide them.
    }
  }

  private String render(NexusPlatform p, List<Event> events) {
    return switch (output) {
      case json -> Output.json(view(p, events)) + "\n";
      case yaml -> Output.yaml(view(p, events));
      default -> table(p, events);
    };
  }

  private static Map<String, Object> view(NexusPlatform p, List<Event> events) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", p.getMetadata().getName());
    view.put("generation", p.getMetadata().getGeneration());
    view.put("ready", ready(p));
    view.put("status", p.getStatus());
    view.put("events", events.stream().map(e -> Map.of("type", e.getType(), "reason", e.getReason(),
        "message", e.getMessage(), "lastTimestamp", String.valueOf(e.getLastTimestamp()))).toList());
    return view;
  }

  private static String table(NexusPlatform p, List<Event> events) {
    NexusPlatformStatus s = p.getStatus() == null ? new NexusPlatformStatus() : p.getStatus();
    Instant now = Instant.now();
    StringBuilder sb = new StringBuilder();
    sb.append("Platform:    ").append(p.getMetadata().getName()).append('\n');
    sb.append("Phase:       ").append(s.getPhase() == null ? "Pending" : s.getPhase())
        .append("   (generation ").append(p.getMetadata().getGeneration()).append(", observed ")
        .append(s.getObservedGeneration()).append(")\n");
    sb.append("Services:    ").append(s.getServicesReady() == null ? "-" : s.getServicesReady()).append(" ready\n");
    sb.append("Revision:    current ").append(s.getCurrentRevision()).append(", stable ").append(s.getStableRevision())
        .append(s.getFailedRevision() == null ? "" : ", failed " + s.getFailedRevision() + " (rolled back)").append('\n');
    if (s.getFailover() != null) {
      sb.append("Site:        ").append(s.getFailover().getActiveSite())
          .append(p.getSpec().getFailover() == null ? "" : " (spec: " + p.getSpec().getFailover().getActiveSite() + ")")
          .append(s.getFailover().getCurrent() == null ? "" : ", failing over to " + s.getFailover().getCurrent().getTo()
              + " (" + s.getFailover().getCurrent().getStep() + ")")
          .append('\n');
    }
    sb.append("\nConditions:\n");
    List<List<String>> conditions = new ArrayList<>();
    if (s.getConditions() != null) {
      s.getConditions().forEach(c -> conditions.add(List.of(c.getType(), c.getStatus(), c.getReason(), c.getMessage())));
    }
    sb.append(indent(Output.table(List.of("TYPE", "STATUS", "REASON", "MESSAGE"), conditions)));

    List<ServiceStatus> services = s.getServices() == null ? List.of() : s.getServices();
    Map<String, int[]> perNamespace = new TreeMap<>();
    services.forEach(x -> {
      int[] c = perNamespace.computeIfAbsent(x.getNamespace(), n -> new int[2]);
      c[1]++;
      if (x.getState() == ServiceState.Available) {
        c[0]++;
      }
    });
    sb.append("\nNamespaces:\n");
    sb.append(indent(Output.table(List.of("NAMESPACE", "READY"),
        perNamespace.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue()[0] + "/" + e.getValue()[1])).toList())));
    sb.append("\nServices:\n");
    sb.append(indent(Output.table(List.of("NAMESPACE", "SERVICE", "DESIRED", "READY", "TAG", "STATE", "MESSAGE"),
        services.stream().map(x -> List.of(x.getNamespace(), x.getName(), String.valueOf(x.getDesiredReplicas()),
            String.valueOf(x.getReadyReplicas() == null ? 0 : x.getReadyReplicas()), tag(x.getImage()),
            String.valueOf(x.getState()), x.getMessage() == null ? "" : x.getMessage())).toList())));
    sb.append("\nEvents:\n");
    sb.append(events.isEmpty() ? "  <none>\n" : indent(Output.table(List.of("AGE", "TYPE", "REASON", "MESSAGE"),
        events.stream().map(e -> List.of(Output.age(e.getLastTimestamp(), now), e.getType(), e.getReason(),
            e.getMessage())).toList())));
    return sb.toString();
  }

  private static String tag(String image) {
    if (image == null) {
      return "";
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    return colon > slash ? image.substring(colon + 1) : "latest";
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
  }
}
