package online.nexuscos.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import online.nexuscos.core.testing.Platforms;
import online.nexuscos.platform.api.v1alpha1.AutoscalingSpec;
import online.nexuscos.platform.api.v1alpha1.ComputeResources;
import online.nexuscos.platform.api.v1alpha1.EnvVarSpec;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import online.nexuscos.platform.api.v1alpha1.PodDisruptionBudgetSpec;
import online.nexuscos.platform.api.v1alpha1.ResourcesSpec;
import online.nexuscos.platform.api.v1alpha1.RolloutSpec;
import online.nexuscos.platform.api.v1alpha1.ServiceSpec;
import org.junit.jupiter.api.Test;

/** Each bad input is reported with its field path and a fix; good input passes. */
class SpecValidatorTest {

  private static List<ValidationError> errorsAfter(Consumer<NexusPlatform> change) {
    NexusPlatform p = Platforms.small("v");
    change.accept(p);
    return SpecValidator.validate(p);
  }

  private static ServiceSpec service(NexusPlatform p, int i) {
    return p.getSpec().getServices().get(i);
  }

  @Test
  void validPlatformHasNoErrors() {
    assertThat(SpecValidator.validate(Platforms.small("v"))).isEmpty();
  }

  @Test
  void monitoringNamesOnlyThePlatformsNamespacesAndAValidInterval() {
    assertThat(errorsAfter(p -> {
      var m = new online.nexuscos.platform.api.v1alpha1.MonitoringSpec();
      m.setEnabled(true);
      m.setInterval("soon");
      m.setStreamingNamespaces(List.of("nexus-elsewhere"));
      p.getSpec().setMonitoring(m);
    })).extracting(ValidationError::field).contains("spec.monitoring.streamingNamespaces[0]", "spec.monitoring.interval");
  }

  @Test
  void duplicateServiceName() {
    assertThat(errorsAfter(p -> service(p, 2).setName("auth-service")))
        .anySatisfy(e -> {
          assertThat(e.field()).isEqualTo("spec.services[2].name");
          assertThat(e.problem()).contains("already defined at spec.services[1]");
          assertThat(e.fix()).contains("unique");
        });
  }

  @Test
  void dependsOnUnknownServiceAndSelf() {
    assertThat(errorsAfter(p -> service(p, 0).setDependsOn(List.of("ghost", "backend-api"))))
        .extracting(ValidationError::field, ValidationError::problem)
        .contains(
            org.assertj.core.groups.Tuple.tuple("spec.services[0].dependsOn[0]", "service ghost does not exist"),
            org.assertj.core.groups.Tuple.tuple("spec.services[0].dependsOn[1]", "service backend-api depends on itself"));
  }

  @Test
  void dependencyCycleIsNamed() {
    List<ValidationError> errors = errorsAfter(p -> service(p, 2).setDependsOn(List.of("backend-api")));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.problem()).contains("dependency cycle").contains("backend-api -> auth-service -> token-mgr -> backend-api");
      assertThat(e.fix()).contains("break the cycle");
    });
  }

  @Test
  void dependencyOnADisabledModule() {
    assertThat(errorsAfter(p -> p.getSpec().getModules().get(0).setEnabled(false)))
        .singleElement().satisfies(e -> {
          assertThat(e.field()).isEqualTo("spec.services[0].dependsOn[0]");
          assertThat(e.fix()).contains("enable module identity");
        });
  }

  @Test
  void undeclaredNamespaceAndModule() {
    assertThat(errorsAfter(p -> {
      service(p, 0).setNamespace("nowhere");
      service(p, 0).setModule("ghost-module");
    })).extracting(ValidationError::field).containsExactly("spec.services[0].namespace", "spec.services[0].module");
  }

  @Test
  void hpaMinAboveMaxIncludingDefaults() {
    assertThat(errorsAfter(p -> {
      AutoscalingSpec a = new AutoscalingSpec();
      a.setEnabled(true);
      a.setMinReplicas(5);
      service(p, 0).setAutoscaling(a);   // max comes from the built-in default, 5
      service(p, 2).setAutoscaling(autoscaling(4, 3));
    })).extracting(ValidationError::field).containsExactly("spec.services[2].autoscaling");
  }

  @Test
  void portsOutOfRangeAndDuplicatedWithinANamespace() {
    assertThat(errorsAfter(p -> {
      service(p, 0).setPort(0);
      service(p, 2).setPort(3021);
    })).extracting(ValidationError::field, ValidationError::problem).containsExactly(
        org.assertj.core.groups.Tuple.tuple("spec.services[0].port", "0 is below 1"),
        org.assertj.core.groups.Tuple.tuple("spec.services[2].port", "port 3021 is already used by auth-service in namespace v-auth"));
  }

  @Test
  void malformedImagesAndTags() {
    assertThat(errorsAfter(p -> {
      p.getSpec().setImageRegistry("Registry With Spaces");
      service(p, 0).setImage("ghcr.io/nexus-cos/api:1.0");
      service(p, 1).setTag("-bad");
    })).extracting(ValidationError::field)
        .containsExactly("spec.imageRegistry", "spec.services[0].image", "spec.services[1].tag");
  }

  @Test
  void requiredFieldsAndNames() {
    assertThat(errorsAfter(p -> {
      p.getSpec().setVersion(null);
      p.getSpec().getNamespaces().get(0).setName("Bad_Name");
      service(p, 1).setPort(null);
    })).extracting(ValidationError::field)
        .contains("spec.version", "spec.namespaces[0].name", "spec.services[1].port");
    assertThat(errorsAfter(p -> p.setSpec(null))).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("spec"));
  }

  @Test
  void envNeedsExactlyOneSourceAndAValidName() {
    EnvVarSpec both = new EnvVarSpec();
    both.setName("1BAD");
    both.setValue("x");
    both.setSecretKeyRef(new online.nexuscos.platform.api.v1alpha1.SecretKeyRef());
    assertThat(errorsAfter(p -> service(p, 0).setEnv(List.of(both)))).extracting(ValidationError::field)
        .contains("spec.services[0].env[0].name", "spec.services[0].env[0]", "spec.services[0].env[0].secretKeyRef.name");
  }

  @Test
  void requestsAboveLimitsAndBadQuantities() {
    ResourcesSpec r = new ResourcesSpec();
    ComputeResources requests = new ComputeResources();
    requests.setCpu("2");
    requests.setMemory("lots");
    r.setRequests(requests);
    assertThat(errorsAfter(p -> service(p, 0).setResources(r))).extracting(ValidationError::field)
        .containsExactly("spec.services[0].resources.requests.memory", "spec.services[0].resources.requests.cpu");
  }

  @Test
  void disruptionBudgetWithBothFieldsAndRolloutThatCannotProgress() {
    PodDisruptionBudgetSpec pdb = new PodDisruptionBudgetSpec();
    pdb.setMinAvailable(1);
    pdb.setMaxUnavailable(1);
    RolloutSpec rollout = new RolloutSpec();
    rollout.setMaxSurge("0");
    rollout.setMaxUnavailable("0%");
    assertThat(errorsAfter(p -> {
      service(p, 0).setPodDisruptionBudget(pdb);
      p.getSpec().setRollout(rollout);
    })).extracting(ValidationError::field).containsExactly("spec.services[0].podDisruptionBudget", "spec.rollout");
  }

  @Test
  void everyMessageNamesAFix() {
    List<ValidationError> errors = errorsAfter(p -> {
      service(p, 0).setName("X");
      p.getSpec().getNamespaces().add(p.getSpec().getNamespaces().get(0));
      p.getSpec().getNetworkPolicy().setMonitoringNamespace("UPPER");
    });
    assertThat(errors).hasSizeGreaterThanOrEqualTo(3).allSatisfy(e -> assertThat(e.fix()).isNotBlank());
  }

  private static AutoscalingSpec autoscaling(int min, int max) {
    AutoscalingSpec a = new AutoscalingSpec();
    a.setEnabled(true);
    a.setMinReplicas(min);
    a.setMaxReplicas(max);
    return a;
  }

  @Test
  void failoverNeedsDeclaredSitesWithPlacementsAndAValidActiveSite() {
    NexusPlatform p = Platforms.example("nexus-cos.yaml");
    assertThat(SpecValidator.validate(p)).isEmpty();
    var failover = p.getSpec().getFailover();
    failover.setActiveSite("tertiary");
    failover.getSites().get(1).setName("primary");
    failover.getSites().get(0).getPlacement().setNodeSelector(null);
    failover.getSites().get(1).getDataStores().getRedis().setPort(0);
    assertThat(SpecValidator.validate(p)).extracting(ValidationError::field).containsExactlyInAnyOrder(
        "spec.failover.sites[1].name",
        "spec.failover.sites[0].placement",
        "spec.failover.sites[1].dataStores.redis.port",
        "spec.failover.activeSite",
        "spec.failover.automatic");
  }
}
