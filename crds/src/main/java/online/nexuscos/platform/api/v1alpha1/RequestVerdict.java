package online.nexuscos.platform.api.v1alpha1;

/** The operator's answer to a one-shot request. */
public enum RequestVerdict {
  /** Acted on: the revision is written back into the spec, or the site switch started (or was not needed). */
  Accepted,
  /** Not acted on; the reason and message say why and what to do. */
  Refused
}
