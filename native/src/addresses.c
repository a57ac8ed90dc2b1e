/* The host's addresses as libnice sees them, for the Java side to filter. */
#include <interfaces.h>
#include <string.h>

#include "shim.h"

int ng_local_addresses(int include_loopback, char *buf, int capacity)
{
    if (buf == NULL || capacity < 1)
        return NG_E_ARGUMENT;

    GList *ips = nice_interfaces_get_local_ips(include_loopback != 0);
    GString *text = g_string_new(NULL);
    int count = 0;

    for (GList *ip = ips; ip != NULL; ip = ip->next) {
        g_string_append_printf(text, "%s\n", (const char *)ip->data);
        count++;
    }
    g_list_free_full(ips, g_free);

    int result = count;
    if (text->len + 1 > (gsize)capacity)
        result = NG_E_ARGUMENT;
    else
        memcpy(buf, text->str, text->len + 1);
    g_string_free(text, TRUE);

    return result;
}
