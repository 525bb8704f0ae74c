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

# Hardening as Debian builds its packages, for optimised builds only: the
# sanitizers and libFuzzer bring their own instrumentation, and _FORTIFY_SOURCE
# does nothing without optimisation.
add_library(compassion_hardening INTERFACE)
if(NOT COMPASSION_SANITIZE AND NOT COMPASSION_FUZZ)
    set(_optimised "$<CONFIG:Release,RelWithDebInfo,MinSizeRel>")
    target_compile_options(compassion_hardening INTERFACE
        "$<${_optimised}:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2;-fstack-protector-strong;-fPIE>")
    target_link_options(compassion_hardening INTERFACE
        "$<${_optimised}:-pie;-Wl,-z,relro;-Wl,-z,now>")
endif()
