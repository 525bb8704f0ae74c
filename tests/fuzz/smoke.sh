#!/bin/sh
# A short fuzzing run for CI: builds the libFuzzer targets with clang in their
# own build tree and runs each for a few seconds on its seed corpus. Exits 77
# (CTest: skipped) when clang or its fuzzer runtime is not installed.
set -eu
src=$1
build=$2
seconds=${3:-5}
command -v clang++ >/dev/null 2>&1 || { echo "clang++ is not installed"; exit 77; }
mkdir -p "$build"
probe="$build/probe.cpp"
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe"
if ! clang++ -fsanitize=fuzzer "$probe" -o "$build/probe" >/dev/null 2>&1; then
    echo "clang's libFuzzer runtime (libclang-rt-14-dev) is not installed"
    exit 77
fi
rm -f "$probe" "$build/probe"
CXX=clang++ cmake -S "$src" -B "$build" -DCOMPASSION_FUZZ=ON -Dfuzz_seconds="$seconds" >/dev/null
cmake --build "$build" -j2 --target fuzz_month fuzz_reader fuzz_config fuzz_date >/dev/null
ctest --test-dir "$build" -R "^fuzz_(month|reader|config|date)$" --output-on-failure
