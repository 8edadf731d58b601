package online.nexuscos.core.validation;

/**
 * One problem with a spec: the field path (as {@code kubectl explain} names it), what is wrong,
 * and what to do about it.
 */
public record ValidationError(String field, String problem, String fix) {

  @Override
  public String toString() {
    return field + ": " + problem + " (" + fix + ")";
  }
}
