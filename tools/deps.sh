#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Install the Debian packages ptwalk builds with: apt-get when root, else
# print the exact command and fail.
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q $missing </dev/null ||
		{ apt-get update -q </dev/null && apt-get install -y -q $missing </dev/null; } ||
		{ echo "ptwalk: could not install:$missing" >&2; exit 1; }
	exit 0
fi
echo "ptwalk needs these Debian packages:$missing" >&2
echo "install them with:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
