package online.nexuscos.core.validation;

import java.util.HashSet;
import java.util.Set;
import online.nexuscos.platform.api.v1alpha1.DataStoreSpec;
import online.nexuscos.platform.api.v1alpha1.DataStoresSpec;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.NodeRequirement;
import online.nexuscos.platform.api.v1alpha1.PlacementSpec;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;

/** The rules of spec.failover no schema can express: unique sites, the active site, placements, pairs. */
final class FailoverRules {

  private final Checks c;

  FailoverRules(Checks c) {
    this.c = c;
  }

  void failover(FailoverSpec f) {
    if (f == null) {
      return;
    }
    String path = "spec.failover";
    Set<String> names = new HashSet<>();
    for (var entry : Checks.list(path + ".sites", f.getSites()).entrySet()) {
      SiteSpec site = entry.getValue();
      String p = entry.getKey();
      if (site.getName() != null && !names.add(site.getName())) {
        c.error(p + ".name", "site " + site.getName() + " is listed twice", "remove the duplicate");
      }
      placement(p + ".placement", site.getPlacement());
      DataStoresSpec stores = site.getDataStores();
      if (stores != null) {
        credentials(p + ".dataStores.postgresql", stores.getPostgresql());
        credentials(p + ".dataStores.mongodb", stores.getMongodb());
        credentials(p + ".dataStores.redis", stores.getRedis());
        credentials(p + ".dataStores.rabbitmq", stores.getRabbitmq());
      }
    }
    if (f.getActiveSite() != null && !names.isEmpty() && !names.contains(f.getActiveSite())) {
      c.error(path + ".activeSite", "site " + f.getActiveSite() + " is not declared", "name one of " + names);
    }
    if (Boolean.TRUE.equals(f.getAutomatic()) && names.size() < 2) {
      c.error(path + ".automatic", "automatic failover needs a second site", "declare a standby site or set automatic: false");
    }
  }

  void placement(String path, PlacementSpec placement) {
    if (placement == null) {
      return; // required: the schema reports it
    }
    boolean empty = (placement.getNodeSelector() == null || placement.getNodeSelector().isEmpty())
        && (placement.getMatchExpressions() == null || placement.getMatchExpressions().isEmpty());
    if (empty) {
      c.error(path, "is empty, so the site would be every node", "give a nodeSelector or matchExpressions, e.g. a zone");
      return;
    }
    c.labels(path + ".nodeSelector", placement.getNodeSelector());
    for (var entry : Checks.list(path + ".matchExpressions", placement.getMatchExpressions()).entrySet()) {
      NodeRequirement r = entry.getValue();
      String op = r.getOperator();
      boolean needsValues = "In".equals(op) || "NotIn".equals(op);
      boolean noValues = "Exists".equals(op) || "DoesNotExist".equals(op);
      boolean noneGiven = r.getValues() == null || r.getValues().isEmpty();
      if ((needsValues && noneGiven) || (noValues && !noneGiven)) {
        c.error(entry.getKey() + ".values", needsValues ? "is empty" : "must be empty for " + op,
            needsValues ? "list the label values" : "remove the values");
      }
    }
  }

  private void credentials(String path, DataStoreSpec store) {
    if (store != null && store.getCredentialsSecret() != null) {
      c.secretName(path + ".credentialsSecret", store.getCredentialsSecret(), "present in every platform namespace");
    }
  }
}
