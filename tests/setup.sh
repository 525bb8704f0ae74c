#!/usr/bin/env bash
# Installs, from Debian 12's packages, what building and testing compassion
# needs. Safe to run again; uses sudo when not root.
set -euo pipefail
packages=(
    g++ cmake make git pkg-config
    libcli11-dev libtomlplusplus-dev libfmt-dev libzip-dev doctest-dev
    python3 mandoc util-linux bash-completion zsh fish dpkg-dev file jq gnuplot-nox clang libclang-rt-14-dev
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
