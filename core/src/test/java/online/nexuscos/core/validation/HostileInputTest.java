package online.nexuscos.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import online.nexuscos.core.render.PlatformRenderer;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;
import online.nexuscos.platform.api.v1alpha1.EgressSpec;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.SecretKeyRef;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The specs issue 11 found accepted although the API server or runtime refuses them later, or
 * refused although they are legitimate; each is judged here as the API server judges it (the
 * real control plane tier checks the same values against kube-apiserver: HostileInputE2E).
 */
class HostileInputTest {

  private static List<ValidationError> errorsAfter(Consumer<NexusPlatform> change) {
    NexusPlatform p = Platforms.small("v");
    change.accept(p);
    return SpecValidator.validate(p);
  }

  private static ServiceSpec service(NexusPlatform p, int i) {
    return p.getSpec().getServices().get(i);
  }

  @Test
  void serviceNamesAreDns1035BecauseTheyBecomeServiceNames() {
    assertThat(errorsAfter(p -> {
      service(p, 2).setName("3d-render");
      service(p, 1).setDependsOn(List.of("3d-render"));
    })).extracting(ValidationError::field).containsExactly("spec.services[2].name");
  }

  @Test
  void imageWithATagIsRefusedNotRenderedAsRepoTagTag() {
    assertThat(errorsAfter(p -> service(p, 0).setImage("redis:7"))).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("spec.services[0].image");
      assertThat(e.fix()).contains("put the tag in .tag");
    });
    assertThat(errorsAfter(p -> service(p, 0).setImage("localhost:5000/team/redis"))).isEmpty();
    assertThat(errorsAfter(p -> p.getSpec().setImageRegistry("localhost:5000"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"999.1.1.1/8", "10.0.0.0/33", "010.0.0.0/8", "10.0.0/8", "fd00::/129", "fd00:::1/64", "10.0.0.0"})
  void malformedCidrsAreRefused(String cidr) {
    assertThat(errorsAfter(p -> egress(p, cidr))).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("spec.networkPolicy.egress.allowedCIDRs[0]"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "0.0.0.0/0", "192.168.1.7/32", "fd00::/8", "::/0", "2001:db8::1/128"})
  void wellFormedCidrsAreAccepted(String cidr) {
    assertThat(errorsAfter(p -> egress(p, cidr))).isEmpty();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"101.34.90.64/15, 101.34.0.0/15", "10.0.0.1/8, 10.0.0.0/8", "fd00::1/64, fd00::/64", "2001:db8:0:1::5/48, 2001:db8::/48"})
  void cidrsWithHostBitsAreRefusedWithTheNetworkAddress(String cidr, String network) {
    assertThat(errorsAfter(p -> egress(p, cidr))).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("spec.networkPolicy.egress.allowedCIDRs[0]");
      assertThat(e.problem()).contains("bits set beyond its /");
      assertThat(e.fix()).isEqualTo("write the network address: " + network);
    });
    assertThat(errorsAfter(p -> egress(p, network))).isEmpty();
  }

  private static void egress(NexusPlatform p, String cidr) {
    EgressSpec e = new EgressSpec();
    e.setRestrict(true);
    e.setAllowedCIDRs(List.of(cidr));
    p.getSpec().getNetworkPolicy().setEgress(e);
  }

  @Test
  void secretNamesAreDnsSubdomains() {
    EnvVarSpec fromSecret = new EnvVarSpec();
    fromSecret.setName("DB_PASSWORD");
    SecretKeyRef ref = new SecretKeyRef();
    ref.setName("db-credentials.v2");
    ref.setKey("password");
    fromSecret.setSecretKeyRef(ref);
    assertThat(errorsAfter(p -> {
      service(p, 0).setEnv(List.of(fromSecret));
      service(p, 0).setEnvFromSecrets(List.of("app.config"));
      p.getSpec().setImagePullSecrets(List.of("registry.example.com"));
    })).isEmpty();
    assertThat(errorsAfter(p -> service(p, 0).setEnvFromSecrets(List.of("Bad..Name"))))
        .extracting(ValidationError::field).containsExactly("spec.services[0].envFromSecrets[0]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3", "1E3", ".5", "1.", "+1", "1n", "1u", "250m", "512Mi", "1e-3"})
  void quantitiesTheApiServerParsesAreAccepted(String cpu) {
    assertThat(errorsAfter(p -> cpuRequest(p, cpu))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e3m", "1Kim", "1.5.5", "-1", "1m5", "lots"})
  void quantitiesTheApiServerRefusesAreRefused(String cpu) {
    assertThat(errorsAfter(p -> cpuRequest(p, cpu))).extracting(ValidationError::field)
        .containsExactly("spec.services[0].resources.requests.cpu", "spec.services[0].resources.limits.cpu");
  }

  private static void cpuRequest(NexusPlatform p, String cpu) {
    ComputeResources requests = new ComputeResources();
    requests.setCpu(cpu);
    ResourcesSpec r = new ResourcesSpec();
    r.setRequests(requests);
    r.setLimits(requests);
    service(p, 0).setResources(r);
  }

  @Test
  void hugeSurgeIsRefusedByTheSchemaNotByANumberFormatException() {
    RolloutSpec r = new RolloutSpec();
    r.setMaxSurge("99999999999");
    r.setMaxUnavailable("101%");
    assertThat(errorsAfter(p -> p.getSpec().setRollout(r))).extracting(ValidationError::field)
        .containsExactly("spec.rollout.maxSurge", "spec.rollout.maxUnavailable");
  }

  @Test
  void aLongDependencyChainIsRefusedWithoutOverflowingTheStack() {
    NexusPlatform p = Platforms.small("v");
    List<ServiceSpec> chain = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      ServiceSpec s = new ServiceSpec();
      s.setName("s" + i);
      s.setNamespace("v-platform");
      s.setPort(10000 + i);
      s.setDependsOn(i == 0 ? null : List.of("s" + (i - 1)));
      chain.add(s);
    }
    p.getSpec().setServices(chain);
    assertThat(SpecValidator.validate(p)).extracting(ValidationError::field, ValidationError::problem).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec.services", "has 3000 items, more than 1000"),
        org.assertj.core.groups.Tuple.tuple("spec.services", "the longest dependsOn chain has 3000 services, more than "
            + ServiceRules.MAX_DEPENDENCY_DEPTH + " rollout waves"));
    chain.subList(ServiceRules.MAX_DEPENDENCY_DEPTH, chain.size()).clear();
    assertThat(SpecValidator.validate(p)).isEmpty();
    chain.get(0).setDependsOn(List.of("s" + (ServiceRules.MAX_DEPENDENCY_DEPTH - 1)));
    assertThat(SpecValidator.validate(p)).singleElement()
        .satisfies(e -> assertThat(e.problem()).startsWith("dependency cycle s0 -> s" + (ServiceRules.MAX_DEPENDENCY_DEPTH - 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "kube-system", "kube-public", "kube-node-lease", "kube-anything"})
  void clusterNamespacesAreRefused(String namespace) {
    assertThat(errorsAfter(p -> p.getSpec().getNamespaces().get(0).setName(namespace)))
        .anySatisfy(e -> {
          assertThat(e.field()).isEqualTo("spec.namespaces[0].name");
          assertThat(e.problem()).contains("belongs to the cluster");
        });
  }

  @Test
  void theOperatorsOwnNamespaceIsRefused() {
    NexusPlatform p = Platforms.small("v");
    p.getSpec().getNamespaces().get(1).setName("nexus-system");
    p.getSpec().getServices().forEach(s -> s.setNamespace("v-platform"));
    p.getSpec().getServices().get(1).setPort(3001);
    p.getSpec().getServices().get(2).setPort(3002);
    assertThat(SpecValidator.validate(p)).isEmpty();
    assertThat(SpecValidator.validate(p, java.util.Set.of("nexus-system"))).singleElement()
        .satisfies(e -> assertThat(e.problem()).contains("the operator runs there"));
  }

  @Test
  void everyDerivedLabelValueFitsInSixtyThreeCharacters() {
    String longest = "a" + "b".repeat(62);
    NexusPlatform p = Platforms.small("v");
    service(p, 0).setName(longest);
    service(p, 0).setGateway(true);
    service(p, 1).setDependsOn(List.of(longest));
    service(p, 0).setDependsOn(null);
    assertThat(SpecValidator.validate(p)).isEmpty();
    var objects = PlatformRenderer.render(online.nexuscos.core.model.PlatformResolver.resolve(p));
    assertThat(objects).isNotEmpty().allSatisfy(o -> assertThat(o.getMetadata().getLabels())
        .allSatisfy((k, v) -> assertThat(v).as(o.getKind() + " " + o.getMetadata().getName() + " " + k).hasSizeLessThanOrEqualTo(63)));
  }

  @Test
  void yamlAliasesAndMergeKeysAreReadAsKubectlReadsThem() throws Exception {
    String yaml = """
        apiVersion: platform.nexuscos.online/v1alpha1
        kind: NexusPlatform
        metadata: {name: v}
        spec:
          version: &release "2.0.0"
          imageRegistry: ghcr.io/nexus-cos
          namespaces: [{name: v-platform}]
          defaults: &defaults
            replicas: 2
          services:
            - &base
              name: api
              namespace: v-platform
              port: 3000
              tag: *release
            - <<: *base
              name: worker
              port: 3001
        """;
    NexusPlatform p = PlatformDocuments.parse("test.yaml", yaml).get(0);
    assertThat(service(p, 0).getTag()).isEqualTo("2.0.0");
    assertThat(service(p, 1).getNamespace()).isEqualTo("v-platform");
    assertThat(service(p, 1).getTag()).isEqualTo("2.0.0");
    assertThat(service(p, 1).getPort()).isEqualTo(3001);
    assertThat(SpecValidator.validate(p)).isEmpty();
  }

  @Test
  void aliasBombsAndDuplicateKeysAreErrorsNamingTheFile() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 12; i++) {
      bomb.append((char) ('b' + i)).append(": &").append((char) ('b' + i)).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*" + (char) ('a' + i)))).append("]\n");
    }
    assertThatThrownBy(() -> PlatformDocuments.parse("bomb.yaml", bomb.toString()))
        .hasMessageStartingWith("bomb.yaml: not valid YAML");
    assertThatThrownBy(() -> PlatformDocuments.parse("dup.yaml", "kind: NexusPlatform\nkind: Other\n"))
        .hasMessageStartingWith("dup.yaml: not valid YAML at line 2");
  }

  @Test
  void nullEntriesAndWrongTypesNeverThrow() {
    NexusPlatform p = Platforms.small("v");
    p.getSpec().getServices().add(null);
    p.getSpec().getNamespaces().add(null);
    service(p, 0).setDependsOn(java.util.Arrays.asList("auth-service", null));
    service(p, 0).setEnv(java.util.Arrays.asList((EnvVarSpec) null));
    p.getSpec().getNamespaces().get(0).setLabels(new java.util.HashMap<>(Map.of("ok", "x")));
    p.getSpec().getNamespaces().get(0).getLabels().put("bad key!", null);
    assertThat(SpecValidator.validate(p)).extracting(ValidationError::field).contains(
        "spec.services[3]", "spec.namespaces[2]", "spec.services[0].dependsOn[1]", "spec.services[0].env[0]",
        "spec.namespaces[0].labels[bad key!]");
  }

  @Test
  void aFieldWithoutAValueReadsAsUnsetAsTheApiServerStoresIt() throws Exception {
    String yaml = Platforms.SMALL.formatted("v", "v", "v", "v", "v", "v", "v");
    String withNulls = yaml.replace("    - name: v-platform\n", "    - name: v-platform\n      annotations: {owner: }\n")
        .replace("      replicas: 2\n", "      replicas:\n");
    assertThat(withNulls).isNotEqualTo(yaml).contains("replicas:\n").contains("{owner: }");
    NexusPlatform p = PlatformDocuments.parse("nulls.yaml", withNulls).get(0);
    assertThat(SpecValidator.validate(p)).isEmpty();
    assertThat(p.getSpec().getNamespaces().get(0).getAnnotations()).isEmpty();
    assertThat(service(p, 0).getReplicas()).isNull();
  }
}
