# Initial cache for the linux-x86_64 shim (cmake -C). libnice and GLib come from the build
# machine's packages (Debian: libnice-dev, libglib2.0-dev) for now.
set(CMAKE_C_COMPILER gcc CACHE STRING "")
set(CMAKE_C_FLAGS "-m64 -march=x86-64" CACHE STRING "")
