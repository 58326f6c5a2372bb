#!/bin/sh
# Makes sure the Debian packages a make target needs are installed. As root
# it installs what is missing with apt-get; otherwise it prints the exact
# command to run and fails.
# Usage: tools/ensure-deps.sh build|run|check
set -e

# "what to look for" "Debian package"; a path is checked with test -e,
# "=" followed by a package name with dpkg, anything else with command -v.
needs_build="gcc:gcc ld:binutils objcopy:binutils nm:binutils gzip:gzip kconfig-conf:kconfig-frontends"
needs_run="$needs_build qemu-system-x86_64:qemu-system-x86 /usr/share/seabios/bios-256k.bin:seabios"
needs_check="$needs_run /usr/include/zlib.h:zlib1g-dev /usr/include/libdeflate.h:libdeflate-dev
	clang:clang =libclang-rt-14-dev:libclang-rt-14-dev
	grub-mkrescue:grub-common xorriso:xorriso mformat:mtools
	/usr/lib/grub/i386-pc/modinfo.sh:grub-pc-bin syslinux:syslinux
	/usr/lib/ISOLINUX/isolinux.bin:isolinux
	/usr/lib/syslinux/modules/bios/ldlinux.c32:syslinux-common
	/usr/share/ovmf/OVMF.fd:ovmf /usr/lib/grub/x86_64-efi/linuxefi.mod:grub-efi-amd64-bin"

case "$1" in
build) needs=$needs_build ;;
run) needs=$needs_run ;;
check) needs=$needs_check ;;
*) echo "usage: $0 build|run|check" >&2; exit 2 ;;
esac

missing=
for pair in $needs; do
	what=${pair%%:*} pkg=${pair#*:}
	case "$what" in
	/*) test -e "$what" && continue ;;
	=*) dpkg-query -W -f='${Status}' "${what#=}" 2>/dev/null |
		grep -q "install ok installed" && continue ;;
	*) command -v "$what" >/dev/null 2>&1 && continue ;;
	esac
	case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Missing Debian packages:$missing" >&2
	echo "Install them with:  sudo apt-get install --no-install-recommends$missing" >&2
	exit 1
fi
echo "Installing missing Debian packages:$missing"
export DEBIAN_FRONTEND=noninteractive
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 || {
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing
}
