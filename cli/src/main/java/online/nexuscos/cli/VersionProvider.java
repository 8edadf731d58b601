package online.nexuscos.cli;

import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import picocli.CommandLine.IVersionProvider;

/** Reports the CLI version and the API version it speaks. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Nexusctl.class.getPackage().getImplementationVersion();
    return new String[] {
      "nexusctl " + (version == null ? "0.1.0-SNAPSHOT" : version),
      "API " + NexusPlatform.GROUP + "/" + NexusPlatform.VERSION
    };
  }
}
