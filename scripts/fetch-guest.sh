#!/usr/bin/env bash
# Fetch Debian's ppc64el guest software used by the tests (busybox-static),
# with apt-get download (never installed on the host), into a cache outside
# the repository: $TSKVM_GUEST_CACHE (default /var/cache/tskvm-guest).
# Tolerates a failing security index: the main archive is enough.
set -u
cache=${TSKVM_GUEST_CACHE:-/var/cache/tskvm-guest}
mkdir -p "$cache"
if [ -x "$cache/root/bin/busybox" ]; then
  echo "guest files: cached in $cache"
  exit 0
fi
if ! dpkg --print-foreign-architectures | grep -qx ppc64el; then
  dpkg --add-architecture ppc64el
fi
apt-get update -qq || echo "apt-get update reported errors (ignored: the main archive is enough)"
cd "$cache" || exit 1
chmod 777 "$cache" 2>/dev/null || true
apt-get download -q busybox-static:ppc64el || { echo "could not download busybox-static:ppc64el" >&2; exit 1; }
rm -rf root && mkdir root
dpkg-deb -x busybox-static_*_ppc64el.deb root
test -x root/bin/busybox && echo "guest files: busybox in $cache/root/bin/busybox"
