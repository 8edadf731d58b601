package online.nexuscos.operator.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/** Finds a cycle in the services' {@code dependsOn} graph (depth-first search, three colours). */
final class DependencyCycles {

  private enum Colour { GREY, BLACK }

  private DependencyCycles() {}

  /** The first cycle found, as service names with the first repeated at the end. */
  static Optional<List<String>> find(List<ServiceSpec> services, Map<String, Integer> index) {
    Map<String, Colour> colour = new HashMap<>();
    for (ServiceSpec s : services) {
      if (s != null && s.getName() != null && index.containsKey(s.getName()) && !colour.containsKey(s.getName())) {
        List<String> path = new ArrayList<>();
        Optional<List<String>> cycle = visit(s.getName(), services, index, colour, path);
        if (cycle.isPresent()) {
          return cycle;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> visit(
      String name, List<ServiceSpec> services, Map<String, Integer> index,
      Map<String, Colour> colour, List<String> path) {
    colour.put(name, Colour.GREY);
    path.add(name);
    List<String> deps = services.get(index.get(name)).getDependsOn();
    for (String dep : deps == null ? List.<String>of() : deps) {
      if (dep == null || !index.containsKey(dep) || dep.equals(name)) {
        continue; // reported separately
      }
      if (colour.get(dep) == Colour.GREY) {
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(dep), path.size()));
        cycle.add(dep);
        return Optional.of(cycle);
      }
      if (colour.get(dep) == null) {
        Optional<List<String>> cycle = visit(dep, services, index, colour, path);
        if (cycle.isPresent()) {
          return cycle;
        }
      }
    }
    path.remove(path.size() - 1);
    colour.put(name, Colour.BLACK);
    return Optional.empty();
  }
}
