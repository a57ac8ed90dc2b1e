/*
 * The queue between the loop thread and the Java thread that drains it.
 *
 * A growable ring of fixed-size records under one mutex. The consumer is woken only when the
 * ring goes from empty to non-empty: under load one wake-up carries a whole batch, which is
 * what keeps the per-event cost of crossing into Java low. Nothing is dropped: a candidate lost
 * here would be a candidate the peer never hears of, so the ring grows instead.
 */
#include <string.h>

#include "shim.h"

static GMutex lock;
static GCond nonempty;
static unsigned char *ring;
static size_t capacity; /* in records */
static size_t head;     /* index of the oldest record */
static size_t count;

static void grow(void)
{
    size_t bigger = capacity ? capacity * 2 : 256;
    unsigned char *next = shim_alloc(bigger * NG_RECORD_SIZE);

    for (size_t i = 0; i < count; i++) {
        size_t from = (head + i) % capacity;
        memcpy(next + i * NG_RECORD_SIZE, ring + from * NG_RECORD_SIZE, NG_RECORD_SIZE);
    }

    shim_free(ring);
    ring = next;
    capacity = bigger;
    head = 0;
}

void shim_queue_push(const unsigned char *record)
{
    g_mutex_lock(&lock);

    if (count == capacity)
        grow();

    size_t tail = (head + count) % capacity;
    memcpy(ring + tail * NG_RECORD_SIZE, record, NG_RECORD_SIZE);
    count++;

    if (count == 1)
        g_cond_signal(&nonempty);

    g_mutex_unlock(&lock);
}

void shim_queue_log(const char *text)
{
    unsigned char record[NG_RECORD_SIZE] = {0};
    int32_t kind = NG_EVENT_LOG;

    memcpy(record + 8, &kind, sizeof kind);
    g_strlcpy((char *)record + 24, text ? text : "", NG_RECORD_SIZE - 24);
    shim_queue_push(record);
}

int ng_poll(void *buf, int capacity_bytes, int timeout_ms)
{
    if (buf == NULL || capacity_bytes < NG_RECORD_SIZE || timeout_ms < 0)
        return NG_E_ARGUMENT;

    size_t room = (size_t)capacity_bytes / NG_RECORD_SIZE;
    gint64 until = g_get_monotonic_time() + (gint64)timeout_ms * G_TIME_SPAN_MILLISECOND;

    g_mutex_lock(&lock);

    while (count == 0 && timeout_ms > 0) {
        if (!g_cond_wait_until(&nonempty, &lock, until))
            break;
    }

    size_t taken = count < room ? count : room;
    unsigned char *out = buf;

    for (size_t i = 0; i < taken; i++) {
        memcpy(out + i * NG_RECORD_SIZE, ring + head * NG_RECORD_SIZE, NG_RECORD_SIZE);
        head = (head + 1) % capacity;
    }
    count -= taken;

    g_mutex_unlock(&lock);

    return (int)taken;
}
