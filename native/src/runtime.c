/*
 * The process-wide loop thread. One GMainContext serves every agent, so the number of threads
 * does not grow with the number of agents. The context is pushed as thread-default inside the
 * loop thread: libnice sends nice_agent_close_async()'s callback to the thread-default context
 * of the thread that calls it, and without the push that callback never arrives.
 */
#include <agent.h>
#include <stdio.h>

#include "shim.h"

static GMainContext *context;
static GMainLoop *loop;
static GOnce started = G_ONCE_INIT;
static gint allocations; /* blocks from shim_alloc() not yet given to shim_free() */

static gpointer run(gpointer unused)
{
    (void)unused;
    g_main_context_push_thread_default(context);
    g_main_loop_run(loop);
    g_main_context_pop_thread_default(context);

    return NULL;
}

/*
 * Warnings and criticals from libnice and GLib become log events; debug output stays in C. A
 * warning is how libnice reports, for example, a STUN server name it could not resolve.
 */
static void forward_log(const gchar *domain, GLogLevelFlags level, const gchar *message,
                        gpointer unused)
{
    (void)unused;
    if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) == 0)
        return;

    char line[NG_RECORD_SIZE];
    g_snprintf(line, sizeof line, "%s: %s", domain ? domain : "glib", message);
    shim_queue_log(line);
}

static gpointer start_once(gpointer unused)
{
    (void)unused;
    context = g_main_context_new();
    loop = g_main_loop_new(context, FALSE);

    g_log_set_handler("libnice", G_LOG_LEVEL_MASK, forward_log, NULL);
    g_log_set_handler("libnice-stun", G_LOG_LEVEL_MASK, forward_log, NULL);

    GError *error = NULL;
    GThread *thread = g_thread_try_new("nicegather-loop", run, NULL, &error);
    if (thread == NULL) {
        g_clear_error(&error);
        return GINT_TO_POINTER(NG_E_RUNTIME);
    }

    g_thread_unref(thread);

    return GINT_TO_POINTER(0);
}

int ng_runtime_start(void)
{
    return GPOINTER_TO_INT(g_once(&started, start_once, NULL));
}

GMainContext *shim_context(void)
{
    return context;
}

const char *ng_version(void)
{
    static char text[64];
    static gsize done;

    if (g_once_init_enter(&done)) {
        g_snprintf(text, sizeof text, "libnice %s, GLib %u.%u.%u", NG_LIBNICE_VERSION,
                   glib_major_version, glib_minor_version, glib_micro_version);
        g_once_init_leave(&done, 1);
    }

    return text;
}

void *shim_alloc(size_t size)
{
    g_atomic_int_inc(&allocations);

    return g_malloc0(size);
}

void shim_free(void *block)
{
    if (block == NULL)
        return;

    g_free(block);
    g_atomic_int_add(&allocations, -1);
}

int64_t ng_allocations(void)
{
    return g_atomic_int_get(&allocations);
}
