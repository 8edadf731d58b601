package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A site the platform can run on: where its pods go and which data stores they use. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SiteSpec {

  @JsonPropertyDescription("Site name (DNS-1123 label), e.g. primary.")
  @Required
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String name;

  @JsonPropertyDescription("Where the site's pods run.")
  @Required
  private PlacementSpec placement;

  @JsonPropertyDescription("The site's data store endpoints.")
  private DataStoresSpec dataStores;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public PlacementSpec getPlacement() {
    return placement;
  }

  public void setPlacement(PlacementSpec placement) {
    this.placement = placement;
  }

  public DataStoresSpec getDataStores() {
    return dataStores;
  }

  public void setDataStores(DataStoresSpec dataStores) {
    this.dataStores = dataStores;
  }
}
