package online.nexuscos.platform.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where a site's pods may run: a node selector and/or required node affinity expressions (all must match). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PlacementSpec {

  @JsonPropertyDescription("Node labels the pods require, e.g. topology.kubernetes.io/zone: zone-a.")
  @Size(max = 16)
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Required node affinity expressions.")
  @Size(max = 16)
  private List<NodeRequirement> matchExpressions;

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<NodeRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<NodeRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }
}
