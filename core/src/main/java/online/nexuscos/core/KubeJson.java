package online.nexuscos.core;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The one fabric8 serialization of a process for code that has no client's at hand (render,
 * fingerprints, diffs, nexusctl's output): each instance scans the class path for resource types
 * and builds its own Jackson serializers, which a short-lived nexusctl pays for at every start.
 */
public final class KubeJson {

  private KubeJson() {}

  /** Created on first use, so that loading this class costs nothing. */
  private static final class Holder {
    static final KubernetesSerialization SHARED = new KubernetesSerialization();
  }

  public static KubernetesSerialization shared() {
    return Holder.SHARED;
  }
}
