#!/bin/sh
# Installs the Debian/Ubuntu packages easlog needs, when missing. apt-get
# needs root: run as root, or this uses sudo.
# Usage: scripts/deps.sh [--test] [extra packages...]
#   the build: a compiler, make, pkg-config, zlib, PCRE2, jansson, ISA-L
#   --test:    also what the test suite uses when present (it skips what is
#              missing): sshd and GNU parallel for easlog-cluster, Chromium
#              for the HTML page, clang's libFuzzer, valgrind, mandoc
set -eu
pkgs="gcc make pkg-config zlib1g-dev libpcre2-dev libjansson-dev libisal-dev gzip perl"
if [ "${1:-}" = --test ]; then
	shift
	pkgs="$pkgs mandoc openssh-server openssh-client parallel chromium libxml2-utils clang
	      libclang-rt-14-dev valgrind"
fi
pkgs="$pkgs $*"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -n "$missing" ] || exit 0
echo "installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
	SUDO=""
elif command -v sudo >/dev/null 2>&1; then
	SUDO="sudo"
else
	echo "scripts/deps.sh: need root or sudo to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
