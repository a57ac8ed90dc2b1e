/*
 * Agents by id: creation, configuration, gathering and closing.
 *
 * Java names an agent by an id, never by a pointer, so a late or repeated call finds nothing
 * instead of freed memory. The table holds one reference on each NiceAgent; calls that may
 * run long take their own reference and drop the table lock first.
 */
#include <agent.h>
#include <string.h>

#include "shim.h"

#define COMPONENT 1
#define MAX_TURN  8

typedef struct {
    int64_t id;
    NiceAgent *nice;
    guint stream;
    gulong on_candidate;
    gulong on_done;
    int turn_count;
    gboolean gathered;
    gboolean in_gather;  /* a thread is inside nice_agent_gather_candidates() */
    gboolean done_held;  /* "done" came meanwhile; pushed once that call returns */
    gboolean close_held; /* closed meanwhile; that thread starts the close once the call returns */
} ng_agent;

static GMutex table_lock;
static GHashTable *table; /* int64 id -> ng_agent*, live agents only */
static gint live;         /* created and not yet freed, closing ones included */

static ng_agent *find_locked(int64_t id)
{
    return table ? g_hash_table_lookup(table, &id) : NULL;
}

/*
 * Takes the table lock and finds an agent that may still be configured. Returns it with the lock
 * held, or NULL with the lock released and *result set to the reason.
 */
static ng_agent *lock_configurable(int64_t id, int *result)
{
    g_mutex_lock(&table_lock);
    ng_agent *agent = find_locked(id);
    if (agent != NULL && !agent->gathered)
        return agent;

    *result = agent == NULL ? NG_E_NO_AGENT : NG_E_STATE;
    g_mutex_unlock(&table_lock);

    return NULL;
}

static void put_string(unsigned char *record, int offset, int size, const char *text)
{
    g_strlcpy((char *)record + offset, text, size);
}

static void push_event(int64_t id, int32_t kind)
{
    unsigned char record[NG_RECORD_SIZE] = {0};

    memcpy(record, &id, sizeof id);
    memcpy(record + 8, &kind, sizeof kind);
    shim_queue_push(record);
}

/*
 * For a family other than IPv4 and IPv6, nice_address_to_string() logs a critical and writes
 * nothing, which left stack bytes in the record: such an address becomes "" and port 0 instead.
 */
static void put_address(unsigned char *record, int port_offset, int text_offset,
                        const NiceAddress *address)
{
    char text[INET6_ADDRSTRLEN] = "";
    uint16_t port = 0;
    int family = address->s.addr.sa_family;

    if (family == AF_INET || family == AF_INET6) {
        nice_address_to_string(address, text);
        port = (uint16_t)nice_address_get_port(address);
    }
    memcpy(record + port_offset, &port, sizeof port);
    put_string(record, text_offset, NG_ADDRESS_MAX, text);
}

void shim_record_candidate(const NiceCandidate *c, int64_t id, unsigned char *record)
{
    int32_t kind = NG_EVENT_CANDIDATE;
    uint32_t priority = c->priority;

    memset(record, 0, NG_RECORD_SIZE);
    memcpy(record, &id, sizeof id);
    memcpy(record + 8, &kind, sizeof kind);
    memcpy(record + 12, &priority, sizeof priority);
    record[20] = (unsigned char)c->type;
    record[21] = (unsigned char)c->transport;
    record[22] = (unsigned char)c->component_id;
    /* libnice keeps the TURN server's position in bits 6-8 of the local preference. */
    record[23] = (unsigned char)((priority >> 14) & 0x7);

    put_address(record, 16, 24, &c->addr);
    put_address(record, 18, 88, &c->base_addr);
    put_string(record, 152, NG_FOUNDATION_MAX, c->foundation);
}

/* Runs on whichever thread caused the candidate: the gathering caller or the loop thread. */
static void on_candidate(NiceAgent *nice, NiceCandidate *c, gpointer data)
{
    (void)nice;
    unsigned char record[NG_RECORD_SIZE];

    shim_record_candidate(c, *(int64_t *)data, record);
    shim_queue_push(record);
}

/*
 * libnice emits signals after dropping its lock, so when a server answers at once the loop
 * thread's "done" can overtake host candidates the gathering thread has still to emit. Held
 * while that call runs, it follows them.
 */
static void on_done(NiceAgent *nice, guint stream, gpointer data)
{
    (void)nice;
    (void)stream;
    int64_t id = *(int64_t *)data;

    g_mutex_lock(&table_lock);
    ng_agent *agent = find_locked(id);
    gboolean hold = agent != NULL && agent->in_gather;
    if (hold)
        agent->done_held = TRUE;
    g_mutex_unlock(&table_lock);

    if (!hold)
        push_event(id, NG_EVENT_DONE);
}

/* Packets that are not STUN would reach here; a gatherer has no use for them. */
static void drop_packet(NiceAgent *nice, guint stream, guint component, guint len, gchar *buf,
                        gpointer data)
{
    (void)nice, (void)stream, (void)component, (void)len, (void)buf, (void)data;
}

static int64_t *boxed_id(int64_t id)
{
    int64_t *box = shim_alloc(sizeof *box);
    *box = id;

    return box;
}

static void free_box(gpointer box, GClosure *closure)
{
    (void)closure;
    shim_free(box);
}

/*
 * For tests only: NICEGATHER_TEST_PACING_MS, read once per process, replaces libnice's pacing
 * tick Ta (stun-pacing-timer, 20 ms) for every agent, so that a test can tell work done when an
 * answer arrives from work left to the next tick. 0 when unset or out of 1-10000.
 */
static guint test_pacing_ms(void)
{
    static gsize once;
    static guint pacing;

    if (g_once_init_enter(&once)) {
        const char *text = g_getenv("NICEGATHER_TEST_PACING_MS");
        guint64 value = text != NULL ? g_ascii_strtoull(text, NULL, 10) : 0;
        pacing = value >= 1 && value <= 10000 ? (guint)value : 0;
        g_once_init_leave(&once, 1);
    }

    return pacing;
}

static int valid_credential(const char *text)
{
    return text != NULL && text[0] != '\0' && strlen(text) <= 256;
}

int ng_agent_new(int64_t id, const char *ufrag, const char *pwd, int flags, int stun_timeout_ms)
{
    if (!valid_credential(ufrag) || !valid_credential(pwd))
        return NG_E_ARGUMENT;
    if ((flags & ~(NG_FLAG_LITE | NG_FLAG_UDP | NG_FLAG_TCP)) != 0)
        return NG_E_ARGUMENT;
    if ((flags & (NG_FLAG_UDP | NG_FLAG_TCP)) == 0)
        return NG_E_ARGUMENT;
    if (stun_timeout_ms < 80 || stun_timeout_ms > 39996)
        return NG_E_ARGUMENT;

    int started = ng_runtime_start();
    if (started < 0)
        return started;

    g_mutex_lock(&table_lock);
    if (table == NULL)
        table = g_hash_table_new(g_int64_hash, g_int64_equal);
    if (find_locked(id) != NULL) {
        g_mutex_unlock(&table_lock);
        return NG_E_EXISTS;
    }

    NiceAgentOption options = (flags & NG_FLAG_LITE) ? NICE_AGENT_OPTION_LITE_MODE : 0;
    NiceAgent *nice = nice_agent_new_full(shim_context(), NICE_COMPATIBILITY_RFC5245, options);

    /*
     * Three transmissions (RFC 8489 section 6.2.1 with Rc = 3) end one transaction after four
     * initial RTOs in libnice's timer, so the RTO is a quarter of the configured timeout.
     */
    g_object_set(nice, "upnp", FALSE, "ice-udp", (flags & NG_FLAG_UDP) != 0, "ice-tcp",
                 (flags & NG_FLAG_TCP) != 0, "stun-initial-timeout", stun_timeout_ms / 4,
                 "stun-max-retransmissions", 3, NULL);
    if (test_pacing_ms() > 0)
        g_object_set(nice, "stun-pacing-timer", test_pacing_ms(), NULL);

    guint stream = nice_agent_add_stream(nice, 1);
    if (stream == 0 || !nice_agent_set_local_credentials(nice, stream, ufrag, pwd)) {
        g_object_unref(nice);
        g_mutex_unlock(&table_lock);
        return NG_E_ENGINE;
    }

    /* Without a receive callback on our context, STUN and TURN answers are never read. */
    nice_agent_attach_recv(nice, stream, COMPONENT, shim_context(), drop_packet, NULL);

    ng_agent *agent = shim_alloc(sizeof *agent);
    agent->id = id;
    agent->nice = nice;
    agent->stream = stream;
    agent->on_candidate = g_signal_connect_data(
        nice, "new-candidate-full", G_CALLBACK(on_candidate), boxed_id(id), free_box, 0);
    agent->on_done = g_signal_connect_data(nice, "candidate-gathering-done", G_CALLBACK(on_done),
                                           boxed_id(id), free_box, 0);

    g_hash_table_insert(table, &agent->id, agent);
    g_atomic_int_inc(&live);
    g_mutex_unlock(&table_lock);

    return 0;
}

int ng_agent_add_local_address(int64_t id, const char *ip)
{
    NiceAddress address;

    if (ip == NULL || !nice_address_set_from_string(&address, ip))
        return NG_E_ADDRESS;

    int result;
    ng_agent *agent = lock_configurable(id, &result);
    if (agent == NULL)
        return result;

    result = nice_agent_add_local_address(agent->nice, &address) ? 0 : NG_E_ENGINE;
    g_mutex_unlock(&table_lock);

    return result;
}

int ng_agent_set_port_range(int64_t id, int min, int max)
{
    if (min < 1 || max > 65535 || min > max)
        return NG_E_ARGUMENT;

    int result;
    ng_agent *agent = lock_configurable(id, &result);
    if (agent == NULL)
        return result;

    nice_agent_set_port_range(agent->nice, agent->stream, COMPONENT, (guint)min, (guint)max);
    g_mutex_unlock(&table_lock);

    return 0;
}

/*
 * libnice hands the STUN server's text to GResolver, which refuses the short IPv4 forms that
 * nice_address_set_from_string() accepts ("127.1", "0177.0.0.1"), and "done" then never comes:
 * it is given the address as inet_ntop() writes it instead.
 */
int ng_agent_set_stun(int64_t id, const char *ip, int port)
{
    NiceAddress address;
    char text[INET6_ADDRSTRLEN];

    if (ip == NULL || !nice_address_set_from_string(&address, ip))
        return NG_E_ADDRESS;
    if (port < 1 || port > 65535)
        return NG_E_ARGUMENT;

    int result;
    ng_agent *agent = lock_configurable(id, &result);
    if (agent == NULL)
        return result;

    nice_address_to_string(&address, text);
    g_object_set(agent->nice, "stun-server", text, "stun-server-port", (guint)port, NULL);
    g_mutex_unlock(&table_lock);

    return 0;
}

int ng_agent_add_turn(int64_t id, const char *ip, int port, const char *username,
                      const char *password, int transport)
{
    NiceAddress address;

    if (ip == NULL || !nice_address_set_from_string(&address, ip))
        return NG_E_ADDRESS;
    if (port < 1 || port > 65535 || !valid_credential(username) || !valid_credential(password))
        return NG_E_ARGUMENT;
    if (transport != NG_TURN_UDP && transport != NG_TURN_TCP)
        return NG_E_ARGUMENT;

    NiceRelayType type =
        transport == NG_TURN_TCP ? NICE_RELAY_TYPE_TURN_TCP : NICE_RELAY_TYPE_TURN_UDP;

    int result;
    ng_agent *agent = lock_configurable(id, &result);
    if (agent == NULL)
        return result;

    if (agent->turn_count == MAX_TURN) {
        result = NG_E_STATE;
    } else {
        gboolean ok = nice_agent_set_relay_info(agent->nice, agent->stream, COMPONENT, ip,
                                                (guint)port, username, password, type);
        result = ok ? agent->turn_count++ : NG_E_ENGINE;
    }
    g_mutex_unlock(&table_lock);

    return result;
}

static gboolean close_on_loop(gpointer data);

int ng_agent_gather(int64_t id)
{
    g_mutex_lock(&table_lock);
    ng_agent *agent = find_locked(id);
    NiceAgent *nice = NULL;
    guint stream = 0;
    int result = NG_E_NO_AGENT;
    if (agent != NULL && agent->gathered)
        result = NG_E_STATE;
    else if (agent != NULL) {
        agent->gathered = TRUE;
        agent->in_gather = TRUE;
        nice = g_object_ref(agent->nice);
        stream = agent->stream;
        result = 0;
    }
    g_mutex_unlock(&table_lock);

    if (nice == NULL)
        return result;

    /* Host candidates and, when nothing is left to discover, "done" are emitted in here. */
    gboolean started = nice_agent_gather_candidates(nice, stream);
    g_object_unref(nice);

    /* A close held meanwhile still waits for this, so the agent is still ours to look at. */
    g_mutex_lock(&table_lock);
    agent->in_gather = FALSE;
    gboolean closing = agent->close_held;
    /* Pushed under the lock: a close from another thread cannot get NG_EVENT_CLOSED in first. */
    if (agent->done_held && !closing)
        push_event(id, NG_EVENT_DONE);
    g_mutex_unlock(&table_lock);

    if (closing)
        g_main_context_invoke(shim_context(), close_on_loop, agent);

    return started ? 0 : NG_E_GATHER;
}

int ng_agent_credentials(int64_t id, char *ufrag, int ufrag_capacity, char *pwd, int pwd_capacity)
{
    if (ufrag == NULL || pwd == NULL || ufrag_capacity < 1 || pwd_capacity < 1)
        return NG_E_ARGUMENT;

    g_mutex_lock(&table_lock);
    ng_agent *agent = find_locked(id);
    gchar *local_ufrag = NULL;
    gchar *local_pwd = NULL;
    int result = NG_E_NO_AGENT;
    if (agent != NULL) {
        gboolean ok =
            nice_agent_get_local_credentials(agent->nice, agent->stream, &local_ufrag, &local_pwd);
        result = ok && local_ufrag && local_pwd ? 0 : NG_E_ENGINE;
    }
    g_mutex_unlock(&table_lock);

    if (result == 0) {
        g_strlcpy(ufrag, local_ufrag, ufrag_capacity);
        g_strlcpy(pwd, local_pwd, pwd_capacity);
    }
    g_free(local_ufrag);
    if (local_pwd != NULL)
        memset(local_pwd, 0, strlen(local_pwd));
    g_free(local_pwd);

    return result;
}

/* The event goes last: whoever reads it may check ng_agent_count() and ng_allocations(). */
static void on_closed(GObject *source, GAsyncResult *result, gpointer data)
{
    ng_agent *agent = data;
    int64_t id = agent->id;

    (void)source;
    g_task_propagate_boolean(G_TASK(result), NULL);
    g_object_unref(agent->nice);
    shim_free(agent);
    g_atomic_int_add(&live, -1);
    push_event(id, NG_EVENT_CLOSED);
}

/*
 * Runs on the loop thread. close_async releases TURN allocations (a Refresh with lifetime 0,
 * RFC 8656 section 7) and cancels lookups; remove_stream is avoided on purpose, as it races
 * libnice's STUN resolver and dereferences a freed stream.
 */
static gboolean close_on_loop(gpointer data)
{
    ng_agent *agent = data;

    g_signal_handler_disconnect(agent->nice, agent->on_candidate);
    g_signal_handler_disconnect(agent->nice, agent->on_done);
    nice_agent_close_async(agent->nice, on_closed, agent);

    return G_SOURCE_REMOVE;
}

/*
 * A thread inside nice_agent_gather_candidates() may be emitting host candidates from it: closing
 * under it would let them follow NG_EVENT_CLOSED, so that thread starts the close when it is out.
 */
int ng_agent_close(int64_t id)
{
    g_mutex_lock(&table_lock);
    ng_agent *agent = find_locked(id);
    gboolean now = agent != NULL && !agent->in_gather;
    if (agent != NULL) {
        g_hash_table_remove(table, &id);
        agent->close_held = !now;
    }
    g_mutex_unlock(&table_lock);

    if (agent == NULL)
        return NG_E_NO_AGENT;

    if (now)
        g_main_context_invoke(shim_context(), close_on_loop, agent);

    return 0;
}

int ng_agent_count(void)
{
    return g_atomic_int_get(&live);
}
