package online.nexuscos.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Builds a client configuration the way kubectl finds one (explicit file, else $KUBECONFIG,
 * ~/.kube/config, in-cluster), shared by the operator and nexusctl.
 */
public final class KubeConfigs {

  private KubeConfigs() {}

  /**
   * How the operator and nexusctl read what the API server returns: a field this version does not
   * know is ignored; a NexusPlatform value it cannot read (wrong type, out of range, an enum value
   * of a newer CRD) reads as unset and is recorded on the object ({@link TolerantPlatformReader}).
   * One such resource then can never fail an informer's list, which would stop the operator for
   * every platform. Equal string values are read as one instance ({@link InterningStrings}).
   */
  public static KubernetesSerialization lenientSerialization() {
    ObjectMapper mapper = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .registerModule(new SimpleModule("nexus-tolerant-reading")
            .addDeserializer(NexusPlatform.class, new TolerantPlatformReader())
            .addDeserializer(String.class, new InterningStrings()));
    return new KubernetesSerialization(mapper, true);
  }

  /** A client for {@code config} that reads leniently ({@link #lenientSerialization()}). */
  public static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(config).withKubernetesSerialization(lenientSerialization()).build();
  }

  /** @param kubeconfig an explicit kubeconfig file, or null for the usual search */
  public static Config load(Path kubeconfig, String context) throws IOException {
    Config config = kubeconfig != null
        ? Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString())
        : Config.autoConfigure(context);
    if (config.getMasterUrl() != null && config.getMasterUrl().startsWith("http://")) {
      // Over cleartext the JDK client would try an HTTP/2 upgrade (h2c), which servers such as
      // the sandbox's do not always answer: a request could hang past its timeout. Real API
      // servers use TLS, where HTTP/2 is negotiated safely.
      config.setHttp2Disable(true);
    }
    return config;
  }
}
