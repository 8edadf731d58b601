package online.nexuscos.core.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Prometheus rules of one platform (SLO recording rules, multi-window multi-burn-rate alerts,
 * the platform's operator alerts), from one template: the operator puts them in the platform's
 * PrometheusRule, and promtool's unit tests run on exactly this text (PromtoolRulesTest).
 */
public final class MonitoringRules {

  /** The template on the classpath: a Prometheus rules file with the placeholders below. */
  public static final String TEMPLATE = "online/nexuscos/core/monitoring/platform-rules.yaml";
  /** Replaced by the platform's name (label {@code nexus_platform} of service series, {@code platform} of the operator's). */
  public static final String PLATFORM = "NEXUS_PLATFORM";
  /** Replaced by a regex alternation of the namespaces held to the streaming SLO. */
  public static final String STREAMING_NAMESPACES = "NEXUS_STREAMING_NAMESPACES";
  /** Stands for "no namespace" in the alternation when none is streaming (no namespace is named so). */
  static final String NONE = "__none__";

  private MonitoringRules() {}

  /** The rules file (YAML with {@code groups:}) for {@code platform}. */
  public static String forPlatform(String platform, List<String> streamingNamespaces) {
    // Namespace names are DNS labels (validated): letters, digits and '-', nothing a regex reads specially.
    String alternation = streamingNamespaces.isEmpty() ? NONE : String.join("|", streamingNamespaces);
    return template().replace(PLATFORM, platform).replace(STREAMING_NAMESPACES, alternation);
  }

  private static String template() {
    try (InputStream in = MonitoringRules.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + TEMPLATE, e);
    }
  }
}
