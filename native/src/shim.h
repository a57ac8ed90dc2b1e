/* Declarations shared by the shim's own files; nothing here is exported. */
#ifndef NG_SHIM_H
#define NG_SHIM_H

#include <glib.h>
#include <stdint.h>

#include "nicegather.h"

/* The one context every agent runs on, iterated by the shim's loop thread. */
GMainContext *shim_context(void);

/* Appends one fully formed NG_RECORD_SIZE record; never drops, never blocks for long. */
void shim_queue_push(const unsigned char *record);

/* Queues an NG_EVENT_LOG record carrying text, cut to fit. */
void shim_queue_log(const char *text);

#endif
