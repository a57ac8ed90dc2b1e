# Initial cache for the windows-x86_64 shim (cmake -C), built by ci/build-windows in MSYS2's
# UCRT64 environment with MinGW-w64 GCC and Ninja. The static libnice that script builds is found
# through PKG_CONFIG_PATH, which it sets; GLib and OpenSSL are MSYS2's, linked as DLLs.
set(CMAKE_C_COMPILER gcc CACHE STRING "")
set(CMAKE_C_FLAGS "-m64 -march=x86-64" CACHE STRING "")
# libnice.a names none of the Windows libraries it calls (ws2_32, iphlpapi): they are in nice.pc's
# Libs.private, which pkg-config gives only with --static.
set(PKG_CONFIG_ARGN --static CACHE STRING "")
