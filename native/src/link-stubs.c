/*
 * Stand-ins for the libmount and libselinux functions that GLib's static libgio-2.0.a names,
 * linked only into the self-contained shim (CMake's NICEGATHER_LIBNICE_PREFIX).
 *
 * Debian ships no static libmount, and its libselinux.a is not position-independent, so the real
 * ones cannot be linked in, and a NEEDED entry would defeat the point of bundling. GIO calls them
 * for mount points (GUnixMount*) and file security contexts (GFile attributes), which libnice
 * never uses. Each stand-in fails the way the real one does on a system without the feature:
 * SELinux reports itself disabled, libmount finds nothing. The version script keeps them local.
 */

#include <errno.h>
#include <stdlib.h>
#include <libmount/libmount.h>
#include <selinux/selinux.h>

int is_selinux_enabled(void)
{
    return 0;
}

int getfilecon_raw(const char *path, char **con)
{
    (void)path;
    (void)con;
    errno = ENOTSUP;

    return -1;
}

int lgetfilecon_raw(const char *path, char **con)
{
    return getfilecon_raw(path, con);
}

int fgetfilecon_raw(int fd, char **con)
{
    (void)fd;

    return getfilecon_raw(NULL, con);
}

int setfilecon_raw(const char *path, const char *con)
{
    (void)path;
    (void)con;
    errno = ENOTSUP;

    return -1;
}

void freecon(char *con)
{
    free(con);
}

struct libmnt_table *mnt_new_table(void)
{
    errno = ENOSYS;

    return NULL;
}

void mnt_free_table(struct libmnt_table *tb)
{
    (void)tb;
}

struct libmnt_iter *mnt_new_iter(int direction)
{
    (void)direction;
    errno = ENOSYS;

    return NULL;
}

void mnt_free_iter(struct libmnt_iter *itr)
{
    (void)itr;
}

int mnt_table_parse_fstab(struct libmnt_table *tb, const char *filename)
{
    (void)tb;
    (void)filename;

    return -ENOSYS;
}

int mnt_table_parse_mtab(struct libmnt_table *tb, const char *filename)
{
    return mnt_table_parse_fstab(tb, filename);
}

/* 1 is libmount's "no more entries". */
int mnt_table_next_fs(struct libmnt_table *tb, struct libmnt_iter *itr, struct libmnt_fs **fs)
{
    (void)tb;
    (void)itr;
    if (fs != NULL)
        *fs = NULL;

    return 1;
}

const char *mnt_fs_get_source(struct libmnt_fs *fs)
{
    (void)fs;

    return NULL;
}

const char *mnt_fs_get_target(struct libmnt_fs *fs)
{
    return mnt_fs_get_source(fs);
}

const char *mnt_fs_get_fstype(struct libmnt_fs *fs)
{
    return mnt_fs_get_source(fs);
}

const char *mnt_fs_get_options(struct libmnt_fs *fs)
{
    return mnt_fs_get_source(fs);
}

const char *mnt_fs_get_root(struct libmnt_fs *fs)
{
    return mnt_fs_get_source(fs);
}

char *mnt_fs_strdup_options(struct libmnt_fs *fs)
{
    (void)fs;

    return NULL;
}

const struct libmnt_optmap *mnt_get_builtin_optmap(int id)
{
    (void)id;

    return NULL;
}

int mnt_optstr_get_flags(const char *optstr, unsigned long *flags, const struct libmnt_optmap *map)
{
    (void)optstr;
    (void)map;
    if (flags != NULL)
        *flags = 0;

    return -ENOSYS;
}

/* GIO watches this file for changes; the real default path keeps that harmless. */
const char *mnt_get_fstab_path(void)
{
    return "/etc/fstab";
}

int mnt_has_regular_mtab(const char **mtab, int *writable)
{
    if (mtab != NULL)
        *mtab = NULL;
    if (writable != NULL)
        *writable = 0;

    return 0;
}
