#!/usr/bin/env bash
# Install what the tests need on a Debian machine (run as root): the POWER
# cross toolchains (snippets, C test programs, bare-metal guests), QEMU's
# user-mode emulators and qemu-system-ppc64 (the reference oracles), and
# Debian's busybox-static and Linux kernel for ppc64el (downloaded, never
# installed); dtc and cpio check the device-tree and initramfs writers. Quick
# when everything is present.
set -u
pkgs="binutils-powerpc64le-linux-gnu gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross
binutils-powerpc64-linux-gnu gcc-powerpc64-linux-gnu libc6-dev-ppc64-cross qemu-user qemu-system-ppc
device-tree-compiler cpio"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || echo "apt-get update reported errors (ignored: the main archive is enough)"
  apt-get install -y -qq --no-install-recommends $missing >/dev/null || { echo "apt-get install failed:$missing" >&2; exit 1; }
fi
bash "$(dirname "$0")/fetch-guest.sh" || exit 1
# Debian's qemu-system-ppc64 for ppc64el, run inside a nested-HV L1 to boot an L2 Linux.
exec bash "$(dirname "$0")/fetch-l1-qemu.sh"
