/*
 * Closing, the event queue and the leak counters: after agents are closed and their
 * NG_EVENT_CLOSED is out, ng_agent_count() and ng_allocations() are back where they started.
 */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"

#define WAIT_MS 5000
#define ROUNDS  200

static int64_t now_ms(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);

    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

/* Creates, gathers on loopback and closes one agent, waiting for every event; 0 on success. */
static int one_round(void)
{
    check_event c[4];
    int64_t id = check_agent(NG_FLAG_UDP);

    if (id == 0 || ng_agent_add_local_address(id, "127.0.0.1") != 0 || ng_agent_gather(id) != 0)
        return -1;
    if (check_gathered(id, c, 4, WAIT_MS) != 1 || ng_agent_close(id) != 0)
        return -1;

    return check_closed(id, WAIT_MS) ? 0 : -1;
}

static void close_emits_closed_and_frees_the_agent(void)
{
    CHECK_INT(one_round(), 0); /* the queue's ring exists from the first event on */
    int64_t baseline = ng_allocations();
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_count(), 1);
    /* the agent and the ids boxed for its two signal handlers */
    CHECK_INT(ng_allocations(), baseline + 3);
    CHECK_INT(ng_agent_close(id), 0);
    CHECK(check_closed(id, WAIT_MS), "no NG_EVENT_CLOSED for agent %lld", (long long)id);
    CHECK_INT(ng_agent_count(), 0);
    CHECK_INT(ng_allocations(), baseline);
}

static void close_twice_is_no_agent(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_close(id), 0);
    CHECK_INT(ng_agent_close(id), NG_E_NO_AGENT);
    CHECK_INT(ng_agent_gather(id), NG_E_NO_AGENT);
    CHECK(check_closed(id, WAIT_MS), "no NG_EVENT_CLOSED");
}

/* Closing takes the id out of the table at once; the old agent is freed on the loop thread. */
static void id_is_free_again_once_closed(void)
{
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_close(id), 0);
    CHECK_INT(ng_agent_new(id, "again", "password-of-22-chars!!", NG_FLAG_UDP, 500), 0);
    CHECK(check_closed(id, WAIT_MS), "no NG_EVENT_CLOSED for the first agent");
    CHECK_INT(ng_agent_count(), 1);
}

static void closing_agents_that_gathered_leaves_nothing_behind(void)
{
    CHECK_INT(one_round(), 0);
    int64_t baseline = ng_allocations();

    for (int i = 0; i < ROUNDS; i++)
        CHECK(one_round() == 0, "round %d failed", i);
    CHECK_INT(ng_agent_count(), 0);
    CHECK_INT(ng_allocations(), baseline);
}

/* Closing without draining in between: every record waits in the queue, which grows. */
static void many_open_agents_close_in_a_batch(void)
{
    check_event event;
    int64_t ids[ROUNDS];
    int candidates = 0, done = 0, closed = 0;

    CHECK_INT(one_round(), 0);
    int64_t baseline = ng_allocations();
    for (int i = 0; i < ROUNDS; i++) {
        ids[i] = check_agent(NG_FLAG_UDP);
        CHECK(ids[i] != 0, "agent %d not created", i);
        CHECK_INT(ng_agent_add_local_address(ids[i], "127.0.0.1"), 0);
        CHECK_INT(ng_agent_gather(ids[i]), 0);
    }
    CHECK_INT(ng_agent_count(), ROUNDS);
    for (int i = 0; i < ROUNDS; i++)
        CHECK_INT(ng_agent_close(ids[i]), 0);
    while (closed < ROUNDS && check_poll(&event, WAIT_MS)) {
        candidates += event.kind == NG_EVENT_CANDIDATE;
        done += event.kind == NG_EVENT_DONE;
        closed += event.kind == NG_EVENT_CLOSED;
    }
    CHECK_INT(candidates, ROUNDS);
    CHECK_INT(done, ROUNDS);
    CHECK_INT(closed, ROUNDS);
    CHECK_INT(ng_agent_count(), 0);
    CHECK_INT(ng_allocations(), baseline);
}

static int64_t racing[ROUNDS];
static atomic_int gathering; /* the index the gathering thread is at */
static atomic_int gathered;  /* how many gathers returned 0 */

static void *gather_all(void *unused)
{
    const char *error = NULL;

    (void)unused;
    for (int i = 0; i < ROUNDS && error == NULL; i++) {
        atomic_store(&gathering, i);
        int result = ng_agent_gather(racing[i]);
        atomic_fetch_add(&gathered, result == 0);
        if (result != 0 && result != NG_E_NO_AGENT)
            error = "gather failed";
    }
    atomic_store(&gathering, ROUNDS); /* the closing thread waits for no more */

    return (void *)error;
}

/*
 * Java may close an agent while another thread is still in ng_agent_gather(): the agent must be
 * freed once, after the gathering call, and nothing of it may follow its NG_EVENT_CLOSED.
 */
static void closing_while_another_thread_gathers(void)
{
    pthread_t thread;
    void *error = NULL;
    check_event event;
    int closed = 0;
    char after_close[ROUNDS] = {0}, is_closed[ROUNDS] = {0};

    for (int i = 0; i < ROUNDS; i++) {
        racing[i] = check_agent(NG_FLAG_UDP | NG_FLAG_TCP);
        CHECK(racing[i] != 0, "agent %d not created", i);
        CHECK_INT(ng_agent_add_local_address(racing[i], "127.0.0.1"), 0);
    }
    atomic_store(&gathering, -1);
    atomic_store(&gathered, 0);
    CHECK_INT(pthread_create(&thread, NULL, gather_all, NULL), 0);
    /* Each close lands as its agent's gathering starts: before, inside or after libnice's call. */
    for (int i = 0; i < ROUNDS; i++) {
        while (atomic_load(&gathering) < i)
            sched_yield(); /* valgrind runs one thread at a time: let the other one on */
        for (volatile int spin = 0; spin < (i % 10) * 1000; spin++)
            ;
        CHECK_INT(ng_agent_close(racing[i]), 0);
    }
    pthread_join(thread, &error);
    CHECK(error == NULL, "%s", (const char *)error);
    printf("  %d of %d agents were closed once their gathering had begun\n", atomic_load(&gathered),
           ROUNDS);

    /* Every agent's events, and a while longer for any that would come after NG_EVENT_CLOSED. */
    while (check_poll(&event, closed < ROUNDS ? WAIT_MS : 200)) {
        int i = (int)(event.id - racing[0]);
        CHECK(i >= 0 && i < ROUNDS, "event of agent %lld", (long long)event.id);
        if (is_closed[i])
            after_close[i] = (char)event.kind;
        is_closed[i] |= event.kind == NG_EVENT_CLOSED;
        closed += event.kind == NG_EVENT_CLOSED;
    }
    CHECK_INT(closed, ROUNDS);
    for (int i = 0; i < ROUNDS; i++)
        CHECK(!after_close[i], "agent %lld had event %d after NG_EVENT_CLOSED",
              (long long)racing[i], after_close[i]);
    CHECK_INT(ng_agent_count(), 0);
}

static void poll_checks_its_arguments(void)
{
    unsigned char buf[NG_RECORD_SIZE * 2];

    CHECK_INT(ng_poll(NULL, sizeof buf, 0), NG_E_ARGUMENT);
    CHECK_INT(ng_poll(buf, NG_RECORD_SIZE - 1, 0), NG_E_ARGUMENT);
    CHECK_INT(ng_poll(buf, 0, 0), NG_E_ARGUMENT);
    CHECK_INT(ng_poll(buf, -1, 0), NG_E_ARGUMENT);
    CHECK_INT(ng_poll(buf, sizeof buf, -1), NG_E_ARGUMENT);
}

static void poll_waits_for_its_timeout_on_an_empty_queue(void)
{
    unsigned char buf[NG_RECORD_SIZE];
    int64_t started = now_ms();

    CHECK_INT(ng_poll(buf, sizeof buf, 0), 0);
    CHECK(now_ms() - started < 20, "a 0 ms poll took %lld ms", (long long)(now_ms() - started));
    started = now_ms();
    CHECK_INT(ng_poll(buf, sizeof buf, 50), 0);
    CHECK(now_ms() - started >= 49, "a 50 ms poll took %lld ms", (long long)(now_ms() - started));
}

/* Room for one record and a half: one record is returned, the next stays queued. */
static void poll_returns_whole_records_up_to_its_capacity(void)
{
    unsigned char buf[NG_RECORD_SIZE * 3 / 2];
    check_event event;
    int64_t id = check_agent(NG_FLAG_UDP);

    CHECK(id != 0, "agent not created");
    CHECK_INT(ng_agent_add_local_address(id, "127.0.0.1"), 0);
    CHECK_INT(ng_agent_gather(id), 0);
    CHECK_INT(ng_poll(buf, sizeof buf, WAIT_MS), 1);
    check_decode(buf, &event);
    CHECK_INT(event.kind, NG_EVENT_CANDIDATE);
    CHECK_INT(ng_poll(buf, sizeof buf, WAIT_MS), 1);
    check_decode(buf, &event);
    CHECK_INT(event.kind, NG_EVENT_DONE);
    CHECK_INT(event.id, id);
}

static void local_addresses_list_loopback_when_asked(void)
{
    char buf[8192];
    int with = ng_local_addresses(1, buf, sizeof buf);

    CHECK(with >= 1, "%d addresses with loopback", with);
    CHECK(strstr(buf, "127.0.0.1 lo\n") != NULL, "no \"127.0.0.1 lo\" line in:\n%s", buf);
    int without = ng_local_addresses(0, buf, sizeof buf);
    CHECK(without >= 0 && without < with, "%d without loopback, %d with", without, with);
    CHECK(strstr(buf, "127.0.0.1") == NULL, "127.0.0.1 listed without loopback");
}

/* Exactly the text and its NUL fit; one byte less is an argument error, not a cut list. */
static void local_addresses_need_room_for_the_whole_list(void)
{
    char buf[8192];
    int count = ng_local_addresses(1, buf, sizeof buf);
    int size = (int)strlen(buf) + 1;

    CHECK(count >= 1, "%d addresses", count);
    CHECK_INT(ng_local_addresses(1, buf, size), count);
    CHECK_INT(ng_local_addresses(1, buf, size - 1), NG_E_ARGUMENT);
    CHECK_INT(ng_local_addresses(1, buf, 1), NG_E_ARGUMENT);
    CHECK_INT(ng_local_addresses(1, buf, 0), NG_E_ARGUMENT);
    CHECK_INT(ng_local_addresses(1, NULL, 100), NG_E_ARGUMENT);
}

const check_test lifecycle_tests[] = {
    {"close_emits_closed_and_frees_the_agent", close_emits_closed_and_frees_the_agent},
    {"close_twice_is_no_agent", close_twice_is_no_agent},
    {"id_is_free_again_once_closed", id_is_free_again_once_closed},
    {"closing_agents_that_gathered_leaves_nothing_behind",
     closing_agents_that_gathered_leaves_nothing_behind},
    {"many_open_agents_close_in_a_batch", many_open_agents_close_in_a_batch},
    {"closing_while_another_thread_gathers", closing_while_another_thread_gathers},
    {"poll_checks_its_arguments", poll_checks_its_arguments},
    {"poll_waits_for_its_timeout_on_an_empty_queue", poll_waits_for_its_timeout_on_an_empty_queue},
    {"poll_returns_whole_records_up_to_its_capacity",
     poll_returns_whole_records_up_to_its_capacity},
    {"local_addresses_list_loopback_when_asked", local_addresses_list_loopback_when_asked},
    {"local_addresses_need_room_for_the_whole_list", local_addresses_need_room_for_the_whole_list},
    {NULL, NULL},
};
