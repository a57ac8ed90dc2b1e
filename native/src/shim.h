/* Declarations shared by the shim's own files; nothing here is exported. */
#ifndef NG_SHIM_H
#define NG_SHIM_H

#include <candidate.h>
#include <glib.h>
#include <stdint.h>

#include "nicegather.h"

/* The one context every agent runs on, iterated by the shim's loop thread. */
GMainContext *shim_context(void);

/* Appends one fully formed NG_RECORD_SIZE record; never drops, never blocks for long. */
void shim_queue_push(const unsigned char *record);

/* Queues an NG_EVENT_LOG record carrying text, cut to fit. */
void shim_queue_log(const char *text);

/* Zeroed memory that ng_allocations() counts until shim_free(); every block the shim keeps. */
void *shim_alloc(size_t size);
void shim_free(void *block);

/* Lays out candidate c of agent id as an NG_EVENT_CANDIDATE record (nicegather.h). */
void shim_record_candidate(const NiceCandidate *c, int64_t id, unsigned char *record);

/*
 * Appends ng_local_addresses()'s line for one entry of nice_interfaces_get_local_ips(): the
 * interface is the entry's IPv6 scope, else looked up in interfaces (NULL: none known).
 */
struct ifaddrs;
void shim_address_line(GString *text, const char *entry, struct ifaddrs *interfaces);

#endif
