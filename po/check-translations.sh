#!/bin/sh
# Fails unless every po/*.po file in LINGUAS is complete: no fuzzy and no
# untranslated messages, and msgfmt --check accepts it.
#
# Usage: check-translations.sh PO_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
po_dir=${1:-$(dirname "$0")}
status=0
# A real file, not /dev/null: msgfmt may replace its output file (and in a
# bwrap sandbox, /dev/null cannot be replaced).
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lang in $(sed -e 's/#.*//' "$po_dir/LINGUAS"); do
  po="$po_dir/$lang.po"
  if ! stats=$(LC_ALL=C msgfmt --check --statistics -o "$tmp/$lang.mo" "$po" 2>&1); then
    printf '%s: msgfmt --check failed:\n%s\n' "$po" "$stats" >&2
    status=1
    continue
  fi
  echo "$lang.po: $stats"
  case $stats in
    *fuzzy*|*untranslated*)
      echo "$po: has fuzzy or untranslated messages" >&2
      status=1 ;;
  esac
done
exit $status
