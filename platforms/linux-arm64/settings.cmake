# Initial cache for the linux-arm64 shim (cmake -C), cross-compiled on x86_64 Debian by
# ci/build-linux-arm64. It links the static libnice that Maven builds with
# `ci/libnice-build --target aarch64-linux-gnu` (-Dnicegather.libnice.target=aarch64-linux-gnu).
set(CMAKE_TOOLCHAIN_FILE "${CMAKE_CURRENT_LIST_DIR}/toolchain.cmake" CACHE FILEPATH "")
set(CMAKE_C_FLAGS "-march=armv8-a" CACHE STRING "")
# pkgconf's arm64 personality: arm64 .pc files only, so GLib's glibconfig.h is the arm64 one.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "")
