package online.nexuscos.core.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import online.nexuscos.core.model.Labels;
import online.nexuscos.platform.api.v1alpha1.FailoverRecord;
import online.nexuscos.platform.api.v1alpha1.FailoverStage;
import online.nexuscos.platform.api.v1alpha1.FailoverStatus;
import online.nexuscos.platform.api.v1alpha1.RequestKind;
import online.nexuscos.platform.api.v1alpha1.RequestReason;
import online.nexuscos.platform.api.v1alpha1.RequestStatus;
import online.nexuscos.platform.api.v1alpha1.RequestVerdict;
import online.nexuscos.platform.api.v1alpha1.SiteProblem;
import org.junit.jupiter.api.Test;

class RequestAnswersTest {

  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
  private static final List<String> SITES = List.of("east", "west");

  @Test
  void rollbackVerdictCarriesTheRequestIdAndIsAcceptedOnlyWhenRestored() {
    Map<String, String> request = Map.of(Labels.ROLLBACK_TO, "2", Labels.REQUEST_ID, " ab12 ");
    RequestStatus ok = RequestAnswers.rollback(request, RequestReason.RevisionRestored, "Restored revision 2", NOW);
    assertThat(ok.getId()).isEqualTo("ab12");
    assertThat(ok.getKind()).isEqualTo(RequestKind.Rollback);
    assertThat(ok.getVerdict()).isEqualTo(RequestVerdict.Accepted);
    assertThat(ok.getAnsweredAt()).isEqualTo("2026-12-03T12:00:00Z");
    for (RequestReason refusal : List.of(RequestReason.NoSuchRevision, RequestReason.ServiceNotInRevision,
        RequestReason.RestoredSpecInvalid)) {
      assertThat(RequestAnswers.rollback(request, refusal, "no", NOW).getVerdict()).as(refusal.name())
          .isEqualTo(RequestVerdict.Refused);
    }
    assertThat(RequestAnswers.rollback(Map.of(Labels.ROLLBACK_TO, "2"), RequestReason.NoSuchRevision, "x", NOW).getId())
        .isEmpty();
  }

  @Test
  void noSiteRequestNoAnswer() {
    assertThat(RequestAnswers.siteSwitch(Map.of(Labels.ROLLBACK_TO, "1"), "east", SITES, status("east"), NOW)).isEmpty();
    assertThat(RequestAnswers.siteSwitch(null, "east", SITES, status("east"), NOW)).isEmpty();
  }

  @Test
  void aStartedSwitchIsAccepted() {
    FailoverStatus after = status("east");
    after.setCurrent(record("east", "west"));
    RequestStatus answer = answer(Map.of(Labels.FAILOVER_TO, "west", Labels.REQUEST_ID, "r1"), after);
    assertThat(answer.getVerdict()).isEqualTo(RequestVerdict.Accepted);
    assertThat(answer.getReason()).isEqualTo(RequestReason.SwitchStarted);
    assertThat(answer.getKind()).isEqualTo(RequestKind.Failover);
    assertThat(answer.getId()).isEqualTo("r1");
    assertThat(answer.getMessage()).contains("failover to site west under way", "Fencing", "from east");
  }

  @Test
  void aSiteThatCannotRunIsRefusedWithTheStateMachinesMessage() {
    FailoverStatus after = status("east");
    after.setRefusedSite("west");
    after.setRefusal(SiteProblem.NoReadyNode);
    after.setRefusalMessage("Manual to site west refused: no Ready Node");
    RequestStatus answer = answer(Map.of(Labels.FAILOVER_TO, "west"), after);
    assertThat(answer.getVerdict()).isEqualTo(RequestVerdict.Refused);
    assertThat(answer.getReason()).isEqualTo(RequestReason.SiteCannotRun);
    assertThat(answer.getMessage()).isEqualTo("Manual to site west refused: no Ready Node");
  }

  @Test
  void anotherFailoverUnderWayRefusesTheRequest() {
    FailoverStatus after = status("east");
    after.setCurrent(record("east", "south"));
    RequestStatus answer = answer(Map.of(Labels.FAILOVER_TO, "west"), after);
    assertThat(answer.getVerdict()).isEqualTo(RequestVerdict.Refused);
    assertThat(answer.getReason()).isEqualTo(RequestReason.FailoverInProgress);
    assertThat(answer.getMessage()).contains("from east to south is under way");
  }

  @Test
  void failbackTargetsTheSpecSiteAndIsAcceptedWhenAlreadyThere() {
    RequestStatus answer = answer(Map.of(Labels.FAILBACK, "true"), status("east"));
    assertThat(answer.getKind()).isEqualTo(RequestKind.Failback);
    assertThat(answer.getVerdict()).isEqualTo(RequestVerdict.Accepted);
    assertThat(answer.getReason()).isEqualTo(RequestReason.AlreadyOnSite);
  }

  @Test
  void anUndeclaredSiteIsRefusedNamingTheDeclaredOnes() {
    RequestStatus answer = answer(Map.of(Labels.FAILOVER_TO, "mars"), status("east"));
    assertThat(answer.getReason()).isEqualTo(RequestReason.UnknownSite);
    assertThat(answer.getVerdict()).isEqualTo(RequestVerdict.Refused);
    assertThat(answer.getMessage()).contains("[east, west]");
  }

  @Test
  void failoverToWinsOverFailbackAsInTheStateMachine() {
    FailoverStatus after = status("west");
    after.setCurrent(record("west", "south"));
    RequestStatus answer = RequestAnswers.siteSwitch(Map.of(Labels.FAILOVER_TO, "south", Labels.FAILBACK, "true"),
        "east", List.of("east", "west", "south"), after, NOW).orElseThrow();
    assertThat(answer.getKind()).isEqualTo(RequestKind.Failover);
    assertThat(answer.getReason()).isEqualTo(RequestReason.SwitchStarted);
  }

  private static RequestStatus answer(Map<String, String> annotations, FailoverStatus after) {
    return RequestAnswers.siteSwitch(annotations, "east", SITES, after, NOW).orElseThrow();
  }

  private static FailoverStatus status(String active) {
    FailoverStatus s = new FailoverStatus();
    s.setActiveSite(active);
    return s;
  }

  private static FailoverRecord record(String from, String to) {
    FailoverRecord r = new FailoverRecord();
    r.setFrom(from);
    r.setTo(to);
    r.setStep(FailoverStage.Fencing);
    return r;
  }
}
