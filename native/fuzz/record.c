/*
 * Fuzzes the candidate -> record mapping (shim_record_candidate) with candidates libnice could
 * give and some it should not: any family, port, type, priority and foundation. Whatever comes
 * in, every string of the record must end inside its field, every field must read back as the
 * candidate had it, and the bytes past each string stay zero, so that the Java side's decoding
 * sees nothing of the stack.
 *
 * Input, consumed in order (missing bytes read as zero): 8 id, 4 type, 4 transport, 4 priority,
 * 4 component, then the address and the base address (1 family selector: 0 IPv4, 1 IPv6, else
 * that raw family; 16 address bytes; 2 port; 4 IPv6 scope), then the foundation: every byte left,
 * at most 32, each NUL replaced by 'x'.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <agent.h>

#include "shim.h"

#define FOUNDATION_LENGTH (NICE_CANDIDATE_MAX_FOUNDATION - 1)

typedef struct {
    const uint8_t *data;
    size_t size;
} input;

static void take(input *in, void *out, size_t size)
{
    size_t have = in->size < size ? in->size : size;

    memset(out, 0, size);
    memcpy(out, in->data, have);
    in->data += have;
    in->size -= have;
}

static uint32_t take32(input *in)
{
    uint32_t value;

    take(in, &value, sizeof value);

    return value;
}

static void take_address(input *in, NiceAddress *address)
{
    uint8_t family, bytes[16];
    uint16_t port;
    uint32_t scope;

    take(in, &family, 1);
    take(in, bytes, sizeof bytes);
    take(in, &port, sizeof port);
    take(in, &scope, sizeof scope);

    memset(address, 0, sizeof *address);
    if (family == 0) {
        address->s.ip4.sin_family = AF_INET;
        memcpy(&address->s.ip4.sin_addr, bytes, 4);
        address->s.ip4.sin_port = htons(port);
    } else if (family == 1) {
        address->s.ip6.sin6_family = AF_INET6;
        memcpy(&address->s.ip6.sin6_addr, bytes, 16);
        address->s.ip6.sin6_port = htons(port);
        address->s.ip6.sin6_scope_id = scope;
    } else {
        /* A family libnice never sets: the rest of the union is whatever came in. */
        memcpy(address->s.addr.sa_data, bytes, sizeof address->s.addr.sa_data);
        address->s.addr.sa_family = family;
    }
}

static void fail(const char *what)
{
    fprintf(stderr, "record invariant broken: %s\n", what);
    abort();
}

/* A string field: ends inside size, nothing but zeros after its end; returns its text. */
static const char *field(const unsigned char *record, int offset, int size, const char *name)
{
    const char *text = (const char *)record + offset;
    const char *end = memchr(text, '\0', size);

    if (end == NULL)
        fail(name);
    for (const char *p = end; p < text + size; p++) {
        if (*p != '\0')
            fail(name);
    }

    return text;
}

static void check_address(const unsigned char *record, int port_offset, int text_offset,
                          const NiceAddress *address)
{
    const char *text = field(record, text_offset, NG_ADDRESS_MAX, "address field");
    int family = address->s.addr.sa_family;
    uint16_t port;
    unsigned char parsed[16];

    memcpy(&port, record + port_offset, sizeof port);
    if (family != AF_INET && family != AF_INET6) {
        if (text[0] != '\0' || port != 0)
            fail("an address of unknown family left text or a port");
        return;
    }
    if (port != nice_address_get_port(address))
        fail("port");
    if (inet_pton(family, text, parsed) != 1)
        fail("address text does not parse");
    if (family == AF_INET && memcmp(parsed, &address->s.ip4.sin_addr, 4) != 0)
        fail("IPv4 address does not round-trip");
    if (family == AF_INET6 && memcmp(parsed, &address->s.ip6.sin6_addr, 16) != 0)
        fail("IPv6 address does not round-trip");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input in = {data, size};
    NiceCandidate c;
    int64_t id;
    unsigned char record[NG_RECORD_SIZE + 16];

    memset(&c, 0, sizeof c);
    take(&in, &id, sizeof id);
    c.type = (NiceCandidateType)take32(&in);
    c.transport = (NiceCandidateTransport)take32(&in);
    c.priority = take32(&in);
    c.component_id = take32(&in);
    take_address(&in, &c.addr);
    take_address(&in, &c.base_addr);
    size_t length = in.size < FOUNDATION_LENGTH ? in.size : FOUNDATION_LENGTH;
    for (size_t i = 0; i < length; i++)
        c.foundation[i] = in.data[i] ? (char)in.data[i] : 'x';

    /* Guard bytes past the record catch a write beyond NG_RECORD_SIZE. */
    memset(record, 0xA5, sizeof record);
    shim_record_candidate(&c, id, record);
    for (size_t i = NG_RECORD_SIZE; i < sizeof record; i++) {
        if (record[i] != 0xA5)
            fail("write past the record");
    }

    int64_t read_id;
    int32_t kind;
    uint32_t priority;
    memcpy(&read_id, record, 8);
    memcpy(&kind, record + 8, 4);
    memcpy(&priority, record + 12, 4);
    if (read_id != id || kind != NG_EVENT_CANDIDATE || priority != c.priority)
        fail("id, kind or priority");
    if (record[20] != (uint8_t)c.type || record[21] != (uint8_t)c.transport ||
        record[22] != (uint8_t)c.component_id || record[23] != ((c.priority >> 14) & 7))
        fail("type, transport, component or relay index");

    check_address(record, 16, 24, &c.addr);
    check_address(record, 18, 88, &c.base_addr);
    if (strcmp(field(record, 152, NG_FOUNDATION_MAX, "foundation field"), c.foundation) != 0)
        fail("foundation does not round-trip");

    return 0;
}
