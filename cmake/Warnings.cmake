# Warnings and sanitizers as INTERFACE targets, so they apply to our targets
# only and never leak into a parent project.

option(COMPASSION_WERROR "Treat compiler warnings as errors" OFF)
option(COMPASSION_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(COMPASSION_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)

add_library(compassion_warnings INTERFACE)
target_compile_options(compassion_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wconversion -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Wimplicit-fallthrough)
if(COMPASSION_WERROR)
    target_compile_options(compassion_warnings INTERFACE -Werror)
endif()

add_library(compassion_sanitizers INTERFACE)
if(COMPASSION_SANITIZE)
    target_compile_options(compassion_sanitizers INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
    target_link_options(compassion_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Fuzzing instruments everything we compile (coverage and sanitizers); the
# fuzz targets themselves link libFuzzer (tests/fuzz/CMakeLists.txt).
if(COMPASSION_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "COMPASSION_FUZZ needs clang: configure a separate build with "
                            "-DCMAKE_CXX_COMPILER=clang++")
    endif()
    target_compile_options(compassion_sanitizers INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=all)
    target_link_options(compassion_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
