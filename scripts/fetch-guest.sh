#!/usr/bin/env bash
# Fetch Debian's ppc64el guest software used by the tests and the main job
# (busybox-static, and the Linux kernel the pseries machine boots), with
# apt-get download (never installed on the host), into a cache outside the
# repository: $TSKVM_GUEST_CACHE (default /var/cache/tskvm-guest).
# Tolerates a failing security index: the main archive is enough.
set -u
cache=${TSKVM_GUEST_CACHE:-/var/cache/tskvm-guest}
mkdir -p "$cache"
chmod 777 "$cache" 2>/dev/null || true
have_busybox=0; [ -x "$cache/root/bin/busybox" ] && have_busybox=1
have_kernel=0; ls "$cache"/kernel/root/boot/vmlinux-* >/dev/null 2>&1 && have_kernel=1
if [ $have_busybox = 1 ] && [ $have_kernel = 1 ]; then
  echo "guest files: cached in $cache"
  exit 0
fi
if ! dpkg --print-foreign-architectures | grep -qx ppc64el; then
  dpkg --add-architecture ppc64el
fi
apt-get update -qq || echo "apt-get update reported errors (ignored: the main archive is enough)"
cd "$cache" || exit 1
if [ $have_busybox = 0 ]; then
  apt-get download -q busybox-static:ppc64el || { echo "could not download busybox-static:ppc64el" >&2; exit 1; }
  rm -rf root && mkdir root
  dpkg-deb -x busybox-static_*_ppc64el.deb root
  test -x root/bin/busybox && echo "guest files: busybox in $cache/root/bin/busybox"
fi
if [ $have_kernel = 0 ]; then
  # The kernel package the linux-image-powerpc64le metapackage points at (Debian 12: 6.1.0-N).
  pkg=$(apt-cache depends linux-image-powerpc64le:ppc64el 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-6[^ :]*-powerpc64le\).*/\1/p' | head -1)
  [ -n "$pkg" ] || { echo "could not find Debian's ppc64el kernel package" >&2; exit 1; }
  mkdir -p kernel && cd kernel || exit 1
  apt-get download "$pkg:ppc64el" || { echo "could not download $pkg:ppc64el" >&2; exit 1; }
  rm -rf root && mkdir root
  dpkg-deb -x linux-image-*_ppc64el.deb root
  ls root/boot/vmlinux-* >/dev/null && echo "guest files: kernel $(ls root/boot/vmlinux-*)"
fi
