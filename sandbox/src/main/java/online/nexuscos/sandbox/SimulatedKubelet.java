package online.nexuscos.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Simulation of what a cluster's own controllers do, for the sandbox: it creates Nodes in zones
 * and plays the Deployment controller and kubelets (see {@link DeploymentSimulation}). A Node's
 * readiness follows its label {@value #READY_LABEL} ("false" makes it NotReady), so both tests
 * and a person with kubectl can take nodes or whole zones down.
 */
public final class SimulatedKubelet implements AutoCloseable {

  public static final String READY_LABEL = "sandbox.nexuscos.online/ready";
  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedKubelet.class);

  /** What the simulation remembers of one Deployment's rollout. */
  private record Rollout(long generation, Instant start, boolean completed) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration readyDelay;
  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "sandbox-kubelet"));
  private final Map<String, Rollout> rollouts = new ConcurrentHashMap<>();
  private final KubernetesSerialization json = new KubernetesSerialization();
  private SharedIndexInformer<Deployment> deployments;
  private SharedIndexInformer<Node> nodes;

  public SimulatedKubelet(KubernetesClient client, Clock clock, Duration readyDelay) {
    this.client = client;
    this.clock = clock;
    this.readyDelay = readyDelay;
  }

  /** Creates {@code perZone} Ready nodes in each zone, then starts simulating. */
  public void start(List<String> zones, int perZone) {
    for (String zone : zones) {
      for (int i = 1; i <= perZone; i++) {
        createNode(nodeName(zone, i), zone);
      }
    }
    nodes = client.nodes().inform(handler(n -> loop.execute(() -> syncNode(n.getMetadata().getName()))));
    deployments = client.apps().deployments().inAnyNamespace().inform(handler(d -> loop.execute(() -> sync(key(d)))));
  }

  public static String nodeName(String zone, int index) {
    return "sandbox-" + zone + "-" + index;
  }

  /** Makes every node of {@code zone} Ready or NotReady (through the same label kubectl users set). */
  public void setZoneReady(String zone, boolean ready) {
    for (Node n : client.nodes().withLabel(ZONE_LABEL, zone).list().getItems()) {
      setNodeReady(n.getMetadata().getName(), ready);
    }
  }

  public void setNodeReady(String node, boolean ready) {
    client.nodes().withName(node).edit(n -> {
      n.getMetadata().getLabels().put(READY_LABEL, Boolean.toString(ready));
      return n;
    });
  }

  private void createNode(String name, String zone) {
    Node node = new NodeBuilder()
        .withNewMetadata().withName(name)
        .addToLabels("kubernetes.io/hostname", name)
        .addToLabels("kubernetes.io/os", "linux")
        .addToLabels(ZONE_LABEL, zone)
        .addToLabels("topology.kubernetes.io/region", "sandbox")
        .addToLabels(READY_LABEL, "true")
        .addToAnnotations("sandbox.nexuscos.online/simulated", "true")
        .endMetadata()
        .withNewSpec().endSpec()
        .build();
    client.nodes().resource(node).create();
    writeNodeStatus(name, true);
  }

  private void syncNode(String name) {
    Node node = nodes.getStore().getByKey(name);
    if (node == null) {
      return;
    }
    boolean wanted = !"false".equals(node.getMetadata().getLabels().get(READY_LABEL));
    if (NodePlacement.ready(node) != wanted) {
      LOG.info("Simulated node {} is now {}", name, wanted ? "Ready" : "NotReady");
      writeNodeStatus(name, wanted);
    }
    deployments.getStore().list().forEach(d -> sync(key(d)));
  }

  private void writeNodeStatus(String name, boolean ready) {
    NodeCondition condition = new NodeConditionBuilder().withType("Ready")
        .withStatus(ready ? "True" : "False")
        .withReason(ready ? "KubeletReady" : "NodeStatusUnknown")
        .withMessage(ready ? "simulated kubelet is posting ready status" : "simulated: node made NotReady")
        .withLastTransitionTime(Instant.now(clock).toString())
        .withLastHeartbeatTime(Instant.now(clock).toString())
        .build();
    client.nodes().withName(name).editStatus(n -> {
      n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
          .withConditions(condition)
          .addToCapacity(Map.of("cpu", new Quantity("8"), "memory", new Quantity("32Gi"), "pods", new Quantity("110")))
          .addToAllocatable(Map.of("cpu", new Quantity("8"), "memory", new Quantity("32Gi"), "pods", new Quantity("110")))
          .withNewNodeInfo().withKubeletVersion("v1.31.0-sandbox").withOperatingSystem("linux")
          .withArchitecture("amd64").withContainerRuntimeVersion("simulated://1.0").withOsImage("sandbox")
          .withKernelVersion("n/a").withKubeProxyVersion("n/a").withMachineID(name).withSystemUUID(name)
          .withBootID(name).endNodeInfo()
          .build());
      return n;
    });
  }

  /** Brings one Deployment's status to what the simulation says it is now. */
  private void sync(String key) {
    Deployment d = deployments.getStore().getByKey(key);
    if (d == null) {
      rollouts.remove(key);
      return;
    }
    long generation = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    Instant now = Instant.now(clock);
    Rollout rollout = rollouts.compute(key, (k, r) -> r != null && r.generation() == generation ? r
        : new Rollout(generation, now, false));
    var outcome = DeploymentSimulation.simulate(d, rollout.start(), rollout.completed(), now, readyDelay, schedulable(d));
    if (outcome.completed() && !rollout.completed()) {
      rollouts.put(key, new Rollout(generation, rollout.start(), true));
    }
    if (!sameStatus(d.getStatus(), outcome.status())) {
      stamp(outcome.status(), d.getStatus(), now);
      try {
        client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName())
            .editStatus(live -> {
              live.setStatus(outcome.status());
              return live;
            });
      } catch (KubernetesClientException e) {
        LOG.debug("Simulated status of {} not written ({}); retrying", key, e.getMessage());
        loop.schedule(() -> sync(key), 200, TimeUnit.MILLISECONDS);
        return;
      }
    }
    if (outcome.nextCheck() != null) {
      long delay = Math.max(0, Duration.between(now, outcome.nextCheck()).toMillis()) + 5;
      loop.schedule(() -> sync(key), delay, TimeUnit.MILLISECONDS);
    }
  }

  private boolean schedulable(Deployment d) {
    var pod = d.getSpec().getTemplate().getSpec();
    return nodes.getStore().list().stream().anyMatch(n -> NodePlacement.ready(n) && NodePlacement.admits(pod, n));
  }

  /** Conditions keep their times while unchanged, as the real controller does. */
  private static void stamp(DeploymentStatus next, DeploymentStatus previous, Instant now) {
    for (var c : next.getConditions()) {
      var old = previous == null || previous.getConditions() == null ? null : previous.getConditions().stream()
          .filter(p -> p.getType().equals(c.getType())).findFirst().orElse(null);
      boolean same = old != null && Objects.equals(old.getStatus(), c.getStatus());
      c.setLastTransitionTime(same && old.getLastTransitionTime() != null ? old.getLastTransitionTime() : now.toString());
      c.setLastUpdateTime(same && Objects.equals(old.getReason(), c.getReason()) && old.getLastUpdateTime() != null
          ? old.getLastUpdateTime() : now.toString());
    }
  }

  private boolean sameStatus(DeploymentStatus current, DeploymentStatus next) {
    if (current == null) {
      return false;
    }
    var a = json.convertValue(current, DeploymentStatus.class);
    var b = json.convertValue(next, DeploymentStatus.class);
    List<DeploymentStatus> both = new ArrayList<>(List.of(a, b));
    both.forEach(s -> {
      if (s.getConditions() != null) {
        s.getConditions().forEach(c -> {
          c.setLastTransitionTime(null);
          c.setLastUpdateTime(null);
        });
      }
    });
    return json.asJson(a).equals(json.asJson(b));
  }

  private static String key(Deployment d) {
    return d.getMetadata().getNamespace() + "/" + d.getMetadata().getName();
  }

  private static <T> ResourceEventHandler<T> handler(java.util.function.Consumer<T> onChange) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        onChange.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onChange.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onChange.accept(obj);
      }
    };
  }

  @Override
  public void close() {
    if (deployments != null) {
      deployments.close();
    }
    if (nodes != null) {
      nodes.close();
    }
    loop.shutdownNow();
  }
}
