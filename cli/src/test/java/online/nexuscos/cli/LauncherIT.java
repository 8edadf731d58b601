package online.nexuscos.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars from outside (failsafe: after package): the kubectl-nexus launcher finds
 * nexusctl.jar; {@code nexusctl sandbox} starts nexus-sandbox.jar from any directory; the
 * production jar carries no test machinery.
 */
class LauncherIT {

  @Test
  void launcherRunsNexusctlFromTheBuiltJar() throws Exception {
    Path launcher = Path.of("target/kubectl-nexus").toAbsolutePath();
    Path jar = Path.of("target/nexusctl.jar").toAbsolutePath();
    assertThat(Files.isExecutable(launcher)).isTrue();
    assertThat(jar).as("built in the package phase, before this integration test").exists();
    Process p = new ProcessBuilder(launcher.toString(), "version", "--client")
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("nexusctl").contains("platform.nexuscos.online/v1alpha1");
  }

  /**
   * The launcher's class-data archive: recorded in the background after the first command, valid
   * for this jar and JDK (-Xshare:on refuses to start with an archive it cannot map), and the only
   * one left for this jar once a new build has its own; archives of the old layout are removed.
   */
  @Test
  void launcherKeepsOneClassDataArchivePerJarAndJdk(@TempDir Path dir) throws Exception {
    Path jar = installed(dir.resolve("bin/nexusctl.jar"));
    Path cache = dir.resolve("cache");
    Path oldLayout = Files.createDirectories(cache.resolve("nexusctl")).resolve("nexusctl-20442614-1796666889.jsa");
    Files.writeString(oldLayout, "an archive of an earlier launcher");

    runLauncher(jar, cache);
    Path first = await().atMost(Duration.ofMinutes(2))
        .until(() -> recorded(cache), r -> r.size() == 1 && !r.contains(oldLayout)).get(0);
    assertThat(oldLayout).doesNotExist();
    Process check = new ProcessBuilder("java", "-XX:SharedArchiveFile=" + first, "-Xshare:on", "-Xlog:cds=off",
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "version", "--client")
        .redirectErrorStream(true).start();
    check.getOutputStream().close();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(out).isZero();

    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600))); // a new build
    runLauncher(jar, cache);
    List<Path> after = await().atMost(Duration.ofMinutes(2))
        .until(() -> recorded(cache), r -> r.size() == 1 && !r.contains(first));
    assertThat(first).doesNotExist();
    assertThat(after.get(0).getParent()).isEqualTo(first.getParent());
  }

  /**
   * A new archive removes the directories of jars (or JDKs) that no longer exist, as a plugin manager
   * leaves them when it installs each version at a path of its own; other jars' archives stay.
   */
  @Test
  void launcherRemovesTheArchivesOfJarsThatAreGone(@TempDir Path dir) throws Exception {
    Path jar = installed(dir.resolve("v2/nexusctl.jar"));
    Path cache = dir.resolve("cache");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    Path gone = archiveOf(cache, "1", dir.resolve("v1/nexusctl.jar"), java);
    Path otherJar = Files.createDirectories(dir.resolve("elsewhere")).resolve("nexusctl.jar");
    Files.writeString(otherJar, "another installation's jar");
    Path kept = archiveOf(cache, "2", otherJar, java);

    runLauncher(jar, cache);
    await().atMost(Duration.ofMinutes(2)).until(() -> recorded(cache).size() == 2);
    assertThat(gone).doesNotExist();
    assertThat(kept.resolve("1.jsa")).exists();
    Path made = recorded(cache).stream().filter(a -> !a.startsWith(kept)).findFirst().orElseThrow();
    assertThat(Files.readAllLines(made.resolveSibling("paths"))).containsExactly(jar.toRealPath().toString(), java.toString());
  }

  /** A copy of the built jar at {@code jar}, as an installation would put it there. */
  private static Path installed(Path jar) throws java.io.IOException {
    Files.createDirectories(jar.getParent());
    return Files.copy(Path.of("target/nexusctl.jar"), jar);
  }

  /** A cache directory as the launcher leaves it: an archive, and the jar's and JDK's paths. */
  private static Path archiveOf(Path cache, String name, Path jar, Path java) throws java.io.IOException {
    Path d = Files.createDirectories(cache.resolve("nexusctl").resolve(name));
    Files.writeString(d.resolve("1.jsa"), "an archive");
    Files.write(d.resolve("paths"), List.of(jar.toString(), java.toString()));
    return d;
  }

  /** A JVM that cannot make an archive is asked once per jar and JDK, not at every command. */
  @Test
  void launcherDoesNotRetryAnArchiveItCouldNotMake(@TempDir Path dir) throws Exception {
    Path jar = installed(dir.resolve("nexusctl.jar"));
    Path cache = dir.resolve("cache");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fakeJava = bin.resolve("java"); // the JDK's java, except that it cannot dump an archive
    Files.writeString(fakeJava, "#!/bin/sh\ncase \"$*\" in *-Xshare:dump*) exit 1;; esac\nexec "
        + Path.of(System.getProperty("java.home"), "bin", "java") + " \"$@\"\n");
    fakeJava.toFile().setExecutable(true);
    String path = bin + java.io.File.pathSeparator + System.getenv("PATH");

    runLauncher(jar, cache, path);
    await().atMost(Duration.ofMinutes(2))
        .until(() -> files(cache, ".failed").size() == 1 && files(cache, ".lock").isEmpty());
    runLauncher(jar, cache, path);
    assertThat(files(cache, ".lock")).as("no second recording").isEmpty();
    assertThat(files(cache, ".jsa")).isEmpty();
  }

  private static List<Path> files(Path cache, String suffix) throws java.io.IOException {
    try (var files = Files.walk(cache)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  private static void runLauncher(Path jar, Path cache) throws Exception {
    runLauncher(jar, cache, System.getenv("PATH"));
  }

  private static void runLauncher(Path jar, Path cache, String path) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of("target/kubectl-nexus").toAbsolutePath().toString(),
        "version", "--client").redirectErrorStream(true);
    builder.environment().put("NEXUSCTL_JAR", jar.toString());
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().put("PATH", path);
    Process p = builder.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
  }

  /** The finished archives under {@code cache}, once no recording is under way. */
  private static List<Path> recorded(Path cache) throws java.io.IOException {
    return files(cache, ".lock").isEmpty() ? files(cache, ".jsa") : List.of();
  }

  @Test
  void sandboxSubcommandRunsTheSandboxJarFromAnyDirectory(@TempDir Path dir) throws Exception {
    Path jar = Path.of("target/nexusctl.jar").toAbsolutePath();
    Path kubeconfig = dir.resolve("kc");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        jar.toString(), "sandbox", "--until-ready", "--kubeconfig", kubeconfig.toString(), "--ready-delay", "50ms",
        "--timeout", "90s")
        .directory(dir.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("applied:    nexus-cos").contains("every platform is Ready");
    assertThat(kubeconfig).exists();
  }

  @Test
  void sandboxSubcommandWithoutTheJarSaysWhereToPutIt(@TempDir Path dir) throws Exception {
    Path jar = Path.of("target/nexusctl.jar").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString(), "sandbox", "--until-ready").redirectErrorStream(true);
    builder.environment().put("NEXUS_SANDBOX_JAR", dir.resolve("missing.jar").toString());
    Process p = builder.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).isEqualTo(Nexusctl.EXIT_INVALID);
    assertThat(out).contains("NEXUS_SANDBOX_JAR=" + dir.resolve("missing.jar")).contains("is not a file");
  }

  @Test
  void productionJarShipsNoMockServerAndNoOperatorFramework() throws Exception {
    List<String> forbidden = List.of("io/fabric8/mockwebserver/", "io/vertx/", "io/netty/", "org/bouncycastle/",
        "io/javaoperatorsdk/", "online/nexuscos/sandbox/", "online/nexuscos/operator/",
        // OkHttp is nexusctl's HTTP client (cli/pom.xml); its mock web server is test machinery
        "okhttp3/mockwebserver/");
    try (ZipFile zip = new ZipFile(Path.of("target/nexusctl.jar").toFile())) {
      List<String> found = zip.stream().map(e -> e.getName())
          .filter(name -> forbidden.stream().anyMatch(name::startsWith)).limit(5).toList();
      assertThat(found).isEmpty();
      assertThat(zip.getEntry("online/nexuscos/cli/Nexusctl.class")).isNotNull();
    }
  }

  @Test
  void bashCompletionCompletesSubcommandsThroughTheRealShell(@TempDir Path dir) throws Exception {
    Path nexusctl = dir.resolve("nexusctl");
    Files.writeString(nexusctl, "#!/bin/sh\nexec java -jar " + Path.of("target/nexusctl.jar").toAbsolutePath() + " \"$@\"\n");
    nexusctl.toFile().setExecutable(true);
    ProcessBuilder builder = new ProcessBuilder("bash", "-c",
        "source <(nexusctl completion bash); COMP_WORDS=(nexusctl fail); COMP_CWORD=1; _nexusctl; echo \"${COMPREPLY[*]}\"")
        .redirectErrorStream(true);
    builder.environment().put("PATH", dir + java.io.File.pathSeparator + System.getenv("PATH"));
    Process p = builder.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(out.strip()).isEqualTo("failback failover");
  }
}
