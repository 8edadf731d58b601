package online.nexuscos.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import online.nexuscos.core.model.ChildKey;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.status.ConditionType;
import online.nexuscos.core.status.Conditions;
import online.nexuscos.core.validation.PlatformDocuments;
import online.nexuscos.platform.api.v1alpha1.FailoverOutcome;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverTrigger;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.Phase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 11's fault-injection suite, in the sandbox: per seed, a platform is created, rolled out
 * to a new version, given a broken release (rolled back automatically) and failed over when its
 * primary zone goes down, while a seeded fraction of the operator's requests fail (500, 409,
 * lost responses, refused and dropped watches) and the operator is killed at seeded writes of
 * each phase and restarted. Every run must end converged on the secondary site, at the restored
 * release, with every object the platform should have and nothing else, and with each action
 * (revision recorded, rollback, failover) done exactly once. {@code -Dnexus.faults.seed} and
 * {@code -Dnexus.faults.runs} choose the seeds; a table of runs goes to target/fault-injection.txt.
 */
class FaultInjectionIT {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FaultInjectionIT.class);
  private static final String NAME = "faults";
  private static final long BASE_SEED = Long.getLong("nexus.faults.seed", 20261202L);
  private static final int RUNS = Integer.getInteger("nexus.faults.runs", 50);
  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(90);
  private static final List<String> REPORT = new ArrayList<>();
  private static final String PLATFORM = """
      apiVersion: platform.nexuscos.online/v1alpha1
      kind: NexusPlatform
      metadata:
        name: faults
      spec:
        version: "1.0.0"
        imageRegistry: ghcr.io/nexus-cos
        namespaces:
          - name: faults-core
          - name: faults-edge
        defaults:
          replicas: 1
          podDisruptionBudget: {enabled: true, maxUnavailable: 1}
        services:
          - {name: gateway, namespace: faults-edge, port: 3000, dependsOn: [api], gateway: true, critical: true}
          - {name: api, namespace: faults-core, port: 3001, dependsOn: [auth, store], critical: true}
          - {name: auth, namespace: faults-core, port: 3002, autoscaling: {enabled: true, minReplicas: 1, maxReplicas: 3}}
          - {name: store, namespace: faults-core, port: 3003, replicas: 2}
        rollout: {progressDeadlineSeconds: 30, order: dependencies}
        failover:
          activeSite: primary
          automatic: true
          gracePeriodSeconds: 1
          sites:
            - name: primary
              placement: {nodeSelector: {topology.kubernetes.io/zone: zone-a}}
            - name: secondary
              placement: {nodeSelector: {topology.kubernetes.io/zone: zone-b}}
      """;

  @TestFactory
  Stream<DynamicTest> seededRunsConvergeOrRollBackWithNothingLostAndNothingDoneTwice() {
    REPORT.add(String.format("%-10s %-5s %5s %5s %5s %5s %5s  %-44s %6s", "seed", "frac", "500", "409", "lost",
        "w-ref", "w-drop", "kills (phase@write, +landed = the write landed)", "secs"));
    return IntStream.range(0, RUNS).mapToObj(i -> BASE_SEED + i)
        .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> run(seed)));
  }

  @AfterAll
  static void writeReport() throws IOException {
    Path target = Path.of("target");
    Files.createDirectories(target);
    Files.write(target.resolve("fault-injection.txt"), REPORT);
    REPORT.forEach(System.out::println);
  }

  private void run(long seed) throws Exception {
    long started = System.nanoTime();
    double fraction = new double[] {0.02, 0.05, 0.10}[(int) Math.floorMod(seed, 3L)];
    AtomicInteger incarnation = new AtomicInteger();
    ScheduledExecutorService restarter = Executors.newSingleThreadScheduledExecutor();
    SandboxOptions options = SandboxOptions.defaults().withReadyDelay(Duration.ofMillis(100)).withResyncPeriod(Duration.ofSeconds(2));
    try (Sandbox sandbox = Sandbox.start(options)) {
      sandbox.stopOperator();
      Random pause = new Random(seed ^ 0x5eed);
      ExecutorService reaper = Executors.newCachedThreadPool();
      SeededFaults faults = new SeededFaults(seed, fraction, dead -> restarter.execute(() -> {
        // Cut off at the API server already; its threads are stopped on the side, as a killed pod's vanish.
        AutoCloseable killed = sandbox.detachOperator();
        reaper.execute(() -> logged("stopping " + dead, () -> closeQuietly(killed)));
        restarter.schedule(() -> logged("starting the next operator", () -> startIncarnation(sandbox, incarnation)),
            pause.nextInt(500), TimeUnit.MILLISECONDS);
      }));
      sandbox.apiServer().setFaultPolicy(faults);
      startIncarnation(sandbox, incarnation);
      try {
        phases(sandbox, faults);
        sandbox.apiServer().setFaultPolicy(FaultPolicy.NONE);
        verify(sandbox);
      } finally {
        var c = faults.counts();
        REPORT.add(String.format("%-10d %-5.2f %5d %5d %5d %5d %5d  %-44s %6.1f", seed, fraction,
            c.get(SeededFaults.Fault.SERVER_ERROR), c.get(SeededFaults.Fault.CONFLICT), c.get(SeededFaults.Fault.LOST_RESPONSE),
            c.get(SeededFaults.Fault.WATCH_REFUSED), c.get(SeededFaults.Fault.WATCH_DROPPED), String.join(" ", faults.kills()),
            (System.nanoTime() - started) / 1e9));
        restarter.shutdown();
        restarter.awaitTermination(30, TimeUnit.SECONDS);
        reaper.shutdown();
        reaper.awaitTermination(30, TimeUnit.SECONDS);
        faults.close();
      }
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void logged(String what, Runnable action) {
    LOG.info("fault injection: {}", what);
    try {
      action.run();
    } catch (RuntimeException e) {
      LOG.error("fault injection: {} failed", what, e);
      throw e;
    }
  }

  /** An operator pod with the production client's retry settings, told apart by its user agent. */
  private static void startIncarnation(Sandbox sandbox, AtomicInteger incarnation) {
    sandbox.startOperator(Sandbox.OPERATOR_AGENT + "/" + incarnation.incrementAndGet(), b -> b.editOrNewConfig()
        .withRequestRetryBackoffLimit(Config.DEFAULT_REQUEST_RETRY_BACKOFFLIMIT)
        .withRequestRetryBackoffInterval(Config.DEFAULT_REQUEST_RETRY_BACKOFFINTERVAL)
        .endConfig());
  }

  private static void phases(Sandbox sandbox, SeededFaults faults) throws Exception {
    KubernetesClient client = sandbox.client();
    faults.phase("create");
    sandbox.apply(PlatformDocuments.parse("faults.yaml", PLATFORM).get(0));
    awaitPlatform(client, "create", p -> ready(p) && p.getStatus().getStableRevision() != null && p.getStatus().getStableRevision() == 1);

    faults.phase("rollout");
    edit(client, p -> p.getSpec().setVersion("2.0.0"));
    awaitPlatform(client, "rollout", p -> ready(p) && Integer.valueOf(2).equals(p.getStatus().getStableRevision()));

    faults.phase("rollback");
    edit(client, p -> {
      service(p, "store").setTag("broken-2.0.1");
      p.getSpec().getRollout().setProgressDeadlineSeconds(4); // part of the release: fails in 4 s, not 30
    });
    awaitPlatform(client, "rollback", p -> p.getStatus().getPhase() == Phase.Ready
        && Conditions.isTrue(p.getStatus().getConditions(), ConditionType.ROLLED_BACK)
        && Integer.valueOf(3).equals(p.getStatus().getFailedRevision()));

    faults.phase("failover");
    sandbox.kubelet().setZoneReady("zone-a", false);
    awaitPlatform(client, "failover", p -> p.getStatus().getPhase() == Phase.Ready && p.getStatus().getFailover() != null
        && "secondary".equals(p.getStatus().getFailover().getActiveSite()) && p.getStatus().getFailover().getCurrent() == null);
  }

  /** The end state, read without faults: converged, nothing lost or extra, every action once. */
  private static void verify(Sandbox sandbox) throws Exception {
    KubernetesClient client = sandbox.client();
    NexusPlatform live = client.resources(NexusPlatform.class).withName(NAME).get();
    var status = live.getStatus();
    assertThat(status.getCurrentRevision()).as("running the restored release").isEqualTo(2);
    assertThat(status.getStableRevision()).isEqualTo(2);
    assertThat(status.getFailedRevision()).isEqualTo(3);

    List<ControllerRevision> revisions = client.apps().controllerRevisions().inAnyNamespace()
        .withLabel(Labels.INSTANCE, NAME).list().getItems();
    assertThat(revisions).as("each release recorded once").extracting(ControllerRevision::getRevision)
        .containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(revisions).as("named by their content hash: three different releases")
        .extracting(r -> r.getMetadata().getName()).doesNotHaveDuplicates();

    List<FailoverRecord> history = status.getFailover().getHistory();
    assertThat(history).as("one failover, succeeded: " + client.getKubernetesSerialization().asYaml(status.getFailover()))
        .singleElement().satisfies(r -> {
      assertThat(r.getFrom()).isEqualTo("primary");
      assertThat(r.getTo()).isEqualTo("secondary");
      assertThat(r.getTrigger()).isEqualTo(FailoverTrigger.Automatic);
      assertThat(r.getOutcome()).isEqualTo(FailoverOutcome.Succeeded);
    });
    assertThat(events(client, "RolledBack")).as("rolled back once").isLessThanOrEqualTo(1);
    assertThat(events(client, "FailoverStarted")).as("failed over once").isLessThanOrEqualTo(1);

    // The objects of release 2 on the secondary site: every one present as rendered, nothing else.
    NexusPlatform release2 = PlatformDocuments.parse("faults.yaml", PLATFORM).get(0);
    release2.getSpec().setVersion("2.0.0");
    release2.setMetadata(live.getMetadata());
    Map<ChildKey, String> desired = new HashMap<>();
    PlatformRenderer.render(PlatformResolver.resolve(release2, "secondary", false))
        .forEach(o -> desired.put(ChildKey.of(o), o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)));
    // Ready speaks of the services; the other children (an HPA removed while fencing) may follow in
    // the next reconciles: they must all be there, converged, within a few resyncs.
    // Polled in this thread and kept as a snapshot: a timeout then reports the last complete read
    // (polling on awaitility's own thread could be cut off mid-read and report an empty map).
    java.util.concurrent.atomic.AtomicReference<Map<ChildKey, String>> actual =
        new java.util.concurrent.atomic.AtomicReference<>(Map.of());
    try {
      await("objects converge").atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(200))
          .until(() -> {
            Map<ChildKey, String> read = new HashMap<>();
            managed(client).forEach(o -> read.put(ChildKey.of(o), o.getMetadata().getAnnotations() == null ? null
                : o.getMetadata().getAnnotations().get(Labels.DESIRED_HASH)));
            actual.set(read);
            return read.equals(desired);
          });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      assertThat(actual.get()).as("the platform's objects, by desired hash").isEqualTo(desired);
    }
  }

  private static List<HasMetadata> managed(KubernetesClient client) {
    List<HasMetadata> all = new ArrayList<>();
    all.addAll(client.namespaces().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.apps().deployments().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.services().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.configMaps().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.policy().v1().podDisruptionBudget().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    all.addAll(client.network().v1().networkPolicies().inAnyNamespace().withLabel(Labels.INSTANCE, NAME).list().getItems());
    return all;
  }

  private static long events(KubernetesClient client, String reason) {
    return client.v1().events().inAnyNamespace().list().getItems().stream()
        .filter(e -> reason.equals(e.getReason())).mapToLong(e -> e.getCount() == null ? 1 : e.getCount()).sum();
  }

  private static boolean ready(NexusPlatform p) {
    return p.getStatus().getPhase() == Phase.Ready && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration());
  }

  private static online.nexuscos.platform.api.v1alpha1.ServiceSpec service(NexusPlatform p, String name) {
    return p.getSpec().getServices().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static void awaitPlatform(KubernetesClient client, String phase, Predicate<NexusPlatform> condition) {
    NexusPlatform[] last = new NexusPlatform[1];
    try {
      await(phase).atMost(PHASE_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
        last[0] = client.resources(NexusPlatform.class).withName(NAME).get();
        return last[0] != null && last[0].getStatus() != null && condition.test(last[0]);
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      LOG.error("fault injection: phase {} timed out; operator threads:\n{}", phase, operatorThreads());
      throw new AssertionError("phase " + phase + " did not finish in " + PHASE_TIMEOUT + "; the platform:\n"
          + client.getKubernetesSerialization().asYaml(last[0]), e);
    }
  }

  /** Stacks of the threads that run the operator, for a run that got stuck. */
  private static String operatorThreads() {
    StringBuilder sb = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      String name = thread.getName();
      if (name.startsWith("Controller Starter") || name.startsWith("ReconcilerExecutor") || name.startsWith("pool-")
          || name.startsWith("Thread-") || name.contains("Informer") || name.contains("informer")) {
        sb.append(name).append(" (").append(thread.getState()).append(")\n");
        for (StackTraceElement frame : java.util.Arrays.copyOf(stack, Math.min(stack.length, 25))) {
          sb.append("    at ").append(frame).append('\n');
        }
      }
    });
    return sb.toString();
  }

  /** A user's edit, retried on 409 as kubectl edit asks the user to. */
  private static void edit(KubernetesClient client, java.util.function.Consumer<NexusPlatform> change) {
    await().atMost(Duration.ofSeconds(30)).ignoreExceptionsMatching(e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(() -> client.resources(NexusPlatform.class).withName(NAME).edit(p -> {
          change.accept(p);
          return p;
        }), java.util.Objects::nonNull);
  }
}
