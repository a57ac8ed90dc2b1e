/*
 * gather-bench: the C twin of io.github.nicegather.bench.GatherTimes, on the bundled libnice with
 * each agent set up as the shim sets one up (native/src/agent.c): the difference is Java's cost.
 *   cases N [W]  per case W warm-ups (default 1) and N gatherings: ms from gather_candidates
 *   loop N [B]   a warm-up and B (default 5) batches of N host-only agents in a row, each closed
 *                once done: us per agent, closing included (ThroughputBench's count in Java)
 * One JSON line per metric (bench/README.md); the bed's values from bed.env, else its defaults.
 */
#include <agent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMPONENT           1
#define WAIT_US             (10 * G_TIME_SPAN_SECOND)
#define env(name, fallback) (g_getenv(name) ? g_getenv(name) : (fallback))

typedef struct {
    const char *name;
    int stun_port; /* 0: no STUN server; 3479 is the bed's closed port */
    gboolean turn, force_relay;
} Case;

static const Case cases[] = {{"host", 0, FALSE, FALSE},
                             {"stun", 3478, FALSE, FALSE},
                             {"turn", 0, TRUE, FALSE},
                             {"relay", 0, TRUE, TRUE},
                             {"unreachable", 3479, FALSE, FALSE},
                             {"create-gather-close", 0, FALSE, FALSE}}; /* the loop's */
static const char *metrics[] = {"complete", "first_srflx", "first_relay"};

typedef struct {
    NiceAgent *nice;
    gint64 start_us;                    /* GLib's monotonic clock: CLOCK_MONOTONIC in us */
    double done_ms, srflx_ms, relay_ms; /* -1 until seen */
    int done;
    gulong on_candidate, on_done;
} Run;

static GMainContext *context;
static GMutex lock;
static GCond changed;
static int closed_agents; /* under lock */

/* Keeps the first time in *ms, counts in *count, and wakes the gathering thread. */
static void mark(Run *run, double *ms, int *count)
{
    g_mutex_lock(&lock);
    if (ms != NULL && *ms < 0)
        *ms = (g_get_monotonic_time() - run->start_us) / 1e3;
    if (count != NULL)
        (*count)++;
    g_cond_broadcast(&changed);
    g_mutex_unlock(&lock);
}

/* Host candidates and a synchronous "done" arrive on the gathering thread, the rest on the loop. */
static void on_candidate(NiceAgent *nice, NiceCandidate *c, Run *run)
{
    (void)nice;
    if (c->type == NICE_CANDIDATE_TYPE_SERVER_REFLEXIVE || c->type == NICE_CANDIDATE_TYPE_RELAYED)
        mark(run, c->type == NICE_CANDIDATE_TYPE_RELAYED ? &run->relay_ms : &run->srflx_ms, NULL);
}

static void on_done(NiceAgent *nice, guint stream, Run *run)
{
    (void)nice, (void)stream;
    mark(run, &run->done_ms, &run->done);
}

static void drop_packet(NiceAgent *a, guint s, guint c, guint len, gchar *buf, gpointer data)
{
    (void)a, (void)s, (void)c, (void)len, (void)buf, (void)data;
}

static void on_closed(GObject *source, GAsyncResult *result, gpointer run)
{
    g_task_propagate_boolean(G_TASK(result), NULL);
    g_object_unref(source);
    mark(run, NULL, &closed_agents);
}

/* As the shim does: on the loop thread, handlers off, then close_async releases allocations. */
static gboolean close_on_loop(gpointer data)
{
    Run *run = data;

    g_signal_handler_disconnect(run->nice, run->on_candidate);
    g_signal_handler_disconnect(run->nice, run->on_done);
    nice_agent_close_async(run->nice, on_closed, run);

    return G_SOURCE_REMOVE;
}

/* Waits until *value reaches target, 10 s at most: far beyond the 2 s of an unreachable server. */
static gboolean wait_for(const int *value, int target)
{
    gint64 deadline = g_get_monotonic_time() + WAIT_US;

    g_mutex_lock(&lock);
    while (*value < target && g_cond_wait_until(&changed, &lock, deadline))
        ;
    gboolean reached = *value >= target;
    g_mutex_unlock(&lock);

    return reached;
}

/*
 * One agent, set up as the shim sets one up for a 2 s STUN timeout, UDP4 + UDP6 and Java's 16 + 32
 * credentials, from creation to its close request; closed_agents counts it once it is closed.
 */
static gboolean gather(const Case *c, Run *run)
{
    const char *server = env("BED_SERVER_V4", "10.213.1.1");
    const char *locals[] = {env("BED_LAN_V4", "10.213.2.2"), env("BED_LAN_V6", "fd13:0:0:2::2")};
    NiceAddress address;

    *run = (Run){.done_ms = -1, .srflx_ms = -1, .relay_ms = -1};
    run->nice = nice_agent_new_full(context, NICE_COMPATIBILITY_RFC5245, 0);
    g_object_set(run->nice, "upnp", FALSE, "ice-udp", TRUE, "ice-tcp", FALSE,
                 "stun-initial-timeout", 500, "stun-max-retransmissions", 3, "force-relay",
                 c->force_relay, NULL);
    guint stream = nice_agent_add_stream(run->nice, 1);
    nice_agent_set_local_credentials(run->nice, stream, "bench+ufrag/0123",
                                     "bench+password/0123456789abcdefg");
    nice_agent_attach_recv(run->nice, stream, COMPONENT, context, drop_packet, NULL);
    for (size_t i = 0; i < G_N_ELEMENTS(locals); i++)
        if (nice_address_set_from_string(&address, locals[i]))
            nice_agent_add_local_address(run->nice, &address);
    if (c->stun_port)
        g_object_set(run->nice, "stun-server", server, "stun-server-port", c->stun_port, NULL);
    if (c->turn)
        nice_agent_set_relay_info(
            run->nice, stream, COMPONENT, server, 3478, env("BED_TURN_USER", "nice"),
            env("BED_TURN_PASSWORD", "gather-secret-1"), NICE_RELAY_TYPE_TURN_UDP);
    run->on_candidate =
        g_signal_connect(run->nice, "new-candidate-full", G_CALLBACK(on_candidate), run);
    run->on_done =
        g_signal_connect(run->nice, "candidate-gathering-done", G_CALLBACK(on_done), run);

    run->start_us = g_get_monotonic_time();
    gboolean done = nice_agent_gather_candidates(run->nice, stream) && wait_for(&run->done, 1);

    g_main_context_invoke(context, close_on_loop, run);
    if (!done)
        fprintf(stderr, "gather-bench: %s: no candidate-gathering-done in 10 s\n", c->name);

    return done;
}

static int by_value(const void *a, const void *b)
{
    return (*(const double *)a > *(const double *)b) - (*(const double *)a < *(const double *)b);
}

/* One line in the shape every suite prints; samples below 0 were never seen and are left out. */
static void print_line(const char *name, const char *metric, double *samples, int count)
{
    int n = 0;

    for (int i = 0; i < count; i++)
        if (samples[i] >= 0)
            samples[n++] = samples[i];
    if (n == 0)
        return;
    qsort(samples, n, sizeof *samples, by_value);
    double median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    printf("{\"suite\":\"c\",\"case\":\"%s\",\"metric\":\"%s\",\"unit\":\"%s\",\"min\":%.3f,"
           "\"median\":%.3f,\"max\":%.3f,\"n\":%d}\n",
           name, metric, strcmp(metric, "per_gatherer") ? "ms" : "us", samples[0], median,
           samples[n - 1], n);
    fflush(stdout);
}

/*
 * W warm-ups and N timed rounds of A agents in a row, each closed once done; a round ends when all
 * are closed, or the process does, as an agent that never closes still points at runs. v gets per
 * round: the last agent's ms to done, srflx and relay, then us per agent.
 */
static gboolean rounds(const Case *c, int agents, int count, int warmups, double *v)
{
    Run *runs = g_new(Run, agents);
    gboolean ok = TRUE;

    for (int r = -warmups; r < count; r++) {
        gint64 start = g_get_monotonic_time();
        closed_agents = 0;
        for (int i = 0; i < agents; i++)
            ok &= gather(c, &runs[i]);
        if (!wait_for(&closed_agents, agents)) {
            fprintf(stderr, "gather-bench: %s: an agent did not close in 10 s\n", c->name);
            exit(1);
        }
        Run *last = &runs[agents - 1];
        if (r >= 0) {
            v[r] = last->done_ms, v[count + r] = last->srflx_ms, v[2 * count + r] = last->relay_ms;
            v[3 * count + r] = (double)(g_get_monotonic_time() - start) / agents;
        }
        g_usleep(20 * G_TIME_SPAN_MILLISECOND); /* coturn frees the allocations meanwhile */
    }
    g_free(runs);

    return ok;
}

static gpointer loop_thread(gpointer loop)
{
    /* close_async answers on the calling thread's default context: it must be ours. */
    g_main_context_push_thread_default(context);
    g_main_loop_run(loop);
    g_main_context_pop_thread_default(context);

    return NULL;
}

int main(int argc, char **argv)
{
    gboolean loop_mode = argc > 2 && strcmp(argv[1], "loop") == 0;
    int count = argc > 2 ? MIN(atoi(argv[2]), 100000) : 0; /* bounded: 100,000 agents ~ 20 s */
    int extra = argc > 3 ? MIN(atoi(argv[3]), 1000) : (loop_mode ? 5 : 1);

    if (argc < 3 || (!loop_mode && strcmp(argv[1], "cases") != 0) || count < 1 || extra < 0) {
        fprintf(stderr, "usage: gather-bench cases N [WARMUPS] | loop N [BATCHES]\n");
        return 2;
    }

    context = g_main_context_new();
    GMainLoop *loop = g_main_loop_new(context, FALSE);
    GThread *thread = g_thread_new("gather-bench-loop", loop_thread, loop);
    int timed = loop_mode ? MAX(extra, 1) : count, warmups = loop_mode ? 1 : extra;
    double *v = g_new(double, 4 * timed);
    gboolean ok = !loop_mode || rounds(&cases[5], count, timed, warmups, v);

    if (loop_mode)
        print_line(cases[5].name, "per_gatherer", v + 3 * timed, timed);
    for (size_t c = 0; !loop_mode && c < 5; c++) {
        ok &= rounds(&cases[c], 1, timed, warmups, v);
        for (int m = 0; m < 3; m++)
            print_line(cases[c].name, metrics[m], v + m * timed, timed);
    }
    g_free(v);

    g_main_loop_quit(loop);
    g_thread_join(thread);
    g_main_loop_unref(loop);
    g_main_context_unref(context);

    return ok ? 0 : 1;
}
