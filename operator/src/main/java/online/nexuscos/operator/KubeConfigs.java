package online.nexuscos.operator;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds a client configuration the way kubectl finds one (explicit file, else $KUBECONFIG,
 * ~/.kube/config, in-cluster), shared by the operator and nexusctl.
 */
public final class KubeConfigs {

  private KubeConfigs() {}

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
