package online.nexuscos.platform.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Sites and failover: which site runs the platform, and when the operator switches to another. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverSpec {

  @JsonPropertyDescription(
      "The site people chose to run on. Changing it fails over (manually) to that site.")
  @Required
  @Pattern(ApiPatterns.DNS_LABEL)
  @Size(max = 63)
  private String activeSite;

  @JsonPropertyDescription(
      "Fail over automatically when the active site stays unhealthy past "
          + "gracePeriodSeconds (default false). Never fails back automatically.")
  private Boolean automatic;

  @JsonPropertyDescription(
      "How long the active site must stay unhealthy before an automatic failover; also "
          + "the least time between two automatic failovers (default 60).")
  @Min(0)
  @Max(86400)
  private Integer gracePeriodSeconds;

  @JsonPropertyDescription(
      "The active site is unhealthy when at least this many critical services are "
          + "unavailable (default 1).")
  @Min(1)
  @Max(1000)
  private Integer criticalUnavailableThreshold;

  @JsonPropertyDescription("Failovers kept in status.failover.history (default 10).")
  @Min(1)
  @Max(100)
  private Integer historyLimit;

  @JsonPropertyDescription("The sites, at least two for failover.")
  @Required
  @Size(min = 1, max = 16)
  private List<SiteSpec> sites;

  public String getActiveSite() {
    return activeSite;
  }

  public void setActiveSite(String activeSite) {
    this.activeSite = activeSite;
  }

  public Boolean getAutomatic() {
    return automatic;
  }

  public void setAutomatic(Boolean automatic) {
    this.automatic = automatic;
  }

  public Integer getGracePeriodSeconds() {
    return gracePeriodSeconds;
  }

  public void setGracePeriodSeconds(Integer gracePeriodSeconds) {
    this.gracePeriodSeconds = gracePeriodSeconds;
  }

  public Integer getCriticalUnavailableThreshold() {
    return criticalUnavailableThreshold;
  }

  public void setCriticalUnavailableThreshold(Integer criticalUnavailableThreshold) {
    this.criticalUnavailableThreshold = criticalUnavailableThreshold;
  }

  public Integer getHistoryLimit() {
    return historyLimit;
  }

  public void setHistoryLimit(Integer historyLimit) {
    this.historyLimit = historyLimit;
  }

  public List<SiteSpec> getSites() {
    return sites;
  }

  public void setSites(List<SiteSpec> sites) {
    this.sites = sites;
  }
}
