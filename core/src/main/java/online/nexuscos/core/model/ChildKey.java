package online.nexuscos.core.model;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Identity of one child object: kind, namespace (null for namespaces) and name. */
public record ChildKey(ChildKind kind, String namespace, String name) implements Comparable<ChildKey> {

  public static ChildKey of(HasMetadata object) {
    ChildKind kind = ChildKind.of(object);
    return new ChildKey(
        kind, kind.namespaced() ? object.getMetadata().getNamespace() : null, object.getMetadata().getName());
  }

  @Override
  public int compareTo(ChildKey o) {
    int c = kind.compareTo(o.kind);
    if (c == 0) {
      c = String.valueOf(namespace).compareTo(String.valueOf(o.namespace));
    }
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    String type = kind.type().getSimpleName();
    return namespace == null ? type + "/" + name : type + " " + namespace + "/" + name;
  }
}
