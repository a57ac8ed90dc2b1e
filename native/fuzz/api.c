/*
 * Fuzzes what Java hands the shim as text and numbers: the ng_agent_* calls on a live agent,
 * ng_local_addresses' lines and buffer, ng_poll's buffer. Each result is checked against the
 * contract in nicegather.h, buffers are allocated to their exact size so that AddressSanitizer
 * sees any write past them, and after each input every agent is closed and ng_agent_count() and
 * ng_allocations() must be back where they were. Nothing gathers, so no packet is ever sent.
 *
 * Input: lines, each a command letter and tab-separated fields (numbers in decimal):
 *   L ip                          ng_agent_add_local_address
 *   S ip port                     ng_agent_set_stun
 *   T ip port user pass transport ng_agent_add_turn
 *   R min max                     ng_agent_set_port_range
 *   C ufrag_capacity pwd_capacity ng_agent_credentials
 *   N ufrag pwd flags timeout cap ng_agent_new of a second agent, its credentials, its close
 *   A entry                       the ng_local_addresses line of one libnice address entry
 *   B loopback capacity           ng_local_addresses
 *   P capacity                    ng_poll without waiting (the queue is empty here)
 */
#include <ifaddrs.h>
#include <limits.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "shim.h"

#define PRIMARY      1
#define SECOND       2
#define MAX_COMMANDS 64
#define MAX_FIELDS   5
#define UFRAG        "ufrag"
#define PWD          "password-of-22-chars!!"

static struct ifaddrs *interfaces;
static int64_t baseline;
static int turn_count;

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "api invariant broken: %s (%s)\n", what, detail ? detail : "");
    abort();
}

static void expect(int result, int expected, const char *call, const char *detail)
{
    if (result != expected) {
        fprintf(stderr, "%s returned %d, expected %d\n", call, result, expected);
        fail(call, detail);
    }
}

/* What the engine takes as an address: libnice parses with getaddrinfo(AI_NUMERICHOST). */
static int numeric_host(const char *text)
{
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_flags = AI_NUMERICHOST};
    struct addrinfo *found = NULL;
    int ok = getaddrinfo(text, NULL, &hints, &found) == 0;

    if (found != NULL)
        freeaddrinfo(found);

    return ok;
}

static int number(const char *text)
{
    long long value = strtoll(text, NULL, 10);

    return value < INT_MIN ? INT_MIN : value > INT_MAX ? INT_MAX : (int)value;
}

static int credential(const char *text)
{
    size_t length = strlen(text);

    return length >= 1 && length <= 256;
}

/* A buffer of exactly capacity bytes, at least one so that malloc gives a real block. */
static char *exact(int capacity)
{
    return malloc(capacity > 0 ? (size_t)capacity : 1);
}

/* Waits for NG_EVENT_CLOSED of id; any other event is a broken invariant here. */
static void await_closed(int64_t id)
{
    unsigned char record[NG_RECORD_SIZE];
    int64_t got;
    int32_t kind;

    if (ng_poll(record, sizeof record, 10000) != 1)
        fail("no NG_EVENT_CLOSED within 10 s", NULL);
    memcpy(&got, record, 8);
    memcpy(&kind, record + 8, 4);
    if (kind == NG_EVENT_LOG)
        fail("libnice or GLib logged", (const char *)record + 24);
    if (got != id || kind != NG_EVENT_CLOSED)
        fail("an event other than NG_EVENT_CLOSED", NULL);
}

static void check_credentials(int64_t id, const char *ufrag, const char *pwd, int capacity)
{
    char *u = exact(capacity), *p = exact(capacity);
    int result = ng_agent_credentials(id, u, capacity, p, capacity);

    if (capacity < 1) {
        expect(result, NG_E_ARGUMENT, "ng_agent_credentials", NULL);
    } else {
        expect(result, 0, "ng_agent_credentials", NULL);
        size_t keep = (size_t)capacity - 1;
        if (strncmp(u, ufrag, keep) != 0 ||
            strlen(u) != (strlen(ufrag) < keep ? strlen(ufrag) : keep))
            fail("ufrag does not round-trip", ufrag);
        if (strncmp(p, pwd, keep) != 0 || strlen(p) != (strlen(pwd) < keep ? strlen(pwd) : keep))
            fail("pwd does not round-trip", pwd);
    }
    free(u);
    free(p);
}

static void second_agent(char **f)
{
    int flags = number(f[2]), timeout = number(f[3]);
    int valid = credential(f[0]) && credential(f[1]) && (flags & ~7) == 0 && (flags & 6) != 0 &&
                timeout >= 80 && timeout <= 39996;
    int result = ng_agent_new(SECOND, f[0], f[1], flags, timeout);

    expect(result, valid ? 0 : NG_E_ARGUMENT, "ng_agent_new", f[0]);
    if (result != 0)
        return;
    check_credentials(SECOND, f[0], f[1], number(f[4]) % 300);
    expect(ng_agent_close(SECOND), 0, "ng_agent_close", NULL);
    await_closed(SECOND);
}

/* "entry interface\n": the interface is the entry's scope, else one that getifaddrs listed. */
static void address_line(const char *entry)
{
    GString *text = g_string_new(NULL);
    const char *scope = strchr(entry, '%');
    size_t address = scope ? (size_t)(scope - entry) : strlen(entry);

    shim_address_line(text, entry, interfaces);
    if (text->len < address + 2 || strncmp(text->str, entry, address) != 0 ||
        text->str[address] != ' ' || text->str[text->len - 1] != '\n')
        fail("address line shape", entry);

    const char *name = text->str + address + 1;
    size_t name_length = text->len - address - 2;
    int known = name_length == 0;
    if (scope != NULL)
        known = strlen(scope + 1) == name_length && strncmp(name, scope + 1, name_length) == 0;
    for (struct ifaddrs *ifa = interfaces; scope == NULL && ifa != NULL; ifa = ifa->ifa_next)
        known |=
            strlen(ifa->ifa_name) == name_length && strncmp(name, ifa->ifa_name, name_length) == 0;
    if (!known)
        fail("address line names an unknown interface", entry);
    g_string_free(text, TRUE);
}

static void local_addresses(int loopback, int capacity)
{
    char *buf = exact(capacity);
    int result = ng_local_addresses(loopback, buf, capacity);

    if (result >= 0) {
        int lines = 0;
        size_t length = strnlen(buf, (size_t)capacity);
        if (length >= (size_t)capacity)
            fail("ng_local_addresses: no NUL inside the buffer", NULL);
        for (size_t i = 0; i < length; i++)
            lines += buf[i] == '\n';
        if (lines != result)
            fail("ng_local_addresses: count is not the number of lines", NULL);
    } else {
        expect(result, NG_E_ARGUMENT, "ng_local_addresses", NULL);
    }
    free(buf);
}

static void poll_empty(int capacity)
{
    char *buf = exact(capacity);

    expect(ng_poll(buf, capacity, 0), capacity < NG_RECORD_SIZE ? NG_E_ARGUMENT : 0, "ng_poll",
           NULL);
    free(buf);
}

static void run(char op, char **f)
{
    int port = number(f[1]);
    int valid_port = port >= 1 && port <= 65535;

    switch (op) {
    case 'L':
        expect(ng_agent_add_local_address(PRIMARY, f[0]), numeric_host(f[0]) ? 0 : NG_E_ADDRESS,
               "ng_agent_add_local_address", f[0]);
        break;
    case 'S':
        expect(ng_agent_set_stun(PRIMARY, f[0], port),
               !numeric_host(f[0]) ? NG_E_ADDRESS
               : valid_port        ? 0
                                   : NG_E_ARGUMENT,
               "ng_agent_set_stun", f[0]);
        break;
    case 'T': {
        int transport = number(f[4]);
        int valid = valid_port && credential(f[2]) && credential(f[3]) &&
                    (transport == NG_TURN_UDP || transport == NG_TURN_TCP);
        int expected = !numeric_host(f[0]) ? NG_E_ADDRESS
                       : !valid            ? NG_E_ARGUMENT
                       : turn_count == 8   ? NG_E_STATE
                                           : turn_count++;
        expect(ng_agent_add_turn(PRIMARY, f[0], port, f[2], f[3], transport), expected,
               "ng_agent_add_turn", f[0]);
        break;
    }
    case 'R': {
        int min = number(f[0]), max = number(f[1]);
        expect(ng_agent_set_port_range(PRIMARY, min, max),
               min < 1 || max > 65535 || min > max ? NG_E_ARGUMENT : 0, "ng_agent_set_port_range",
               NULL);
        break;
    }
    case 'C':
        check_credentials(PRIMARY, UFRAG, PWD, number(f[0]) % 300);
        break;
    case 'N':
        second_agent(f);
        break;
    case 'A':
        address_line(f[0]);
        break;
    case 'B':
        local_addresses(number(f[0]), number(f[1]) % 65536);
        break;
    case 'P':
        poll_empty(number(f[0]) % 4096);
        break;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    /* A warning or critical from libnice or GLib means the shim passed something it should not. */
    g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
    if (ng_runtime_start() != 0 || getifaddrs(&interfaces) != 0)
        abort();

    /* The queue's ring is allocated by the first event and kept: count from after it. */
    expect(ng_agent_new(PRIMARY, UFRAG, PWD, NG_FLAG_UDP, 500), 0, "ng_agent_new", NULL);
    expect(ng_agent_close(PRIMARY), 0, "ng_agent_close", NULL);
    await_closed(PRIMARY);
    baseline = ng_allocations();

    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size + 1);
    char *line = copy;
    int commands = 0;

    memcpy(copy, data, size);
    copy[size] = '\0';
    turn_count = 0;
    expect(ng_agent_new(PRIMARY, UFRAG, PWD, NG_FLAG_UDP | NG_FLAG_TCP, 500), 0, "ng_agent_new",
           NULL);

    while (line != NULL && commands++ < MAX_COMMANDS) {
        char *next = memchr(line, '\n', (size_t)(copy + size - line));
        if (next != NULL)
            *next++ = '\0';
        char *fields[MAX_FIELDS] = {"", "", "", "", ""};
        char *rest = line[0] != '\0' ? line + 1 : line;
        for (int i = 0; i < MAX_FIELDS && rest != NULL; i++) {
            fields[i] = rest;
            rest = strchr(rest, '\t');
            if (rest != NULL)
                *rest++ = '\0';
        }
        /* Each field in a block of its own size, so that reading past it is caught. */
        char *owned[MAX_FIELDS];
        for (int i = 0; i < MAX_FIELDS; i++)
            owned[i] = strdup(fields[i]);
        run(line[0], owned);
        for (int i = 0; i < MAX_FIELDS; i++)
            free(owned[i]);
        line = next;
    }

    expect(ng_agent_close(PRIMARY), 0, "ng_agent_close", NULL);
    await_closed(PRIMARY);
    expect(ng_agent_count(), 0, "ng_agent_count", NULL);
    if (ng_allocations() != baseline)
        fail("ng_allocations() is not back to its baseline", NULL);
    free(copy);

    return 0;
}
