package online.nexuscos.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTreeTest {

  @Test
  void aCommandLineThatStartsWithASubcommandRegistersOnlyThatOne() {
    assertThat(Nexusctl.commandLine(new Nexusctl(), "validate", "-f", "x.yaml").getSubcommands()).containsOnlyKeys("validate");
    assertThat(Nexusctl.commandLine(new Nexusctl(), "resume", "p").getSubcommands()).containsOnlyKeys("resume");
  }

  @Test
  void optionsFirstHelpNothingOrAnUnknownWordGetTheWholeTree() {
    int all = Nexusctl.SUBCOMMANDS.size();
    for (String[] args : new String[][] {{}, {"--kubeconfig", "k", "get"}, {"help", "validate"}, {"gett"}, {"--help"}}) {
      assertThat(Nexusctl.commandLine(new Nexusctl(), args).getSubcommands()).as(String.join(" ", args)).hasSize(all);
    }
    assertThat(Nexusctl.commandLine().getSubcommands()).containsKeys("get", "status", "validate", "render", "help")
        .hasSize(all);
  }
}
