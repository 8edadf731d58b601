package online.nexuscos.core.validation;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import online.nexuscos.platform.api.v1alpha1.ApiPatterns;

/**
 * The field-level checks the semantic rules use, and the list of problems they collect. Bounds,
 * required fields and the patterns of single fields are the CRD schema's ({@link CrdSchema});
 * these checks cover what a schema cannot say: list entries and map values, references, pairs.
 */
final class Checks {

  static final Pattern DNS_LABEL = Pattern.compile(ApiPatterns.DNS_LABEL);
  static final Pattern DNS_SUBDOMAIN = Pattern.compile(ApiPatterns.DNS_SUBDOMAIN);
  static final Pattern QUANTITY = Pattern.compile(ApiPatterns.QUANTITY);
  static final Pattern CIDR = Pattern.compile(ApiPatterns.CIDR);
  static final Pattern LABEL_KEY = Pattern.compile(ApiPatterns.LABEL_KEY);
  static final Pattern LABEL_VALUE = Pattern.compile(ApiPatterns.LABEL_VALUE);

  private final List<ValidationError> errors = new ArrayList<>();

  List<ValidationError> errors() {
    return List.copyOf(errors);
  }

  boolean failed() {
    return !errors.isEmpty();
  }

  void labels(String path, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach((k, v) -> {
      String field = path + "[" + k + "]";
      if (k == null || k.length() > 317 || !LABEL_KEY.matcher(k).matches() || name(k).length() > 63) {
        error(field, "\"" + k + "\" is not a valid label key", ApiPatterns.hint(ApiPatterns.LABEL_KEY));
      }
      if (v == null || v.length() > 63 || !LABEL_VALUE.matcher(v).matches()) {
        error(field, "value \"" + v + "\" is not a valid label value", ApiPatterns.hint(ApiPatterns.LABEL_VALUE));
      }
    });
  }

  private static String name(String labelKey) {
    return labelKey.substring(labelKey.indexOf('/') + 1);
  }

  /** The non-null entries of a list by field path (the schema reports null entries). */
  static <T> Map<String, T> list(String path, List<T> list) {
    Map<String, T> entries = new LinkedHashMap<>();
    if (list != null) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) != null) {
          entries.put(path + "[" + i + "]", list.get(i));
        }
      }
    }
    return entries;
  }

  boolean dnsLabel(String field, String value, String fix) {
    if (value == null || value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not a DNS-1123 label (lowercase letters, digits, '-', at most 63)", fix);
      return false;
    }
    return true;
  }

  /** A Secret's name, as the API server checks it: a DNS-1123 subdomain of at most 253 characters. */
  void secretName(String field, String value, String where) {
    if (value == null || value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
      error(field, "\"" + value + "\" is not a valid Secret name (a DNS-1123 subdomain)",
          "name a Secret " + where + ": lowercase letters, digits, '-' and '.'");
    }
  }

  /** An IPv4 or IPv6 CIDR block as Go's net.ParseCIDR reads it (what NetworkPolicy validation uses). */
  void cidr(String field, String value) {
    byte[] address = value == null || !CIDR.matcher(value).matches() ? null : address(value.substring(0, value.indexOf('/')));
    if (address == null) {
      error(field, "\"" + value + "\" is not a CIDR block", ApiPatterns.hint(ApiPatterns.CIDR));
      return;
    }
    int prefix = Integer.parseInt(value.substring(value.indexOf('/') + 1));
    byte[] network = network(address, prefix);
    if (!java.util.Arrays.equals(address, network)) {
      // kube-apiserver (1.33+) refuses such a NetworkPolicy ipBlock.
      error(field, "\"" + value + "\" has address bits set beyond its /" + prefix + " prefix",
          "write the network address: " + text(network) + "/" + prefix);
    }
  }

  /** The literal's bytes (4 or 16), or null when it is no IP literal; a literal is parsed, never looked up. */
  private static byte[] address(String literal) {
    if (!literal.contains(":")) {
      String[] octets = literal.split("\\.");
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) Integer.parseInt(octets[i]); // the pattern allows 0-255 without leading zeros only
      }
      return b;
    }
    try {
      byte[] b = InetAddress.getByName(literal).getAddress();
      return b.length == 16 ? b : null;
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static byte[] network(byte[] address, int prefix) {
    byte[] n = address.clone();
    for (int bit = Math.min(prefix, n.length * 8); bit < n.length * 8; bit++) {
      n[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
    }
    return n;
  }

  /** The address as people write it: dotted IPv4, or IPv6 with its longest run of zero groups as "::". */
  private static String text(byte[] address) {
    String full;
    try {
      full = InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // a 4- or 16-byte array is always an address
    }
    if (address.length == 4) {
      return full;
    }
    String[] groups = full.split(":");
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
    return head + "::" + tail;
  }

  void error(String field, String problem, String fix) {
    errors.add(new ValidationError(field, problem, fix));
  }
}
