package online.nexuscos.operator;

import static org.assertj.core.api.Assertions.assertThat;

import online.nexuscos.core.KubeConfigs;
import online.nexuscos.core.LenientReadingTest;
import online.nexuscos.platform.api.v1alpha1.NexusPlatform;
import org.junit.jupiter.api.Test;

/** The record of what could not be read survives the copy JOSDK makes of a resource. */
class ReadProblemsCopyTest {

  @Test
  void readProblemsSurviveTheCopyJosdkMakesBeforeAReconcile() {
    var client = KubeConfigs.client(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl("https://localhost:1").build());
    NexusPlatform p = client.getKubernetesSerialization().unmarshal(LenientReadingTest.FROM_A_NEWER_CRD, NexusPlatform.class);
    assertThat(NexusOperator.keepingReadProblems(client, p).getUnreadableFields()).isEqualTo(p.getUnreadableFields());
    client.close();
  }

}
