package online.nexuscos.operator.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;

/** The field-level checks every rule uses, and the list of problems they collect. */
final class Checks {

  static final Pattern DNS_LABEL = Pattern.compile(ApiPatterns.DNS_LABEL);
  static final Pattern REPOSITORY = Pattern.compile(ApiPatterns.IMAGE_REPOSITORY);
  static final Pattern TAG = Pattern.compile(ApiPatterns.IMAGE_TAG);
  static final Pattern QUANTITY = Pattern.compile(ApiPatterns.QUANTITY);
  static final Pattern ENV_NAME = Pattern.compile(ApiPatterns.ENV_NAME);
  static final Pattern INT_OR_PERCENT = Pattern.compile(ApiPatterns.INT_OR_PERCENT);
  static final Pattern CIDR = Pattern.compile(ApiPatterns.CIDR);
  static final Pattern LABEL_KEY = Pattern.compile(ApiPatterns.LABEL_KEY);
  static final Pattern LABEL_VALUE = Pattern.compile(ApiPatterns.LABEL_VALUE);

  private final List<ValidationError> errors = new ArrayList<>();

  List<ValidationError> errors() {
    return List.copyOf(errors);
  }

  void labels(String path, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach((k, v) -> {
      matches(path + "[" + k + "]", k, LABEL_KEY, "use a label key such as tier or example.com/team");
      if (v == null || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
        error(path + "[" + k + "]", "value \"" + v + "\" is not a valid label value",
            "use at most 63 letters, digits, '-', '_' or '.'");
      }
    });
  }

  /** The non-empty entries of a list by field path; empty entries are reported. */
  <T> Map<String, T> list(String path, List<T> list) {
    Map<String, T> entries = new LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          error(path + "[" + i + "]", "is empty", "remove the empty list entry");
        } else {
          entries.put(path + "[" + i + "]", list.get(i));
        }
      }
    }
    return entries;
  }

  boolean required(String field, String value, String fix) {
    if (value == null || value.isBlank()) {
      error(field, "is missing", fix);
      return false;
    }
    return true;
  }

  boolean dnsLabel(String field, String value, String fix) {
    if (!required(field, value, fix)) {
      return false;
    }
    if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not a DNS-1123 label (lowercase letters, digits, '-', at most 63)", fix);
      return false;
    }
    return true;
  }

  boolean matches(String field, String value, Pattern pattern, String fix) {
    if (value == null || !pattern.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not valid", fix);
      return false;
    }
    return true;
  }

  void min(String field, Integer value, int min) {
    if (value != null && value < min) {
      error(field, value + " is below the minimum " + min, "use " + min + " or more");
    }
  }

  void range(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      error(field, value + " is out of range", "use a value from " + min + " to " + max);
    }
  }

  void error(String field, String problem, String fix) {
    errors.add(new ValidationError(field, problem, fix));
  }
}
