package online.nexuscos.core.model;

import java.util.List;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;

/**
 * One enabled service with every default applied: what the renderers consume, so none of them
 * has to know about defaults or modules.
 *
 * @param replicas the fixed replica count, or the HPA's minimum when {@code autoscaling} is on
 * @param restartedAt this service's own restart request, or null
 */
public record ResolvedService(
    String name,
    String namespace,
    String module,
    String image,
    int port,
    int replicas,
    List<EnvVarSpec> env,
    List<String> envFromSecrets,
    Resources resources,
    Probes probes,
    Autoscaling autoscaling,
    Disruption disruption,
    List<String> dependsOn,
    boolean gateway,
    boolean critical,
    String restartedAt) {

  /** Container requests and limits; null fields are simply not set. */
  public record Resources(String requestCpu, String requestMemory, String limitCpu, String limitMemory) {}

  /** Probe timing. */
  public record Probes(
      int initialDelaySeconds,
      int periodSeconds,
      int timeoutSeconds,
      int failureThreshold,
      int startupFailureThreshold) {}

  /** HPA settings; {@code targetMemory} may be null (CPU only). */
  public record Autoscaling(
      boolean enabled, int minReplicas, int maxReplicas, int targetCpu, Integer targetMemory) {}

  /** PDB settings: exactly one of minAvailable and maxUnavailable is non-null when enabled. */
  public record Disruption(boolean enabled, Integer minAvailable, Integer maxUnavailable) {}
}
