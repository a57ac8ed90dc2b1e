package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nicegather.internal.NativeAgent;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Nothing is left behind: sockets, native agents, threads. */
// Linux: it reads /proc and names the Linux libraries.
@EnabledOnOs(OS.LINUX)
class ResourceTest {
  private static final int ROUNDS = 1000;

  @Test
  void aThousandGatherersInARowLeaveNoFileDescriptorOrAgentBehind() throws Exception {
    warmUp();
    Natives.awaitIdle();
    int fdsBefore = Natives.openFileDescriptors();
    int threadsBefore = Natives.threads();

    for (int i = 0; i < ROUNDS; i++) {
      try (IceGatherer gatherer =
          IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
        gatherer.gather();
        assertThat(gatherer.gatheringComplete().get(5, TimeUnit.SECONDS)).hasSize(expected());
      }
    }
    Natives.awaitIdle();

    assertThat(Natives.openFileDescriptors()).isEqualTo(fdsBefore);
    assertThat(Natives.threads()).isLessThanOrEqualTo(threadsBefore);
  }

  @Test
  void aGathererNobodyClosesIsFreedWhenItBecomesUnreachable() throws Exception {
    Natives.awaitIdle();
    gatherAndDrop();
    assertThat(NativeAgent.liveCount()).isEqualTo(1);

    long until = System.nanoTime() + 10_000_000_000L;
    while (NativeAgent.liveCount() != 0 && System.nanoTime() < until) {
      System.gc();
      Thread.sleep(20);
    }

    assertThat(NativeAgent.liveCount()).isZero();
    Natives.awaitIdle();
  }

  private static void gatherAndDrop() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    gatherer.gather();
    gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);
  }

  private static void warmUp() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (IceGatherer gatherer =
          IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
        gatherer.gather();
        gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);
      }
    }
  }

  /** The host candidates of this machine: the bed's LAN has exactly two addresses. */
  private static int expected() {
    return Boolean.getBoolean("nicegather.bed") ? 2 : hostCandidates();
  }

  private static int hostCandidates() {
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      gatherer.gather();
      return gatherer.gatheringComplete().get(5, TimeUnit.SECONDS).size();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
