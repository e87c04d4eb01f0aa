#!/bin/sh
# test-dogtail.sh READOUT SEED SCRIPT: runs SCRIPT (dogtail) against the
# real program in a private D-Bus session and X server.  Exit 77 (skip)
# when dogtail, xvfb-run, dbus-run-session or xdotool is missing.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

PYTHON=/usr/bin/python3
for tool in xvfb-run dbus-run-session xdotool; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed"
    exit 77
  fi
done
if ! [ -x "$PYTHON" ] || ! "$PYTHON" -c 'import dogtail' >/dev/null 2>&1; then
  echo "SKIP: python3-dogtail is not installed"
  exit 77
fi

# Until the figure extractor finds the seed's figures there is nothing to
# edit: the headless exporter tells (no display needed).
if ! "$1" --export-csv=- "$2" >/dev/null 2>&1; then
  echo "SKIP: $1 cannot export the seed release yet"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/readout-dogtail-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export GSETTINGS_BACKEND=memory GDK_BACKEND=x11 GSK_RENDERER=cairo 
export NO_AT_BRIDGE=0 GTK_A11Y=atspi LC_ALL=C.UTF-8
unset WAYLAND_DISPLAY

dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' \
  "$PYTHON" "$3" "$1" "$2" "$work"
status=$?
exit $status
