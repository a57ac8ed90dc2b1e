# Initial cache for the macosx-x86_64 shim (cmake -C), built by ci/build-macos on an Intel Mac
# (macos-15-intel on CI) with Apple's clang. The static libnice that script builds is found through
# PKG_CONFIG_PATH, which it sets; nice.pc's Requires bring Homebrew's GLib and OpenSSL, linked as
# shared libraries (Homebrew ships no static GLib).
set(CMAKE_C_COMPILER clang CACHE STRING "")
set(CMAKE_OSX_ARCHITECTURES x86_64 CACHE STRING "")
