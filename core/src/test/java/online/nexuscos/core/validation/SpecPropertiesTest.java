package online.nexuscos.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import online.nexuscos.core.KubeConfigs;
import online.nexuscos.core.model.PlatformResolver;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.SpecGenerator;
import online.nexuscos.core.testing.UpstreamRules;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;

/**
 * Issue 11's properties of validation and rendering over generated documents, each read both as
 * {@code nexusctl} reads a file (YAML text, strict types) and as the operator reads the API
 * server's JSON (tolerant): no exception escapes; every valid document is accepted and renders
 * deterministically to objects that keep the API server's rules; every broken field is refused by
 * name. jqwik prints the seed of a failing try; {@code -Djqwik.seeds.whenfixed=...} replays it.
 */
class SpecPropertiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final KubernetesSerialization OPERATOR = KubeConfigs.lenientSerialization();

  @Provide
  Arbitrary<ObjectNode> validDocuments() {
    return Arbitraries.randomValue(r -> new SpecGenerator(r, 12).platform());
  }

  @Provide
  Arbitrary<Breakages.Broken> brokenDocuments() {
    return Combinators.combine(Arbitraries.of(Breakages.ALL), Arbitraries.longs()).as((named, seed) -> {
      Random r = new Random(seed);
      while (true) {
        ObjectNode doc = new SpecGenerator(r, 6).platform();
        Set<String> fields = named.breakage().apply(doc, r);
        if (fields != null) {
          return new Breakages.Broken(doc, named.what(), fields, named.pruned());
        }
      }
    });
  }

  /** A valid document with one value anywhere in its spec replaced by something hostile. */
  @Provide
  Arbitrary<ObjectNode> hostileDocuments() {
    return Combinators.combine(validDocuments(), hostileValues(), Arbitraries.longs()).as((valid, junk, seed) -> {
      ObjectNode doc = valid.deepCopy();
      List<ObjectNode> parents = new ArrayList<>();
      collect(doc.get("spec"), parents);
      ObjectNode parent = parents.get(new Random(seed).nextInt(parents.size()));
      List<String> fields = new ArrayList<>();
      parent.fieldNames().forEachRemaining(fields::add);
      String field = fields.isEmpty() ? "extra" : fields.get(new Random(seed ^ 1).nextInt(fields.size()));
      parent.set(field, junk);
      return doc;
    });
  }

  private static Arbitrary<JsonNode> hostileValues() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ArrayNode deep = f.arrayNode();
    ArrayNode cursor = deep;
    for (int i = 0; i < 500; i++) {
      cursor = cursor.addArray();
    }
    return Arbitraries.oneOf(
        Arbitraries.of(f.nullNode(), f.booleanNode(true), f.numberNode(Long.MAX_VALUE), f.numberNode(-1),
            f.numberNode(new BigInteger("1" + "0".repeat(40))), f.numberNode(1e308), f.numberNode(0.5), f.textNode(""),
            f.textNode("x".repeat(100_000)), f.arrayNode(), f.objectNode(), deep, f.textNode("99999999999"),
            f.textNode("1e3m"), f.textNode("-1"), f.textNode("😀\u0000\u202e")),
        Arbitraries.strings().ofMaxLength(80).map(f::textNode),
        Arbitraries.integers().map(f::numberNode),
        Arbitraries.strings().ofMaxLength(10).list().ofMaxSize(4).map(list -> {
          ArrayNode a = f.arrayNode();
          list.forEach(a::add);
          return a;
        }));
  }

  private static void collect(JsonNode node, List<ObjectNode> into) {
    if (node instanceof ObjectNode o) {
      into.add(o);
    }
    node.forEach(child -> collect(child, into));
  }

  @Property(tries = 400)
  void everyValidDocumentIsAcceptedAndRendersDeterministically(@ForAll("validDocuments") ObjectNode doc) throws Exception {
    NexusPlatform fromFile = PlatformDocuments.parse("generated.yaml", YAML.writeValueAsString(doc)).get(0);
    NexusPlatform fromServer = OPERATOR.convertValue(doc, NexusPlatform.class);
    assertThat(fromServer.getUnreadableFields()).isEmpty();
    assertThat(SpecValidator.validate(fromFile)).as("validation errors").isEmpty();
    assertThat(SpecValidator.validate(fromServer)).isEmpty();

    List<HasMetadata> objects = PlatformRenderer.render(PlatformResolver.resolve(fromFile));
    String once = JSON.writeValueAsString(objects);
    assertThat(JSON.writeValueAsString(PlatformRenderer.render(PlatformResolver.resolve(fromFile)))).isEqualTo(once);
    assertThat(JSON.writeValueAsString(PlatformRenderer.render(PlatformResolver.resolve(fromServer)))).isEqualTo(once);
    assertThat(UpstreamRules.violations(objects, fromFile)).isEmpty();
    Statistics.label("objects").collect(objects.size() < 20 ? "<20" : objects.size() < 60 ? "20-59" : ">=60");
  }

  @Property(tries = 600)
  void everyBrokenFieldIsRefusedByName(@ForAll("brokenDocuments") Breakages.Broken broken) throws Exception {
    Statistics.label("breakage").collect(broken.what());
    Set<String> named = new HashSet<>();
    try {
      NexusPlatform p = PlatformDocuments.parse("broken.yaml", YAML.writeValueAsString(broken.doc())).get(0);
      SpecValidator.validate(p).forEach(e -> named.add(e.field()));
    } catch (PlatformDocuments.InvalidDocumentException e) {
      broken.fields().stream().filter(e.getMessage()::contains).forEach(named::add);
      assertThat(named).as("the reader's message names the field: " + e.getMessage()).isNotEmpty();
    }
    assertThat(named).as("nexusctl's diagnosis of " + broken).anyMatch(field -> names(field, broken.fields()));
    if (!broken.prunedByApiServer()) {
      NexusPlatform p = OPERATOR.convertValue(broken.doc(), NexusPlatform.class);
      Set<String> operatorNamed = new HashSet<>(p.getUnreadableFields().keySet());
      SpecValidator.validate(p).forEach(e -> operatorNamed.add(e.field()));
      assertThat(operatorNamed).as("the operator's diagnosis of " + broken).anyMatch(field -> names(field, broken.fields()));
    }
  }

  @Property(tries = 1000)
  void hostileDocumentsAreDiagnosedNeverThrown(@ForAll("hostileDocuments") ObjectNode doc) throws Exception {
    NexusPlatform p;
    try {
      p = PlatformDocuments.parse("hostile.yaml", YAML.writeValueAsString(doc)).get(0);
      Statistics.label("read by nexusctl").collect("read");
    } catch (PlatformDocuments.InvalidDocumentException e) {
      Statistics.label("read by nexusctl").collect("refused");
      assertThat(e.getMessage()).contains("hostile.yaml");
      p = null;
    }
    if (p != null) {
      renderIfValid(p);
    }
    NexusPlatform q = OPERATOR.convertValue(PlatformDocuments.withoutNullFields(doc), NexusPlatform.class); // as stored
    q.getUnreadableFields().keySet().forEach(field -> assertThat(field).startsWith("spec"));
    renderIfValid(q);
  }

  private static void renderIfValid(NexusPlatform p) {
    List<ValidationError> errors = SpecValidator.validate(p);
    errors.forEach(e -> assertThat(e.field()).isNotBlank());
    if (errors.isEmpty() && p.getUnreadableFields().isEmpty()) {
      assertThat(UpstreamRules.violations(PlatformRenderer.render(PlatformResolver.resolve(p)), p)).isEmpty();
    }
  }

  /** An error names a broken field when it is that field, inside it, or its list entry. */
  private static boolean names(String errorField, Set<String> brokenFields) {
    return brokenFields.stream().anyMatch(f -> errorField.equals(f) || errorField.startsWith(f + ".") || errorField.startsWith(f + "["));
  }
}
