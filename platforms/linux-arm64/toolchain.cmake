# CMake toolchain for the linux-arm64 shim, cross-compiled on an x86_64 Debian machine with
# Debian's cross compiler (crossbuild-essential-arm64) against the arm64 multiarch development
# packages (libglib2.0-dev:arm64, libssl-dev:arm64, ...), which live in /usr/lib/aarch64-linux-gnu.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)

# find_library looks in /usr/lib/<this>, the arm64 multiarch directory, and never in the build
# machine's /usr/lib/x86_64-linux-gnu.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
