package online.nexuscos.operator.validation;

import java.util.HashSet;
import java.util.Set;
import online.nexuscos.platform.api.v1alpha1.DataStoreSpec;
import online.nexuscos.platform.api.v1alpha1.DataStoresSpec;
import online.nexuscos.platform.api.v1alpha1.FailoverSpec;
import online.nexuscos.platform.api.v1alpha1.NodeRequirement;
import online.nexuscos.platform.api.v1alpha1.PlacementSpec;
import online.nexuscos.platform.api.v1alpha1.SiteSpec;

/** The rules of spec.failover: sites, placements, data stores, the active site. */
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
    var sites = c.list(path + ".sites", f.getSites());
    if (sites.isEmpty()) {
      c.error(path + ".sites", "is empty", "declare at least one site with a name and a placement");
    }
    for (var entry : sites.entrySet()) {
      SiteSpec site = entry.getValue();
      String p = entry.getKey();
      if (c.dnsLabel(p + ".name", site.getName(), "use a DNS-1123 label such as primary") && !names.add(site.getName())) {
        c.error(p + ".name", "site " + site.getName() + " is listed twice", "remove the duplicate");
      }
      placement(p + ".placement", site.getPlacement());
      DataStoresSpec stores = site.getDataStores();
      if (stores != null) {
        dataStore(p + ".dataStores.postgresql", stores.getPostgresql());
        dataStore(p + ".dataStores.mongodb", stores.getMongodb());
        dataStore(p + ".dataStores.redis", stores.getRedis());
        dataStore(p + ".dataStores.rabbitmq", stores.getRabbitmq());
      }
    }
    if (c.required(path + ".activeSite", f.getActiveSite(), "name the site to run on") && !names.isEmpty()
        && !names.contains(f.getActiveSite())) {
      c.error(path + ".activeSite", "site " + f.getActiveSite() + " is not declared", "name one of " + names);
    }
    if (Boolean.TRUE.equals(f.getAutomatic()) && names.size() < 2) {
      c.error(path + ".automatic", "automatic failover needs a second site", "declare a standby site or set automatic: false");
    }
    c.min(path + ".gracePeriodSeconds", f.getGracePeriodSeconds(), 0);
    c.min(path + ".criticalUnavailableThreshold", f.getCriticalUnavailableThreshold(), 1);
    c.min(path + ".historyLimit", f.getHistoryLimit(), 1);
  }

  void placement(String path, PlacementSpec placement) {
    boolean empty = placement == null
        || ((placement.getNodeSelector() == null || placement.getNodeSelector().isEmpty())
            && (placement.getMatchExpressions() == null || placement.getMatchExpressions().isEmpty()));
    if (empty) {
      c.error(path, "is empty, so the site would be every node", "give a nodeSelector or matchExpressions, e.g. a zone");
      return;
    }
    c.labels(path + ".nodeSelector", placement.getNodeSelector());
    for (var entry : c.list(path + ".matchExpressions", placement.getMatchExpressions()).entrySet()) {
      NodeRequirement r = entry.getValue();
      c.required(entry.getKey() + ".key", r.getKey(), "name a node label");
      String op = r.getOperator();
      boolean needsValues = "In".equals(op) || "NotIn".equals(op);
      if (!needsValues && !"Exists".equals(op) && !"DoesNotExist".equals(op)) {
        c.error(entry.getKey() + ".operator", "\"" + op + "\" is not an operator", "use In, NotIn, Exists or DoesNotExist");
      } else if (needsValues == (r.getValues() == null || r.getValues().isEmpty())) {
        c.error(entry.getKey() + ".values", needsValues ? "is empty" : "must be empty for " + op,
            needsValues ? "list the label values" : "remove the values");
      }
    }
  }

  void dataStore(String path, DataStoreSpec store) {
    if (store == null) {
      return;
    }
    c.required(path + ".host", store.getHost(), "give the host name");
    if (store.getPort() == null || store.getPort() < 1 || store.getPort() > 65535) {
      c.error(path + ".port", store.getPort() + " is not a valid port", "use a port from 1 to 65535");
    }
    if (store.getCredentialsSecret() != null) {
      c.dnsLabel(path + ".credentialsSecret", store.getCredentialsSecret(), "name a Secret present in every platform namespace");
    }
  }
}
