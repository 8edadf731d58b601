package online.nexuscos.core.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvFromSourceBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.core.model.Names;
import online.nexuscos.core.model.ResolvedPlatform;
import online.nexuscos.core.model.ResolvedService;

/**
 * Renders a service's Deployment: health probes on /health/live, /health/ready and /health, a
 * metrics port with scrape annotations, the Pod Security "restricted" profile, topology spread.
 */
public final class DeploymentRenderer {

  /** The uid of the "node" user of the official Node.js images. */
  static final long RUN_AS_USER = 1000L;

  private DeploymentRenderer() {}

  public static Deployment render(ResolvedPlatform platform, ResolvedService s) {
    Map<String, String> labels = serviceLabels(platform, s);
    Map<String, String> podLabels = new LinkedHashMap<>(labels);
    if (s.gateway()) {
      podLabels.put(Labels.GATEWAY, "true");
    }
    Map<String, String> podAnnotations = new LinkedHashMap<>();
    podAnnotations.put("prometheus.io/scrape", "true");
    podAnnotations.put("prometheus.io/port", Integer.toString(s.port()));
    podAnnotations.put("prometheus.io/path", "/metrics");
    if (platform.rollout().restartedAt() != null) {
      podAnnotations.put(Labels.RESTARTED_AT, platform.rollout().restartedAt());
    }
    if (s.restartedAt() != null) {
      podAnnotations.put(Labels.SERVICE_RESTARTED_AT, s.restartedAt());
    }
    ResolvedPlatform.Site site = platform.site();
    if (site != null) {
      podAnnotations.put(Labels.ENDPOINTS_CHECKSUM, SiteEndpointsConfigMapRenderer.checksum(site));
    }
    boolean hpa = s.autoscaling().enabled() && !platform.fenced();

    ResolvedPlatform.Rollout rollout = platform.rollout();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(Names.deployment(s.name()))
        .withNamespace(s.namespace())
        .withLabels(labels)
        .withAnnotations(hpa ? Map.of(Labels.REPLICAS_OWNER, "hpa") : null)
        .endMetadata()
        .withNewSpec()
        .withReplicas(platform.fenced() ? 0 : s.replicas())
        .withRevisionHistoryLimit(5)
        .withProgressDeadlineSeconds(rollout.progressDeadlineSeconds())
        .withNewSelector()
        .withMatchLabels(Labels.selector(platform.name(), s.name()))
        .endSelector()
        .withNewStrategy()
        .withType("RollingUpdate")
        .withNewRollingUpdate()
        .withMaxUnavailable(intOrPercent(rollout.maxUnavailable()))
        .withMaxSurge(intOrPercent(rollout.maxSurge()))
        .endRollingUpdate()
        .endStrategy()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(podAnnotations)
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withImagePullSecrets(
            platform.imagePullSecrets().stream().map(LocalObjectReference::new).toList())
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(RUN_AS_USER)
        .withRunAsGroup(RUN_AS_USER)
        .withFsGroup(RUN_AS_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withTopologySpreadConstraints(spread(platform, s))
        .withNodeSelector(site == null || site.nodeSelector().isEmpty() ? null : new LinkedHashMap<>(site.nodeSelector()))
        .withAffinity(affinity(site))
        .withContainers(container(s, site))
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Labels of every per-service object (Deployment, Service, HPA, PDB). */
  static Map<String, String> serviceLabels(ResolvedPlatform platform, ResolvedService s) {
    Map<String, String> labels = Labels.common(platform.name(), s.name(), Labels.COMPONENT_SERVICE);
    if (s.module() != null) {
      labels.put(Labels.MODULE, s.module());
    }
    return labels;
  }

  private static io.fabric8.kubernetes.api.model.Affinity affinity(ResolvedPlatform.Site site) {
    if (site == null || site.matchExpressions().isEmpty()) {
      return null;
    }
    return new io.fabric8.kubernetes.api.model.AffinityBuilder()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .withMatchExpressions(site.matchExpressions().stream()
            .map(r -> new io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder()
                .withKey(r.getKey()).withOperator(r.getOperator())
                .withValues(r.getValues() == null || r.getValues().isEmpty() ? null : r.getValues()).build())
            .toList())
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .build();
  }

  private static Container container(ResolvedService s, ResolvedPlatform.Site site) {
    ResolvedService.Resources r = s.resources();
    return new ContainerBuilder()
        .withName(Names.CONTAINER)
        .withImage(s.image())
        .withImagePullPolicy("IfNotPresent")
        .addNewPort()
        .withName(Names.PORT_NAME)
        .withContainerPort(s.port())
        .withProtocol("TCP")
        .endPort()
        .withEnv(env(s))
        .withEnvFrom(envFrom(s, site))
        .withResources(
            new ResourceRequirementsBuilder()
                .addToRequests(quantities(r.requestCpu(), r.requestMemory()))
                .addToLimits(quantities(r.limitCpu(), r.limitMemory()))
                .build())
        .withLivenessProbe(probe("/health/live", s.probes(), s.probes().failureThreshold(), true))
        .withReadinessProbe(probe("/health/ready", s.probes(), s.probes().failureThreshold(), true))
        .withStartupProbe(probe("/health", s.probes(), s.probes().startupFailureThreshold(), false))
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withRunAsNonRoot(true)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .build();
  }

  private static List<EnvVar> env(ResolvedService s) {
    List<EnvVar> env = new ArrayList<>();
    env.add(new EnvVarBuilder().withName("PORT").withValue(Integer.toString(s.port())).build());
    env.add(new EnvVarBuilder().withName("SERVICE_NAME").withValue(s.name()).build());
    for (var e : s.env()) {
      EnvVarBuilder b = new EnvVarBuilder().withName(e.getName());
      if (e.getSecretKeyRef() != null) {
        b.withNewValueFrom()
            .withNewSecretKeyRef()
            .withName(e.getSecretKeyRef().getName())
            .withKey(e.getSecretKeyRef().getKey())
            .withOptional(e.getSecretKeyRef().getOptional())
            .endSecretKeyRef()
            .endValueFrom();
      } else {
        b.withValue(e.getValue());
      }
      env.add(b.build());
    }
    return env;
  }

  private static List<EnvFromSource> envFrom(ResolvedService s, ResolvedPlatform.Site site) {
    List<EnvFromSource> from = new ArrayList<>();
    from.add(
        new EnvFromSourceBuilder()
            .withNewConfigMapRef()
            .withName(Names.SETTINGS_CONFIG_MAP)
            .endConfigMapRef()
            .build());
    if (site != null) {
      from.add(new EnvFromSourceBuilder().withNewConfigMapRef().withName(Names.SITE_ENDPOINTS_CONFIG_MAP)
          .endConfigMapRef().build());
      site.credentials().forEach((prefix, secret) -> from.add(new EnvFromSourceBuilder().withPrefix(prefix)
          .withNewSecretRef().withName(secret).withOptional(true).endSecretRef().build()));
    }
    for (String secret : s.envFromSecrets()) {
      from.add(new EnvFromSourceBuilder().withNewSecretRef().withName(secret).endSecretRef().build());
    }
    return from;
  }

  private static Map<String, Quantity> quantities(String cpu, String memory) {
    Map<String, Quantity> q = new LinkedHashMap<>();
    if (cpu != null) {
      q.put("cpu", new Quantity(cpu));
    }
    if (memory != null) {
      q.put("memory", new Quantity(memory));
    }
    return q;
  }

  private static Probe probe(
      String path, ResolvedService.Probes p, int failureThreshold, boolean delayed) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString(Names.PORT_NAME))
        .withScheme("HTTP")
        .endHttpGet()
        .withInitialDelaySeconds(delayed ? p.initialDelaySeconds() : 0)
        .withPeriodSeconds(p.periodSeconds())
        .withTimeoutSeconds(p.timeoutSeconds())
        .withFailureThreshold(failureThreshold)
        .withSuccessThreshold(1)
        .build();
  }

  private static List<TopologySpreadConstraint> spread(ResolvedPlatform platform, ResolvedService s) {
    List<TopologySpreadConstraint> constraints = new ArrayList<>();
    for (String key : List.of("topology.kubernetes.io/zone", "kubernetes.io/hostname")) {
      constraints.add(
          new TopologySpreadConstraintBuilder()
              .withMaxSkew(1)
              .withTopologyKey(key)
              .withWhenUnsatisfiable("ScheduleAnyway")
              .withNewLabelSelector()
              .withMatchLabels(Labels.selector(platform.name(), s.name()))
              .endLabelSelector()
              .build());
    }
    return constraints;
  }

  /** "25%" stays a string; "1" becomes the integer 1, as the Deployment API expects. */
  static IntOrString intOrPercent(String value) {
    return value.endsWith("%") ? new IntOrString(value) : new IntOrString(Integer.parseInt(value));
  }
}
