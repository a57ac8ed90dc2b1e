# Initial cache for the linux-x86_64 shim (cmake -C). By default libnice and GLib come from the
# build machine's shared packages (Debian: libnice-dev, libglib2.0-dev). Given
# -DNICEGATHER_LIBNICE_PREFIX=DIR (an absolute path), with DIR made by
# `ci/libnice-build --target x86_64-linux-gnu --prefix DIR`, they are linked in statically and the
# shim needs only libc. The prefix is left to the command line: it lives in the build's own tree.
set(CMAKE_C_COMPILER gcc CACHE STRING "")
set(CMAKE_C_FLAGS "-m64 -march=x86-64" CACHE STRING "")
