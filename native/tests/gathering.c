/*
 * Gathering on loopback, which libnice leaves out unless asked: host candidates only, no server,
 * no packet sent. Records are decoded as nicegather.h documents them.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "check.h"

#define WAIT_MS 5000

/* A UDP socket bound to an ephemeral port of address; -1 when the family is not there. */
static int bound_socket(int family, const char *address, int *port)
{
    struct sockaddr_storage storage = {0};
    socklen_t length = sizeof storage;
    int fd = socket(family, SOCK_DGRAM, 0);

    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)&storage;
        in->sin_family = AF_INET;
        inet_pton(AF_INET, address, &in->sin_addr);
        length = sizeof *in;
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&storage;
        in6->sin6_family = AF_INET6;
        inet_pton(AF_INET6, address, &in6->sin6_addr);
        length = sizeof *in6;
    }
    if (fd < 0 || bind(fd, (struct sockaddr *)&storage, length) != 0 ||
        getsockname(fd, (struct sockaddr *)&storage, &length) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *port = ntohs(family == AF_INET ? ((struct sockaddr_in *)&storage)->sin_port
                                    : ((struct sockaddr_in6 *)&storage)->sin6_port);

    return fd;
}

/* An agent on 127.0.0.1 only; 0 if any step failed. */
static int64_t loopback_agent(int flags)
{
    int64_t id = check_agent(flags);

    return id != 0 && ng_agent_add_local_address(id, "127.0.0.1") == 0 ? id : 0;
}

static void gather_on_loopback_gives_a_host_candidate(void)
{
    check_event c[4];
    int64_t id = loopback_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(check_gathered(id, c, 4, WAIT_MS), 1);
    CHECK(c[0].terminated, "a string of the record runs past its field");
    CHECK_INT(c[0].id, id);
    CHECK_INT(c[0].kind, NG_EVENT_CANDIDATE);
    CHECK_INT(c[0].type, NG_TYPE_HOST);
    CHECK_INT(c[0].transport, NG_TRANSPORT_UDP);
    CHECK_INT(c[0].component, 1);
    CHECK_INT(c[0].relay, 0);
    CHECK(strcmp(c[0].address, "127.0.0.1") == 0, "address \"%s\"", c[0].address);
    CHECK(strcmp(c[0].base_address, "127.0.0.1") == 0, "base \"%s\"", c[0].base_address);
    CHECK(c[0].port != 0, "port 0");
    CHECK_INT(c[0].base_port, c[0].port);
    /* RFC 8445 section 5.1.2.1: type preference 120 (libnice's host), 256 - component. */
    CHECK_INT(c[0].priority >> 24, 120);
    CHECK_INT(c[0].priority & 0xff, 255);
    CHECK(c[0].foundation[0] != '\0', "empty foundation");
}

static void gather_keeps_to_the_port_range(void)
{
    check_event c[4];
    int port;
    int fd = bound_socket(AF_INET, "127.0.0.1", &port);
    int64_t id = loopback_agent(NG_FLAG_UDP);

    CHECK(fd >= 0, "no free port on 127.0.0.1");
    close(fd);
    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_set_port_range(id, port, port), 0);
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(check_gathered(id, c, 4, WAIT_MS), 1);
    CHECK_INT(c[0].port, port);
}

/* libnice's gather fails, and emits nothing, when no port of the range can be bound. */
static void gather_fails_when_the_port_range_is_taken(void)
{
    check_event event;
    int port;
    int fd = bound_socket(AF_INET, "127.0.0.1", &port);
    int64_t id = loopback_agent(NG_FLAG_UDP);
    int result = id != 0 ? ng_agent_set_port_range(id, port, port) : -100;

    if (result == 0)
        result = ng_agent_gather(id);
    if (fd >= 0)
        close(fd);
    CHECK(fd >= 0, "no free port on 127.0.0.1");
    CHECK_INT(result, NG_E_GATHER);
    CHECK(!check_next(id, &event, 100), "event %d after a failed gather", event.kind);
}

/* 192.0.2.1 (TEST-NET-1, RFC 5737) is on no interface here: binding fails, nothing is sent. */
static void gather_fails_when_no_address_can_be_bound(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_add_local_address(id, "192.0.2.1"), 0);
    CHECK_INT(ng_agent_gather(id), NG_E_GATHER);
}

/*
 * GResolver refuses "127.1", which getaddrinfo takes: the shim passes "127.0.0.1" on, so the
 * Binding request times out (80 ms) and "done" comes. The server is a socket of this test that
 * never answers, on loopback.
 */
static void stun_server_in_short_ipv4_form_still_ends_gathering(void)
{
    check_event c[4];
    int port;
    int fd = bound_socket(AF_INET, "127.0.0.1", &port);
    int64_t id = check_id();
    int result = ng_agent_new(id, "ufrag", "password-of-22-chars!!", NG_FLAG_UDP, 80);

    if (result == 0)
        result = ng_agent_add_local_address(id, "127.0.0.1");
    if (result == 0 && fd >= 0)
        result = ng_agent_set_stun(id, "127.1", port);
    if (result == 0 && fd >= 0)
        result = ng_agent_gather(id);
    int count = result == 0 ? check_gathered(id, c, 4, 3000) : -2;
    if (fd >= 0)
        close(fd);
    CHECK(fd >= 0, "no free port on 127.0.0.1");
    CHECK_INT(result, 0);
    CHECK(count == 1, "%d candidates before done (-1: no done within 3 s)", count);
}

static void gather_twice_is_a_state_error(void)
{
    check_event c[4];
    int64_t id = loopback_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(ng_agent_gather(id), NG_E_STATE);
    CHECK_INT(check_gathered(id, c, 4, WAIT_MS), 1);
}

/* libnice reads its settings when gathering starts: later changes would be silently lost. */
static void configuring_after_gather_is_a_state_error(void)
{
    int64_t id = loopback_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(ng_agent_add_local_address(id, "127.0.0.1"), NG_E_STATE);
    CHECK_INT(ng_agent_set_port_range(id, 1, 65535), NG_E_STATE);
    CHECK_INT(ng_agent_set_stun(id, "127.0.0.1", 3478), NG_E_STATE);
    CHECK_INT(ng_agent_add_turn(id, "127.0.0.1", 3478, "u", "p", NG_TURN_UDP), NG_E_STATE);
}

/* RFC 6544: an active candidate, never bound and so on port 0, and a listening passive one. */
static void gather_tcp_gives_active_and_passive_candidates(void)
{
    check_event c[8];
    int64_t id = loopback_agent(NG_FLAG_TCP);
    int seen = 0;

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(check_gathered(id, c, 8, WAIT_MS), 2);
    for (int i = 0; i < 2; i++) {
        CHECK_INT(c[i].type, NG_TYPE_HOST);
        CHECK(strcmp(c[i].address, "127.0.0.1") == 0, "address \"%s\"", c[i].address);
        CHECK(c[i].transport == NG_TRANSPORT_TCP_ACTIVE ||
                  c[i].transport == NG_TRANSPORT_TCP_PASSIVE,
              "transport %d", c[i].transport);
        CHECK(c[i].transport == NG_TRANSPORT_TCP_ACTIVE ? c[i].port == 0 : c[i].port != 0,
              "transport %d with port %d", c[i].transport, c[i].port);
        seen |= 1 << c[i].transport;
    }
    CHECK_INT(seen, (1 << NG_TRANSPORT_TCP_ACTIVE) | (1 << NG_TRANSPORT_TCP_PASSIVE));
}

static void gather_on_ipv6_loopback(void)
{
    check_event c[4];
    int port;
    int fd = bound_socket(AF_INET6, "::1", &port);

    if (fd < 0) {
        check_skip("no ::1 on this machine");
        return;
    }
    close(fd);

    int64_t id = check_agent(NG_FLAG_UDP);
    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_add_local_address(id, "::1"), 0);
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(check_gathered(id, c, 4, WAIT_MS), 1);
    CHECK(c[0].terminated, "a string of the record runs past its field");
    CHECK(strcmp(c[0].address, "::1") == 0, "address \"%s\"", c[0].address);
    CHECK(strcmp(c[0].base_address, "::1") == 0, "base \"%s\"", c[0].base_address);
    CHECK(c[0].port != 0 && c[0].port == c[0].base_port, "ports %d, %d", c[0].port, c[0].base_port);
}

/* ICE-lite gathers host candidates as a full agent does; it only skips STUN and TURN. */
static void lite_agent_gathers_host_candidates(void)
{
    check_event c[4];
    int64_t id = loopback_agent(NG_FLAG_LITE | NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(check_gathered(id, c, 4, WAIT_MS), 1);
    CHECK_INT(c[0].type, NG_TYPE_HOST);
}

static void credentials_are_what_the_agent_was_given(void)
{
    char ufrag[300], pwd[300];
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_credentials(id, ufrag, sizeof ufrag, pwd, sizeof pwd), 0);
    CHECK(strcmp(ufrag, "ufrag") == 0, "ufrag \"%s\"", ufrag);
    CHECK(strcmp(pwd, "password-of-22-chars!!") == 0, "pwd \"%s\"", pwd);
}

static void credentials_are_cut_to_the_buffers(void)
{
    char ufrag[3], pwd[1];
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_credentials(id, ufrag, sizeof ufrag, pwd, sizeof pwd), 0);
    CHECK(strcmp(ufrag, "uf") == 0, "ufrag \"%s\"", ufrag);
    CHECK(pwd[0] == '\0', "pwd not empty");
}

static void credentials_check_their_buffers(void)
{
    char ufrag[8], pwd[8];
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_credentials(id, NULL, 8, pwd, 8), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_credentials(id, ufrag, 8, NULL, 8), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_credentials(id, ufrag, 0, pwd, 8), NG_E_ARGUMENT);
    CHECK_INT(ng_agent_credentials(id, ufrag, 8, pwd, -1), NG_E_ARGUMENT);
}

const check_test gathering_tests[] = {
    {"gather_on_loopback_gives_a_host_candidate", gather_on_loopback_gives_a_host_candidate},
    {"gather_keeps_to_the_port_range", gather_keeps_to_the_port_range},
    {"gather_fails_when_the_port_range_is_taken", gather_fails_when_the_port_range_is_taken},
    {"gather_fails_when_no_address_can_be_bound", gather_fails_when_no_address_can_be_bound},
    {"stun_server_in_short_ipv4_form_still_ends_gathering",
     stun_server_in_short_ipv4_form_still_ends_gathering},
    {"gather_twice_is_a_state_error", gather_twice_is_a_state_error},
    {"configuring_after_gather_is_a_state_error", configuring_after_gather_is_a_state_error},
    {"gather_tcp_gives_active_and_passive_candidates",
     gather_tcp_gives_active_and_passive_candidates},
    {"gather_on_ipv6_loopback", gather_on_ipv6_loopback},
    {"lite_agent_gathers_host_candidates", lite_agent_gathers_host_candidates},
    {"credentials_are_what_the_agent_was_given", credentials_are_what_the_agent_was_given},
    {"credentials_are_cut_to_the_buffers", credentials_are_cut_to_the_buffers},
    {"credentials_check_their_buffers", credentials_check_their_buffers},
    {NULL, NULL},
};
