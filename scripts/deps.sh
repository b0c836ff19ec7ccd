#!/bin/sh
# Installs the Debian packages pith needs to build and test, when missing.
# Run as root on Debian 12 (or with sudo available); prints what it does.
set -e
need="make gcc clang pkg-config libxml2-dev libjansson-dev libuchardet-dev libpcre2-dev
zlib1g-dev libopencc-dev libclang-rt-14-dev mandoc parallel python3 w3m lynx html2text python3-html2text time"
missing=
for p in $need; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "deps: need root to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq || true
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
