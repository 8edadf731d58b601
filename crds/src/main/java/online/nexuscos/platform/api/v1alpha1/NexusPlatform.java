package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The whole Nexus COS platform as one cluster-scoped resource; cluster-scoped because it owns
 * namespaces. It deliberately does not implement {@link Namespaced}.
 */
@Group(NexusPlatform.GROUP)
@Version(NexusPlatform.VERSION)
@Kind("NexusPlatform")
@Plural("nexusplatforms")
@Singular("nexusplatform")
@ShortNames("nxp")
@Categories("nexus")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.servicesReady", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Revision", jsonPath = ".status.currentRevision", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Version", jsonPath = ".spec.version", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Site", jsonPath = ".status.failover.activeSite", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class NexusPlatform extends CustomResource<NexusPlatformSpec, NexusPlatformStatus> {

  public static final String GROUP = "platform.nexuscos.online";
  public static final String VERSION = "v1alpha1";

  /**
   * Fields of this object (as read from the API server) that this version cannot read, by field
   * path, with the reason; they read as unset. Filled by the operator's reader, never serialized.
   */
  @JsonIgnore
  private Map<String, String> unreadableFields = Map.of();

  @JsonIgnore
  public Map<String, String> getUnreadableFields() {
    return unreadableFields;
  }

  @JsonIgnore
  public void setUnreadableFields(Map<String, String> unreadableFields) {
    this.unreadableFields = Map.copyOf(unreadableFields);
  }
}
