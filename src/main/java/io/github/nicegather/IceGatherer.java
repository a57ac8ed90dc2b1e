package io.github.nicegather;

import io.github.nicegather.internal.AddressChoice;
import io.github.nicegather.internal.CandidateMapper;
import io.github.nicegather.internal.EventPump;
import io.github.nicegather.internal.GatherStart;
import io.github.nicegather.internal.HandlerQueue;
import io.github.nicegather.internal.IceCredentials;
import io.github.nicegather.internal.LocalAddress;
import io.github.nicegather.internal.NativeAgent;
import io.github.nicegather.internal.NativeCandidate;
import io.github.nicegather.internal.RewriteRules;
import io.github.nicegather.internal.ServerOutcomes;
import io.github.nicegather.internal.ServerPlan;
import io.github.nicegather.internal.ServerUrl;
import io.github.nicegather.internal.SharedThreads;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Gathers local ICE candidates (RFC 8445 section 5.1.1) through one libnice agent: host,
 * server-reflexive and relay, and hands them to handlers one at a time.
 *
 * <p>States go {@code NEW -> GATHERING -> COMPLETE -> CLOSED}, and from any state to {@code
 * CLOSED}. Created by {@link IceApi#newIceGatherer}.
 *
 * <p><b>Handlers</b> ({@link #onLocalCandidate}, {@link #onStateChange}, {@link #onCandidateError})
 * may be set or replaced at any time and are read when an event is delivered. They are called one
 * at a time per gatherer, in event order, on one of the library's handler threads: never on the
 * native loop thread, never inside {@link #gather()}, and never while a lock of the library is
 * held, so a handler may call any method of its gatherer except {@link #gracefulClose()}. A handler
 * that throws is logged at WARNING with the gatherer's name and delivery goes on. A handler that
 * blocks holds one of the shared handler threads ({@code nicegather.handlerThreads}) and delays its
 * own gatherer's later events.
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public final class IceGatherer implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  /** Past libnice's own end of a timed-out transaction, so the engine normally finishes first. */
  private static final long DEADLINE_SLACK_MS = 25;

  private final Object lock = new Object();
  private final String name;
  private final Settings settings;
  private final IceGatherPolicy policy;
  private final ServerPlan plan;

  /** With a candidate pool, gathering starts at creation and is shown from gather() on. */
  private final boolean pooled;

  private final NativeAgent agent;
  private final IceParameters parameters;
  private final Delivery delivery;
  private final HandlerQueue handlers;
  private final CompletableFuture<List<IceCandidate>> complete = new CompletableFuture<>();
  private final Cleaner.Cleanable cleanable;

  // Guarded by lock.
  private IceGathererState state = IceGathererState.NEW;
  private boolean gatherCalled;
  private final List<IceCandidate> candidates = new ArrayList<>();
  private final CandidateMapper mapper;
  private final ServerOutcomes outcomes = new ServerOutcomes();
  private GatherStart start;
  private long startNanos;
  private ScheduledFuture<?> deadline;
  private RuntimeException startFailure;

  IceGatherer(
      Settings settings, IceGatherOptions options, List<ServerUrl> urls, RewriteRules rules) {
    this.settings = settings;
    this.policy = options.gatherPolicy();
    this.plan = ServerPlan.of(urls, policy);
    this.pooled = options.candidatePoolSize() > 0;
    this.agent = NativeAgent.reserve();
    this.name = "gatherer-" + agent.id();
    this.parameters =
        new IceParameters(
            settings.ufrag().isEmpty() ? IceCredentials.ufrag() : settings.ufrag(),
            settings.password().isEmpty() ? IceCredentials.password() : settings.password(),
            settings.lite());
    this.delivery = new Delivery(name);
    this.handlers = delivery.queue;
    this.mapper = new CandidateMapper(policy, settings.networkTypes(), rules);

    EventPump.register(agent.id(), new Link(this));
    try {
      agent.create(
          parameters.usernameFragment(),
          parameters.password(),
          settings.lite(),
          wants(IceProtocol.UDP),
          wants(IceProtocol.TCP),
          (int) timeoutMs());
    } catch (RuntimeException e) {
      EventPump.unregister(agent.id());
      throw e;
    }
    // The action holds the agent, never the gatherer, or the gatherer could not become garbage.
    this.cleanable = CLEANER.register(this, agent::close);

    if (pooled) {
      try {
        begin();
      } catch (RuntimeException e) {
        cleanable.clean();
        throw e;
      }
    }
  }

  /**
   * Starts gathering: {@code NEW -> GATHERING}. Returns at once; candidates follow through {@link
   * #onLocalCandidate}, then {@code COMPLETE}, then a {@code null} candidate. Gathering always ends
   * within the STUN gather timeout plus 100 ms, whatever the servers do.
   *
   * <p>With a candidate pool ({@link IceGatherOptions#candidatePoolSize()} above 0) gathering began
   * when the gatherer was created: this delivers what the pool has, in order, and the rest follows
   * live.
   *
   * @throws IllegalStateException if called twice or after close
   * @throws IceException (GATHER_FAILED) if no local socket could be bound, for example when the
   *     port range is exhausted; the state stays {@code NEW} and the gatherer can only be closed
   */
  public void gather() {
    synchronized (lock) {
      requireOpen("gather()");
      if (startFailure != null) {
        throw new IllegalStateException(
            name + ": gather() failed before (" + startFailure.getMessage() + "); close it");
      }
      if (gatherCalled) {
        throw new IllegalStateException(
            name + ": gather() may be called once; the gatherer is " + visibleState());
      }
      gatherCalled = true;
      if (pooled) {
        // The pool has gathered since creation: show what it has, in order, then go on live.
        handlers.release();
        return;
      }
    }

    begin();
  }

  /** Starts the engine; under a pool this runs at creation, with delivery held until gather(). */
  private void begin() {
    synchronized (lock) {
      // A close() between gather()'s check and here wins: CLOSED is final.
      if (state == IceGathererState.CLOSED) {
        return;
      }
      state = IceGathererState.GATHERING;
      startNanos = System.nanoTime();
      handlers.hold();
      delivery.state(IceGathererState.GATHERING);
      plan.unusable().forEach(delivery::error);
      deadline = SharedThreads.schedule(new Link(this), timeoutMs() + DEADLINE_SLACK_MS);
    }

    if (plan.allLiteral()) {
      startOrRollBack();
    } else {
      releaseIfShown();
      SharedThreads.resolve(this::startQuietly);
    }
  }

  private void releaseIfShown() {
    synchronized (lock) {
      if (gatherCalled || state == IceGathererState.CLOSED) {
        handlers.release();
      }
    }
  }

  private void startOrRollBack() {
    try {
      start();
      releaseIfShown();
    } catch (RuntimeException e) {
      synchronized (lock) {
        if (state == IceGathererState.CLOSED) {
          handlers.release();
          return;
        }
        handlers.discardHeld();
        state = IceGathererState.NEW;
        deadline.cancel(false);
        startFailure = e;
      }
      throw e;
    }
  }

  private void startQuietly() {
    try {
      start();
    } catch (RuntimeException e) {
      synchronized (lock) {
        if (state == IceGathererState.GATHERING) {
          delivery.error(
              new IceCandidateError(
                  null,
                  null,
                  0,
                  IceCandidateError.SERVER_UNREACHABLE,
                  "gathering could not start: " + e.getMessage()));
          finish(false);
        }
      }
    }
  }

  /** Hands addresses and servers to the agent, then lets libnice gather. */
  private void start() {
    AddressChoice choice =
        new AddressChoice(
            wants(false),
            wants(true),
            settings.includeLoopback(),
            settings.interfaceFilter(),
            settings.ipFilter());
    GatherStart prepared = GatherStart.prepare(agent, plan, choice, settings.portRange());

    synchronized (lock) {
      if (state != IceGathererState.GATHERING) {
        return;
      }
      start = prepared;
      mapper.bound(prepared.addresses());
      prepared.errors().forEach(delivery::error);
      if (prepared.addresses().isEmpty()) {
        finish(false);
        return;
      }
    }

    if (!agent.gather()) {
      String where = prepared.addresses().stream().map(LocalAddress::ip).toList().toString();
      throw new IceException(
          IceException.Reason.GATHER_FAILED,
          settings.portRange() == null
              ? name + ": no socket could be bound on " + where
              : name
                  + ": no socket could be bound on "
                  + where
                  + " within ports "
                  + settings.portRange()
                  + ": the range is exhausted or the ports are taken");
    }
  }

  /**
   * The ICE username fragment and password (RFC 8445 section 5.3): 16 and 32 ice-chars from {@link
   * java.security.SecureRandom}, set on the agent and stable for the gatherer's life.
   *
   * @throws IllegalStateException after close
   */
  public IceParameters getLocalParameters() {
    synchronized (lock) {
      requireOpen("getLocalParameters()");
    }

    return parameters;
  }

  /**
   * The candidates delivered so far, in delivery order, as an immutable list: empty while {@code
   * NEW}, a snapshot while gathering, all of them once complete.
   *
   * @throws IllegalStateException after close
   */
  public List<IceCandidate> getLocalCandidates() {
    synchronized (lock) {
      requireOpen("getLocalCandidates()");
      return gatherCalled ? List.copyOf(candidates) : List.of();
    }
  }

  /** The current state; callable after close. */
  public IceGathererState state() {
    synchronized (lock) {
      return visibleState();
    }
  }

  /** A pool gathers before gather(), but the user sees NEW until then. */
  private IceGathererState visibleState() {
    boolean hidden = pooled && !gatherCalled && state != IceGathererState.CLOSED;

    return hidden ? IceGathererState.NEW : state;
  }

  /**
   * Sets the handler for each local candidate, and for {@code null} once gathering is complete
   * (after the {@code COMPLETE} state event). See the class comment for threading.
   *
   * @param handler the handler, or null to stop receiving candidates
   * @throws IllegalStateException after close
   */
  public void onLocalCandidate(Consumer<IceCandidate> handler) {
    synchronized (lock) {
      requireOpen("onLocalCandidate()");
    }
    delivery.onCandidate(handler);
  }

  /**
   * Sets the handler for state changes. See the class comment for threading.
   *
   * @param handler the handler, or null to stop receiving state changes
   * @throws IllegalStateException after close
   */
  public void onStateChange(Consumer<IceGathererState> handler) {
    synchronized (lock) {
      requireOpen("onStateChange()");
    }
    delivery.onState(handler);
  }

  /**
   * Sets the handler for servers that gave no candidate (the W3C {@code icecandidateerror}):
   * unreachable, refused, unresolvable, or not usable by libnice. Every error of a gathering is
   * delivered before its {@code COMPLETE} event. See the class comment for threading.
   *
   * @param handler the handler, or null to stop receiving errors
   * @throws IllegalStateException after close
   */
  public void onCandidateError(Consumer<IceCandidateError> handler) {
    synchronized (lock) {
      requireOpen("onCandidateError()");
    }
    delivery.onError(handler);
  }

  /**
   * Completes with every candidate after the {@code null} candidate has been delivered, or with a
   * {@link java.util.concurrent.CancellationException} if the gatherer is closed before gathering
   * completes.
   *
   * @throws IllegalStateException after close
   */
  public CompletableFuture<List<IceCandidate>> gatheringComplete() {
    synchronized (lock) {
      requireOpen("gatheringComplete()");
    }

    return complete;
  }

  /**
   * Prunes the candidates, closes every socket, releases TURN allocations and moves to {@code
   * CLOSED}, with its state event as the last event. Idempotent; may be called from a handler; does
   * not wait for handlers. A close that interrupts gathering drops the candidates not yet delivered
   * and never delivers the {@code null} candidate.
   */
  @Override
  public void close() {
    boolean completed;
    synchronized (lock) {
      if (state == IceGathererState.CLOSED) {
        return;
      }
      completed = state == IceGathererState.COMPLETE && (gatherCalled || !pooled);
      if (pooled && !gatherCalled) {
        // Nothing of the pool was shown: its held events go, and only CLOSED is delivered.
        handlers.discardHeld();
      } else if (!completed) {
        delivery.interrupt();
      }
      state = IceGathererState.CLOSED;
      candidates.clear();
      if (deadline != null) {
        deadline.cancel(false);
      }
      delivery.state(IceGathererState.CLOSED);
    }

    cleanable.clean();
    if (!completed) {
      complete.cancel(false);
    }
  }

  /**
   * Closes like {@link #close()}, then returns only when every handler call of this gatherer,
   * running or queued, has returned.
   *
   * @throws IllegalStateException if called from one of this gatherer's own handlers, which would
   *     wait for itself; nothing is closed then
   */
  public void gracefulClose() {
    if (handlers.isCurrentThread()) {
      throw new IllegalStateException(
          name + ": gracefulClose() from its own handler would wait for itself; use close()");
    }

    close();
    try {
      handlers.awaitIdle();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The name this gatherer has in log lines and exception messages, e.g. "gatherer-12". */
  public String name() {
    return name;
  }

  /** Whether a pool has completed gathering, shown or not; for tests of the pool. */
  boolean poolComplete() {
    synchronized (lock) {
      return state == IceGathererState.COMPLETE;
    }
  }

  /** Whether the engine has started gathering; for tests that nothing starts before gather(). */
  boolean nativeGathered() {
    synchronized (lock) {
      return state != IceGathererState.NEW;
    }
  }

  /** The ufrag and password libnice holds, for tests that check they match the parameters. */
  String[] nativeCredentials() {
    return agent.credentials();
  }

  @Override
  public String toString() {
    return name + "[" + state() + "]";
  }

  private void onNativeCandidate(NativeCandidate raw) {
    synchronized (lock) {
      if (state != IceGathererState.GATHERING) {
        return;
      }
      if (!outcomes.record(raw)) {
        return;
      }

      for (IceCandidate candidate : mapper.map(raw)) {
        candidates.add(candidate);
        delivery.candidate(candidate);
      }
    }
  }

  private void onEnd(boolean deadlineHit) {
    synchronized (lock) {
      if (state == IceGathererState.GATHERING && (start != null || deadlineHit)) {
        finish(deadlineHit);
      }
    }
  }

  /** Ends gathering; called with the lock held. */
  private void finish(boolean deadlineHit) {
    state = IceGathererState.COMPLETE;
    deadline.cancel(false);

    long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
    boolean timedOut = deadlineHit || elapsedMs >= timeoutMs() * 9 / 10;
    if (start != null) {
      outcomes.failures(start, timedOut, timeoutMs()).forEach(delivery::error);
    }

    List<IceCandidate> all = List.copyOf(candidates);
    delivery.state(IceGathererState.COMPLETE);
    delivery.candidate(null);
    handlers.add(() -> complete.complete(all));
  }

  private void requireOpen(String call) {
    if (state == IceGathererState.CLOSED) {
      throw new IllegalStateException(name + ": " + call + " after close()");
    }
  }

  private boolean wants(IceProtocol protocol) {
    return settings.networkTypes().stream().anyMatch(n -> n.protocol() == protocol);
  }

  private boolean wants(boolean ipv6) {
    return settings.networkTypes().stream().anyMatch(n -> n.isIpv6() == ipv6);
  }

  private long timeoutMs() {
    return settings.stunGatherTimeout().toMillis();
  }

  /**
   * Routes native events and the deadline to the gatherer without keeping it reachable, so an
   * abandoned gatherer can still be collected and cleaned.
   */
  private static final class Link implements EventPump.Listener, Runnable {
    private final WeakReference<IceGatherer> gatherer;

    Link(IceGatherer gatherer) {
      this.gatherer = new WeakReference<>(gatherer);
    }

    @Override
    public void onCandidate(NativeCandidate candidate) {
      IceGatherer g = gatherer.get();
      if (g != null) {
        g.onNativeCandidate(candidate);
      }
    }

    @Override
    public void onGatheringDone() {
      IceGatherer g = gatherer.get();
      if (g != null) {
        g.onEnd(false);
      }
    }

    /** Our own end of gathering, for when libnice never signals one. */
    @Override
    public void run() {
      IceGatherer g = gatherer.get();
      if (g != null) {
        g.onEnd(true);
      }
    }
  }
}
