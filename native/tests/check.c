/*
 * The runner: every test in order, then "N passed, N failed" as the last line, which is what CI
 * reads. Exit status 1 when anything failed.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

#define MAX_IDS 512

static const char *running;
static int failed_now;
static int skipped_now;
static int64_t ids[MAX_IDS]; /* made by the running test */
static int id_count;
static int64_t last_id = 1000;

void check_fail(const char *file, int line, const char *expression, const char *format, ...)
{
    va_list args;

    printf("FAIL %s (%s:%d): %s: ", running, file, line, expression);
    va_start(args, format);
    vprintf(format, args);
    va_end(args);
    putchar('\n');
    failed_now = 1;
}

void check_skip(const char *reason)
{
    printf("skip %s: %s\n", running, reason);
    skipped_now = 1;
}

int64_t check_id(void)
{
    last_id++;
    if (id_count < MAX_IDS)
        ids[id_count++] = last_id;

    return last_id;
}

int64_t check_agent(int flags)
{
    int64_t id = check_id();

    return ng_agent_new(id, "ufrag", "password-of-22-chars!!", flags, 500) == 0 ? id : 0;
}

static void copy_text(char *to, const unsigned char *from, size_t size, int *terminated)
{
    if (memchr(from, '\0', size) == NULL)
        *terminated = 0;
    memcpy(to, from, size);
    to[size - 1] = '\0';
}

void check_decode(const unsigned char *record, check_event *event)
{
    memset(event, 0, sizeof *event);
    memcpy(&event->id, record, 8);
    memcpy(&event->kind, record + 8, 4);
    memcpy(&event->priority, record + 12, 4);
    memcpy(&event->port, record + 16, 2);
    memcpy(&event->base_port, record + 18, 2);
    event->type = record[20];
    event->transport = record[21];
    event->component = record[22];
    event->relay = record[23];
    event->terminated = 1;
    copy_text(event->address, record + 24, NG_ADDRESS_MAX, &event->terminated);
    copy_text(event->base_address, record + 88, NG_ADDRESS_MAX, &event->terminated);
    copy_text(event->foundation, record + 152, NG_FOUNDATION_MAX, &event->terminated);
}

int check_poll(check_event *event, int timeout_ms)
{
    unsigned char record[NG_RECORD_SIZE];

    for (;;) {
        if (ng_poll(record, sizeof record, timeout_ms) != 1)
            return 0;
        check_decode(record, event);
        if (event->kind != NG_EVENT_LOG)
            return 1;
        /* A log event's text runs to the end of the record. */
        printf("log (%s): %.*s\n", running, NG_RECORD_SIZE - 24, (const char *)record + 24);
    }
}

int check_next(int64_t id, check_event *event, int timeout_ms)
{
    while (check_poll(event, timeout_ms)) {
        if (event->id == id)
            return 1;
        printf("note (%s): dropped event %d of agent %lld\n", running, event->kind,
               (long long)event->id);
    }

    return 0;
}

int check_gathered(int64_t id, check_event *candidates, int max, int timeout_ms)
{
    check_event event;
    int count = 0;

    while (check_next(id, &event, timeout_ms)) {
        if (event.kind == NG_EVENT_DONE)
            return count;
        if (event.kind == NG_EVENT_CANDIDATE && count < max)
            candidates[count] = event;
        count += event.kind == NG_EVENT_CANDIDATE;
    }

    return -1;
}

int check_closed(int64_t id, int timeout_ms)
{
    check_event event;

    while (check_next(id, &event, timeout_ms)) {
        if (event.kind == NG_EVENT_CLOSED)
            return 1;
    }

    return 0;
}

/* Closes what the test left open and drains the queue, so the next test starts clean. */
static void tear_down(void)
{
    int open = 0;
    check_event event;

    for (int i = 0; i < id_count; i++)
        open += ng_agent_close(ids[i]) == 0;
    /* Agents the test closed itself may still be on their way out, too. */
    while ((open > 0 || ng_agent_count() > 0) && check_poll(&event, 5000))
        open -= event.kind == NG_EVENT_CLOSED && open > 0;
    while (check_poll(&event, 0))
        ;
    if (open > 0 || ng_agent_count() != 0) {
        printf("FAIL %s: %d agents still open after the test\n", running, ng_agent_count());
        failed_now = 1;
    }
    id_count = 0;
}

int main(void)
{
    const check_test *suites[] = {arguments_tests, gathering_tests, lifecycle_tests};
    int passed = 0, failed = 0, skipped = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    for (size_t s = 0; s < sizeof suites / sizeof suites[0]; s++) {
        for (const check_test *test = suites[s]; test->name != NULL; test++) {
            running = test->name;
            failed_now = 0;
            skipped_now = 0;
            test->run();
            tear_down();
            if (failed_now)
                failed++;
            else if (skipped_now)
                skipped++;
            else
                passed++;
            printf("%s %s\n", failed_now ? "FAIL" : skipped_now ? "skip" : "ok  ", test->name);
        }
    }

    if (skipped > 0)
        printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    else
        printf("%d passed, %d failed\n", passed, failed);

    return failed == 0 ? 0 : 1;
}
