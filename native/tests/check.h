/*
 * The shim's tests: one function per behaviour, run in order by check.c, which closes every
 * agent a test made before the next one starts, so one failure does not cascade.
 */
#ifndef NG_CHECK_H
#define NG_CHECK_H

#include <stdint.h>

#include "nicegather.h"

typedef struct {
    const char *name;
    void (*run)(void);
} check_test;

/* One NG_RECORD_SIZE record, decoded as nicegather.h lays it out. */
typedef struct {
    int64_t id;
    int32_t kind;
    uint32_t priority;
    uint16_t port;
    uint16_t base_port;
    uint8_t type;
    uint8_t transport;
    uint8_t component;
    uint8_t relay;
    char address[NG_ADDRESS_MAX];
    char base_address[NG_ADDRESS_MAX];
    char foundation[NG_FOUNDATION_MAX];
    int terminated; /* every string ended inside its field */
} check_event;

extern const check_test arguments_tests[];
extern const check_test gathering_tests[];
extern const check_test lifecycle_tests[];

void check_fail(const char *file, int line, const char *expression, const char *format, ...);

/* Fails the running test, with a message, and returns from it. */
#define CHECK(condition, ...)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            check_fail(__FILE__, __LINE__, #condition, __VA_ARGS__);                               \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* Checks that an integer expression has an exact value, printing both when it has not. */
#define CHECK_INT(actual, expected)                                                                \
    do {                                                                                           \
        long long actual_ = (actual), expected_ = (expected);                                      \
        if (actual_ != expected_) {                                                                \
            check_fail(__FILE__, __LINE__, #actual, "got %lld, want %lld (%s)", actual_,           \
                       expected_, #expected);                                                      \
            return;                                                                                \
        }                                                                                          \
    } while (0)

/* Marks the running test skipped: the machine lacks what it needs. */
void check_skip(const char *reason);

/* A fresh agent id, closed by the runner after the test if the test left it open. */
int64_t check_id(void);

/* A fresh agent with valid credentials and a 500 ms STUN timeout; 0 if creation failed. */
int64_t check_agent(int flags);

/* The next event within timeout_ms, log events printed and skipped; 0 on timeout. */
int check_poll(check_event *event, int timeout_ms);

/* The next event of agent id within timeout_ms; others are dropped with a note. 0 on timeout. */
int check_next(int64_t id, check_event *event, int timeout_ms);

/* Candidates of agent id up to its NG_EVENT_DONE, at most max kept; -1 on timeout. */
int check_gathered(int64_t id, check_event *candidates, int max, int timeout_ms);

/* Waits for NG_EVENT_CLOSED of agent id, dropping its other events; 0 on timeout. */
int check_closed(int64_t id, int timeout_ms);

void check_decode(const unsigned char *record, check_event *event);

#endif
