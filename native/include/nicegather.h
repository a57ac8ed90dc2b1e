/*
 * nicegather shim: the small C surface between libnice and the Java binding.
 *
 * Agents are named by a 64-bit id chosen by the caller, never by a pointer, so a stale or
 * repeated call from Java gets NG_E_NO_AGENT instead of touching freed memory. Every agent
 * runs on one process-wide GLib main loop thread owned by the shim. Nothing calls back into
 * the caller: candidates and state leave through a queue that the caller drains with
 * ng_poll(), in fixed-size records laid out below.
 *
 * No GLib type appears here. Every function returns 0 or a positive count on success and a
 * negative NG_E_* code on failure; arguments are checked before anything is created.
 */
#ifndef NICEGATHER_H
#define NICEGATHER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NG_E_ARGUMENT -1 /* a NULL, empty or out-of-range argument */
#define NG_E_NO_AGENT -2 /* no live agent has this id */
#define NG_E_EXISTS   -3 /* an agent with this id is already live */
#define NG_E_ADDRESS  -4 /* not an IP literal the engine accepts */
#define NG_E_ENGINE   -5 /* libnice refused the call */
#define NG_E_GATHER   -6 /* gathering could not start: no address could be bound */
#define NG_E_STATE    -7 /* the agent is closing, or already gathering */
#define NG_E_RUNTIME  -8 /* the loop thread could not be started */

/* Agent flags. */
#define NG_FLAG_LITE 1 /* ICE-lite: host candidates only (RFC 8445 section 2.5) */
#define NG_FLAG_UDP  2 /* gather UDP candidates */
#define NG_FLAG_TCP  4 /* gather ICE-TCP candidates (RFC 6544) */

/* Relay transports for ng_agent_add_turn. */
#define NG_TURN_UDP 0
#define NG_TURN_TCP 1

/* Event kinds. */
#define NG_EVENT_CANDIDATE 1 /* a local candidate; the record carries it */
#define NG_EVENT_DONE      2 /* libnice's candidate-gathering-done */
#define NG_EVENT_CLOSED    3 /* the agent's native side is freed; its id may be reused */
#define NG_EVENT_LOG       4 /* a warning of libnice or GLib; agent id 0, text in the record */

/* Candidate types and transports, as libnice numbers them. */
#define NG_TYPE_HOST             0
#define NG_TYPE_SRFLX            1
#define NG_TYPE_PRFLX            2
#define NG_TYPE_RELAY            3
#define NG_TRANSPORT_UDP         0
#define NG_TRANSPORT_TCP_ACTIVE  1
#define NG_TRANSPORT_TCP_PASSIVE 2
#define NG_TRANSPORT_TCP_SO      3

/*
 * One event, NG_RECORD_SIZE bytes, native byte order:
 *   0  int64  agent id
 *   8  int32  kind (NG_EVENT_*)
 *  12  uint32 priority
 *  16  uint16 port
 *  18  uint16 base port
 *  20  uint8  type (NG_TYPE_*)
 *  21  uint8  transport (NG_TRANSPORT_*)
 *  22  uint8  component
 *  23  uint8  relay server index (for relay candidates: order of ng_agent_add_turn calls)
 *  24  char[64] address, NUL-terminated  (log events: text up to the end of the record)
 *  88  char[64] base address, NUL-terminated
 * 152  char[40] foundation, NUL-terminated
 */
#define NG_RECORD_SIZE    192
#define NG_ADDRESS_MAX    64
#define NG_FOUNDATION_MAX 40

/* Starts the loop thread once per process; later calls return 0 at once. */
int ng_runtime_start(void);

/* The libnice and GLib versions the shim was built with, e.g. "libnice 0.1.21, GLib 2.74.6". */
const char *ng_version(void);

/*
 * Writes the host's usable IP addresses into buf (NUL-terminated), one "address interface" line
 * each (the interface is empty when unknown), and returns how many. IPv6 link-local addresses
 * come without their scope, which is the interface. Loopback only when asked.
 */
int ng_local_addresses(int include_loopback, char *buf, int capacity);

/*
 * Creates an agent with one stream of one component and the given credentials.
 * stun_timeout_ms is how long one STUN/TURN transaction may take before libnice gives up.
 */
int ng_agent_new(int64_t id, const char *ufrag, const char *pwd, int flags, int stun_timeout_ms);

/* Binds host candidates to this address only; call once per address before gathering. */
int ng_agent_add_local_address(int64_t id, const char *ip);

/* Limits the local ports of the agent's host sockets to min..max; call before gathering. */
int ng_agent_set_port_range(int64_t id, int min, int max);

/* The one STUN server libnice allows per agent; ip must be a literal. */
int ng_agent_set_stun(int64_t id, const char *ip, int port);

/* Adds a TURN server (at most 8); returns its index, which relay candidates report back. */
int ng_agent_add_turn(int64_t id, const char *ip, int port, const char *username,
                      const char *password, int transport);

/* Starts gathering. Host candidates are queued before this returns. */
int ng_agent_gather(int64_t id);

/* Copies the agent's ufrag and password as libnice holds them, for checks. */
int ng_agent_credentials(int64_t id, char *ufrag, int ufrag_capacity, char *pwd, int pwd_capacity);

/*
 * Releases TURN allocations, closes every socket and frees the agent, on the loop thread.
 * Returns at once; NG_EVENT_CLOSED follows when the native side is gone.
 */
int ng_agent_close(int64_t id);

/*
 * Copies up to capacity / NG_RECORD_SIZE queued events into buf and returns how many, waiting
 * up to timeout_ms for the first one (0: do not wait).
 */
int ng_poll(void *buf, int capacity, int timeout_ms);

/* Agents alive in the shim, for leak checks. */
int ng_agent_count(void);

/*
 * The shim's live allocations, for leak checks: agents, their signal data and the event queue,
 * which stays allocated from the first event on. GLib's and libnice's own memory is not counted.
 */
int64_t ng_allocations(void);

#ifdef __cplusplus
}
#endif

#endif
