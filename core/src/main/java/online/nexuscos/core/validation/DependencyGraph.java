package online.nexuscos.core.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;

/**
 * The services' {@code dependsOn} graph: its first cycle, or else its depth (the number of
 * rollout waves). Iterative, so a dependency chain of any length cannot overflow the stack.
 */
final class DependencyGraph {

  private enum Colour { GREY, BLACK }

  private final List<ServiceSpec> services;
  private final Map<String, Integer> index;

  DependencyGraph(List<ServiceSpec> services, Map<String, Integer> index) {
    this.services = services;
    this.index = index;
  }

  /** The first cycle found, as service names with the first repeated at the end. */
  Optional<List<String>> cycle() {
    Map<String, Colour> colour = new HashMap<>();
    for (ServiceSpec s : services) {
      if (s != null && s.getName() != null && index.containsKey(s.getName()) && !colour.containsKey(s.getName())) {
        Optional<List<String>> cycle = search(s.getName(), colour);
        if (cycle.isPresent()) {
          return cycle;
        }
      }
    }
    return Optional.empty();
  }

  /** Depth-first search from {@code start} with an explicit stack of (service, next dependency). */
  private Optional<List<String>> search(String start, Map<String, Colour> colour) {
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> next = new ArrayDeque<>();
    path.addLast(start);
    next.addLast(new int[] {0});
    colour.put(start, Colour.GREY);
    while (!path.isEmpty()) {
      String name = path.peekLast();
      List<String> deps = dependencies(name);
      int[] position = next.peekLast();
      if (position[0] == deps.size()) {
        colour.put(name, Colour.BLACK);
        path.removeLast();
        next.removeLast();
        continue;
      }
      String dep = deps.get(position[0]++);
      if (colour.get(dep) == Colour.GREY) {
        List<String> cycle = new ArrayList<>(path);
        cycle = new ArrayList<>(cycle.subList(cycle.indexOf(dep), cycle.size()));
        cycle.add(dep);
        return Optional.of(cycle);
      }
      if (colour.get(dep) == null) {
        colour.put(dep, Colour.GREY);
        path.addLast(dep);
        next.addLast(new int[] {0});
      }
    }
    return Optional.empty();
  }

  /**
   * The longest chain of dependencies, counted in services (1 when nothing depends on anything);
   * only meaningful when there is no cycle.
   */
  int depth() {
    Map<String, Integer> depth = new HashMap<>();
    int deepest = 0;
    for (ServiceSpec s : services) {
      if (s == null || s.getName() == null || depth.containsKey(s.getName()) || !index.containsKey(s.getName())) {
        continue;
      }
      Deque<String> stack = new ArrayDeque<>();
      stack.push(s.getName());
      while (!stack.isEmpty()) {
        String name = stack.peek();
        int own = 1;
        boolean ready = true;
        for (String dep : dependencies(name)) {
          Integer d = depth.get(dep);
          if (d != null) {
            own = Math.max(own, d + 1);
          } else if (!stack.contains(dep)) { // the stack is a path: containing dep would be a cycle
            stack.push(dep);
            ready = false;
            break;
          }
        }
        if (ready) {
          depth.put(name, own);
          deepest = Math.max(deepest, own);
          stack.pop();
        }
      }
    }
    return deepest;
  }

  /** The known, distinct-from-self dependencies of a service (others are reported elsewhere). */
  private List<String> dependencies(String name) {
    List<String> deps = services.get(index.get(name)).getDependsOn();
    List<String> known = new ArrayList<>();
    if (deps != null) {
      for (String dep : deps) {
        if (dep != null && index.containsKey(dep) && !dep.equals(name)) {
          known.add(dep);
        }
      }
    }
    return known;
  }
}
