/*
 * The host's addresses as libnice sees them, each with the name of its interface, for the Java
 * side to filter (interface and IP filters, families) and to match rewrite rules against.
 */
#include <interfaces.h>
#include <string.h>

#include "shim.h"

#ifdef _WIN32
/* Windows has no getifaddrs: interface names stay unknown there, and rules scoped by iface
 * do not apply (the README says so). */
struct ifaddrs;

static const char *interface_of(struct ifaddrs *list, const char *ip)
{
    (void)list, (void)ip;
    return "";
}
#else
#include <ifaddrs.h>
#include <netinet/in.h>

/* The interface that carries ip, or "" when getifaddrs does not list it. */
static const char *interface_of(struct ifaddrs *list, const char *ip)
{
    NiceAddress wanted;
    if (!nice_address_set_from_string(&wanted, ip))
        return "";

    for (struct ifaddrs *ifa = list; ifa != NULL; ifa = ifa->ifa_next) {
        if (ifa->ifa_addr == NULL)
            continue;
        if (ifa->ifa_addr->sa_family != AF_INET && ifa->ifa_addr->sa_family != AF_INET6)
            continue;

        NiceAddress found;
        nice_address_set_from_sockaddr(&found, ifa->ifa_addr);
        nice_address_set_port(&found, 0);
        if (nice_address_equal_no_port(&found, &wanted))
            return ifa->ifa_name;
    }

    return "";
}
#endif

void shim_address_line(GString *text, const char *entry, struct ifaddrs *interfaces)
{
    /* IPv6 link-local entries come as "fe80::1%eth0": the scope names the interface. */
    const char *scope = strchr(entry, '%');

    if (scope != NULL)
        g_string_append_printf(text, "%.*s %s\n", (int)(scope - entry), entry, scope + 1);
    else
        g_string_append_printf(text, "%s %s\n", entry, interface_of(interfaces, entry));
}

int ng_local_addresses(int include_loopback, char *buf, int capacity)
{
    if (buf == NULL || capacity < 1)
        return NG_E_ARGUMENT;

    struct ifaddrs *interfaces = NULL;
#ifndef _WIN32
    if (getifaddrs(&interfaces) != 0)
        interfaces = NULL;
#endif

    GList *ips = nice_interfaces_get_local_ips(include_loopback != 0);
    GString *text = g_string_new(NULL);
    int count = 0;

    for (GList *ip = ips; ip != NULL; ip = ip->next) {
        shim_address_line(text, ip->data, interfaces);
        count++;
    }
    g_list_free_full(ips, g_free);
#ifndef _WIN32
    if (interfaces != NULL)
        freeifaddrs(interfaces);
#endif

    int result = count;
    if (text->len + 1 > (gsize)capacity)
        result = NG_E_ARGUMENT;
    else
        memcpy(buf, text->str, text->len + 1);
    g_string_free(text, TRUE);

    return result;
}
