# The libnice that ci/libnice-build installed under NICEGATHER_LIBNICE_PREFIX, with the static
# archives it needs, for the shim and for the C twin of the benchmarks alike: both must run the
# same engine, linked the same way.
#
# Sets BUNDLED_NICE_INCLUDE_DIRS, BUNDLED_NICE_VERSION and bundled_archives (in link order).

# nice.pc is named by its path, so another prefix is another lookup; it gives the include
# directories of libnice, GLib and OpenSSL, and libnice's version.
set(bundled_pc ${NICEGATHER_LIBNICE_PREFIX}/lib/pkgconfig/nice.pc)
set(bundled_archive ${NICEGATHER_LIBNICE_PREFIX}/lib/libnice.a)
if(NOT EXISTS ${bundled_pc} OR NOT EXISTS ${bundled_archive})
  message(FATAL_ERROR "NICEGATHER_LIBNICE_PREFIX=${NICEGATHER_LIBNICE_PREFIX} holds no "
    "libnice.a and nice.pc: build it with ci/libnice-build --prefix DIR (mvn package does)")
endif()
find_package(PkgConfig REQUIRED)
pkg_check_modules(BUNDLED_NICE REQUIRED ${bundled_pc})

# Order matters to a static link: each archive before the ones it calls into.
set(bundled_archives ${bundled_archive})
foreach(name gio-2.0 gmodule-2.0 gobject-2.0 glib-2.0 ffi pcre2-8 z crypto)
  string(MAKE_C_IDENTIFIER ${name} id)
  find_library(NG_STATIC_${id} NAMES lib${name}.a REQUIRED)
  list(APPEND bundled_archives ${NG_STATIC_${id}})
endforeach()

# GIO's mount and SELinux code is never reached from libnice, but the archive still names
# libmount and libselinux, whose static archives Debian does not ship position-independent.
set(bundled_link_stubs ${CMAKE_CURRENT_LIST_DIR}/src/link-stubs.c)
