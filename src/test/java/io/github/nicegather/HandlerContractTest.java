package io.github.nicegather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The promises made to handlers: order, threads, one at a time, re-entry, failures. */
class HandlerContractTest {
  @Test
  void gatheringComesFirstThenCandidatesThenCompleteThenNullLast() throws Exception {
    Gathered g = Gathered.run(IceApi.create(), IceGatherOptions.builder().build());
    List<String> sequence =
        g.recorder().sequence().stream().takeWhile(kind -> !kind.equals("state:closed")).toList();

    List<String> expected = new ArrayList<>();
    expected.add("state:gathering");
    g.candidates().forEach(c -> expected.add("candidate"));
    expected.add("state:complete");
    expected.add("null");
    assertThat(sequence).isEqualTo(expected);
    assertThat(g.recorder().values("candidate")).filteredOn(v -> v == null).hasSize(1);
  }

  @Test
  void handlersRunOnLibraryThreadsNeverOnTheCallersAndOneAtATime() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    Recorder recorder = Recorder.attach(gatherer);
    gatherer.onLocalCandidate(
        c -> {
          recorder.record("candidate", c);
          Waits.sleep(20);
        });
    String caller = Thread.currentThread().getName();

    gatherer.gather();
    List<IceCandidate> all = gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);
    gatherer.gracefulClose();

    assertThat(recorder.snapshot())
        .hasSize(all.size() + 4)
        .allSatisfy(
            e -> assertThat(e.thread()).startsWith("nicegather-handler-").isNotEqualTo(caller));
    assertThat(recorder.overlaps).hasValue(0);
  }

  @Test
  void aHandlerMayCallAnyMethodOfItsGatherer() throws Exception {
    IceGatherer gatherer = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    List<Object> seen = new CopyOnWriteArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    gatherer.onLocalCandidate(
        c -> {
          if (c != null) {
            seen.add(gatherer.getLocalCandidates().contains(c));
            seen.add(gatherer.getLocalParameters().usernameFragment().length());
          }
        });
    gatherer.onStateChange(
        s -> {
          seen.add(gatherer.state());
          if (s == IceGathererState.COMPLETE) {
            gatherer.close();
          }
          if (s == IceGathererState.CLOSED) {
            closed.countDown();
          }
        });

    gatherer.gather();

    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).contains(true, 16).doesNotContain(false);
    assertThat(gatherer.state()).isEqualTo(IceGathererState.CLOSED);
  }

  @Test
  void aThrowingHandlerIsLoggedWithTheGatherersNameAndDeliveryGoesOn() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("io.github.nicegather");
    logger.addHandler(capture);
    try (IceGatherer gatherer =
        IceApi.create().newIceGatherer(IceGatherOptions.builder().build())) {
      List<IceCandidate> after = new CopyOnWriteArrayList<>();
      gatherer.onLocalCandidate(
          c -> {
            after.add(c);
            throw new IllegalStateException("handler bug");
          });
      gatherer.gather();
      List<IceCandidate> all = gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);

      assertThat(after).hasSize(all.size() + 1).endsWith((IceCandidate) null);
      assertThat(logged)
          .hasSize(all.size() + 1)
          .allSatisfy(
              r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage())
                    .isEqualTo("handler of gatherer " + gatherer.name() + " threw");
                assertThat(r.getThrown()).hasMessage("handler bug");
              });
    } finally {
      logger.removeHandler(capture);
    }
  }

  @Test
  void aHandlerCanBeReplacedWhileEventsFlow() throws Exception {
    SettingEngine engine = new SettingEngine();
    engine.setNetworkTypes(NetworkType.UDP4, NetworkType.UDP6, NetworkType.TCP4);
    try (IceGatherer gatherer =
        IceApi.create(engine).newIceGatherer(IceGatherOptions.builder().build())) {
      List<Object> first = new CopyOnWriteArrayList<>();
      List<Object> second = new CopyOnWriteArrayList<>();
      gatherer.onLocalCandidate(
          c -> {
            first.add(c);
            gatherer.onLocalCandidate(second::add);
          });
      gatherer.gather();
      List<IceCandidate> all = gatherer.gatheringComplete().get(5, TimeUnit.SECONDS);

      assertThat(all).hasSizeGreaterThan(1);
      assertThat(first).containsExactly(all.get(0));
      assertThat(second).hasSize(all.size()).endsWith((Object) null);
    }
  }

  @Test
  void aBlockingHandlerDoesNotHoldUpOtherGatherers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    IceGatherer stuck = IceApi.create().newIceGatherer(IceGatherOptions.builder().build());
    stuck.onStateChange(s -> Waits.await(release));
    stuck.gather();
    try {
      Gathered other = Gathered.run(IceApi.create(), IceGatherOptions.builder().build());

      assertThat(other.candidates()).isNotEmpty();
      assertThat(stuck.state()).isEqualTo(IceGathererState.COMPLETE);
    } finally {
      release.countDown();
      stuck.gracefulClose();
    }
  }
}
