#!/usr/bin/env bash
# Debian's ppc64el qemu-system-ppc64 and the shared libraries and firmware it
# needs, for an L1 guest's initramfs (issue 9, 5c: the L1 boots an L2 Linux
# with QEMU on its /dev/kvm). Downloaded with apt-get download (never
# installed) and extracted into $TSKVM_GUEST_CACHE/l1-qemu/sysroot; writes
# files.txt there: "<path in the guest>\t<path on this host>" for the
# binary, the dynamic loader, every library of its NEEDED closure (under its
# soname) and QEMU's pseries firmware (vof.bin, slof.bin).
# Tolerates a failing security index: the main archive is enough.
set -u
cache=${TSKVM_GUEST_CACHE:-/var/cache/tskvm-guest}/l1-qemu
sysroot=$cache/sysroot
if [ -s "$cache/files.txt" ]; then
  echo "l1 qemu: cached in $cache"
  exit 0
fi
mkdir -p "$cache/debs" "$sysroot"
if ! dpkg --print-foreign-architectures | grep -qx ppc64el; then
  dpkg --add-architecture ppc64el
fi
apt-get update -qq || echo "apt-get update reported errors (ignored: the main archive is enough)"
# qemu-system-ppc, its firmware (qemu-system-data, arch all) and the packages
# of its run-time library closure on Debian 12 (found with the NEEDED walk below).
pkgs="qemu-system-ppc qemu-system-data libc6 libaio1 libbpf1 libcapstone4 libfdt1 libfuse3-3 libgcc-s1
  libglib2.0-0 libgmp10 libgnutls30 libhogweed6 libibverbs1 libjpeg62-turbo libnettle8 libnuma1 libpixman-1-0
  libpng16-16 librdmacm1 libsasl2-2 libseccomp2 libslirp0 libudev1 liburing2 libvdeplug2 libzstd1 zlib1g
  libelf1 libffi8 libidn2-0 libmount1 libnl-3-200 libnl-route-3-200 libp11-kit0 libpcre2-8-0 libselinux1
  libtasn1-6 libunistring2 libblkid1"
cd "$cache/debs" || exit 1
for p in $pkgs; do
  if [ "$p" = qemu-system-data ]; then spec=$p; arch=all; else spec=$p:ppc64el; arch=ppc64el; fi
  ls "${p}"_*_"$arch".deb >/dev/null 2>&1 || apt-get download -q "$spec" >/dev/null || { echo "could not download $spec" >&2; exit 1; }
done
for d in *.deb; do dpkg-deb -x "$d" "$sysroot"; done
# The NEEDED closure of the binary, resolved in the sysroot.
out=$cache/files.txt.tmp
: >"$out"
printf '/usr/bin/qemu-system-ppc64\t%s\n' "$sysroot/usr/bin/qemu-system-ppc64" >>"$out"
printf '/lib64/ld64.so.2\t%s\n' "$(readlink -f "$sysroot/lib/powerpc64le-linux-gnu/ld64.so.2")" >>"$out"
declare -A seen
queue=("$sysroot/usr/bin/qemu-system-ppc64")
while [ ${#queue[@]} -gt 0 ]; do
  f=${queue[0]}
  queue=("${queue[@]:1}")
  for n in $(powerpc64le-linux-gnu-readelf -d "$f" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    [ -n "${seen[$n]:-}" ] && continue
    seen[$n]=1
    [ "$n" = ld64.so.2 ] && continue
    found=
    for d in lib/powerpc64le-linux-gnu usr/lib/powerpc64le-linux-gnu; do
      if [ -e "$sysroot/$d/$n" ]; then found=$d; break; fi
    done
    [ -n "$found" ] || { echo "l1 qemu: $n not found in the sysroot" >&2; exit 1; }
    real=$(readlink -f "$sysroot/$found/$n")
    printf '/%s/%s\t%s\n' "$found" "$n" "$real" >>"$out"
    queue+=("$real")
  done
done
for fw in vof.bin slof.bin; do printf '/usr/share/qemu/%s\t%s\n' "$fw" "$(readlink -f "$sysroot/usr/share/qemu/$fw")" >>"$out"; done
mv "$out" "$cache/files.txt"
echo "l1 qemu: $(wc -l <"$cache/files.txt") files in $cache/files.txt"
