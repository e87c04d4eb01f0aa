#!/bin/bash
# Offline Flatpak smoke build (STYLE.md §16).
#
# Builds the app with flatpak-builder in its sandbox against a runtime made
# from the host's /usr (org.local.Sdk//1), runs the test suite inside the
# build sandbox (run-tests), installs the app, runs the installed
# `readout --export-csv=-` on a release, and builds a bundle.
#
# This proves the manifest, the build and tests under bwrap and the install
# layout; it does not prove compatibility with org.gnome.Platform (that needs
# the network, see flatpak/io.github.readout.Readout.json).
#
# Usage: flatpak/smoke-build.sh [RELEASE_FILE]
# Environment:
#   READOUT_FP_DIR   work directory (default ${TMPDIR:-/tmp}/readout-fp); the
#                    runtime is kept there and reused while the host's
#                    installed packages stay the same.
#   READOUT_FP_KEEP  1 keeps the app build directories afterwards.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

app_id=io.github.readout.Readout
src=$(cd "$(dirname "$0")/.." && pwd)
# The script changes directory: make a release given on the command line
# absolute first.
arg_release=${1:+$(realpath "$1")}
W=${READOUT_FP_DIR:-${TMPDIR:-/tmp}/readout-fp}
export FLATPAK_USER_DIR=$W/user
# Paths pruned from the copy of /usr: never needed to build or run Readout,
# and large on developer and CI machines. Bump runtime_version when it changes.
prune=(local lib/google-cloud-sdk lib/jvm lib/debug share/doc share/man
       share/info share/fpcsrc share/package-lists)
runtime_version=2

t0=$(date +%s)
step_start=$t0
step () {
  local now
  now=$(date +%s)
  printf '\n== [%4ds] %s\n' "$((now - t0))" "$*"
  step_start=$now
}

step "tools"
missing=()
for tool in flatpak flatpak-builder ostree eu-strip bwrap python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]}; installing flatpak flatpak-builder ostree elfutils"
  sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
    flatpak flatpak-builder ostree elfutils bubblewrap python3 >/dev/null
fi
flatpak --version
flatpak-builder --version

mkdir -p "$W"
cd "$W"

step "runtime org.local.Sdk//1 from the host's /usr"
# The runtime is rebuilt whenever the host's package set changes.
stamp=$( { echo "$runtime_version ${prune[*]}"; cat /var/lib/dpkg/status 2>/dev/null; } |
         sha256sum | cut -d' ' -f1)
if [ -f "$W/runtime.stamp" ] && [ "$(cat "$W/runtime.stamp")" = "$stamp" ] &&
   flatpak --user info org.local.Sdk//1 >/dev/null 2>&1 &&
   flatpak --user remotes --columns=name | grep -qx readout-local; then
  echo "reusing the runtime in $FLATPAK_USER_DIR"
else
  rm -rf "$W/rt" "$W/repo" "$W/user" "$W/runtime.stamp"
  mkdir -p "$W/rt"
  # Hard links cost nothing but need $W on /usr's file system; else copy.
  if ! cp -al /usr "$W/rt/files" 2>/dev/null; then
    echo "cp -al failed (another file system?): copying /usr"
    rm -rf "$W/rt/files"
    cp -a /usr "$W/rt/files"
  fi
  for p in "${prune[@]}"; do
    rm -rf "${W:?}/rt/files/$p"
  done
  # A runtime's files/etc is the sandbox's /etc: fontconfig needs its
  # configuration there, as in org.gnome.Platform, or text is measured
  # with whatever fallback it finds.
  mkdir -p "$W/rt/files/etc"
  cp -a /etc/fonts "$W/rt/files/etc/"
  printf '[Runtime]\nname=org.local.Sdk\nruntime=org.local.Sdk/%s/1\nsdk=org.local.Sdk/%s/1\n' \
    "$(flatpak --default-arch)" "$(flatpak --default-arch)" >"$W/rt/metadata"
  ostree init --mode=bare-user-only --repo="$W/repo"
  flatpak build-export --runtime --files=files "$W/repo" "$W/rt" 1
  flatpak --user remote-add --no-gpg-verify --if-not-exists readout-local "$W/repo"
  flatpak --user install -y --noninteractive readout-local org.local.Sdk//1
  # The installation has its own copy: drop the links. The repo stays, as
  # flatpak-builder --install needs the runtime's origin remote.
  rm -rf "$W/rt"
  echo "$stamp" >"$W/runtime.stamp"
fi
flatpak --user list --runtime

step "manifest: generate the .local.json variant"
local_json=$W/$app_id.local.json
python3 - "$src/flatpak/$app_id.json" "$local_json" "$src" <<'EOF'
import json, sys
manifest_path, out_path, src = sys.argv[1:]
with open(manifest_path) as f:
    m = json.load(f)
m['runtime'] = m['sdk'] = 'org.local.Sdk'
m['runtime-version'] = '1'
m['appstream-compose'] = False
# Only the app itself: the host /usr already has every library (poppler too).
m['modules'] = [mod for mod in m['modules']
                if isinstance(mod, dict) and mod.get('name') == 'readout']
for source in m['modules'][0]['sources']:
    if source.get('type') == 'dir':
        source['path'] = src
with open(out_path, 'w') as f:
    json.dump(m, f, indent=4)
EOF
# Unknown keys are fatal here, as on Flathub.
# (From $W: --show-manifest leaves a .flatpak-builder/ in the cwd.)
for m in "$src/flatpak/$app_id.json" "$local_json"; do
  G_DEBUG=fatal-warnings flatpak-builder --show-manifest "$m" >/dev/null
done
echo "$local_json"

step "flatpak-builder: build, run the tests, install"
rm -rf "$W/app" "$W/app-repo"
flatpak-builder --user --force-clean --disable-rofiles-fuse --disable-download \
  --disable-updates --state-dir="$W/state" --repo="$W/app-repo" \
  --install "$W/app" "$local_json"

step "installed layout (seen from inside the sandbox)"
run=(flatpak --user run --no-a11y-bus --no-documents-portal)
# flatpak-builder < 1.3 renames the metainfo to share/appdata/*.appdata.xml;
# translations live in the .Locale extension, linked from share/locale.
"${run[@]}" --command=sh "$app_id" -c '
  status=0
  for f in bin/readout \
           share/applications/$0.desktop \
           "share/metainfo/$0.metainfo.xml share/appdata/$0.appdata.xml" \
           share/icons/hicolor/scalable/apps/$0.svg \
           share/icons/hicolor/symbolic/apps/$0-symbolic.svg \
           share/glib-2.0/schemas/$0.gschema.xml \
           share/glib-2.0/schemas/gschemas.compiled \
           share/locale/de/LC_MESSAGES/readout.mo; do
    found=
    for alt in $f; do [ -e "/app/$alt" ] && found=$alt && break; done
    if [ -n "$found" ]; then echo "ok      /app/$found"; else echo "MISSING /app/$f"; status=1; fi
  done
  exit $status' "$app_id"
flatpak --user info "$app_id"

step "flatpak run: readout --version and --export-csv=- from the installed app"
input=$W/input
rm -rf "$input"
mkdir -p "$input"
release=$arg_release
if [ -z "$release" ]; then
  for candidate in "$src/tests/data/seed-cellectar-q2-2017.txt" \
                   "$src/../shared/corpus/raw/seed-cellectar-q2-2017.txt"; do
    if [ -f "$candidate" ]; then release=$candidate; break; fi
  done
fi
if [ -n "$release" ]; then
  cp "$release" "$input/"
else
  cat >"$input/smoke-release.txt" <<'EOF'
Example Therapeutics Reports Second Quarter 2017 Financial Results

Research and development expenses were $2.2 million for the quarter ended
June 30, 2017, compared to $1.9 million for the quarter ended June 30, 2016.
Net loss for the quarter was $3.1 million, or $0.23 per share, compared to
$2.7 million, or $0.21 per share, in the second quarter of 2016.
EOF
fi
run+=(--filesystem="$input:ro" --command=readout "$app_id")
"${run[@]}" --version
LANGUAGE=de "${run[@]}" --help | head -n 4
set +e
"${run[@]}" --export-csv=- "$input"/* >"$W/export.csv" 2>"$W/export.err"
rc=$?
set -e
cat "$W/export.csv"
cat "$W/export.err" >&2
header='file,company,period,metric,label,current,prior,prior_period,change,change_percent,unit,status,flags,source'
if [ "$rc" -ge 2 ]; then
  echo "readout --export-csv exited with $rc (usage error or crash)" >&2
  exit 1
fi
if [ -s "$W/export.csv" ] && [ "$(head -n1 "$W/export.csv" | tr -d '\r')" != "$header" ]; then
  echo "readout --export-csv wrote no CSV header" >&2
  exit 1
fi
if [ "$rc" -eq 1 ]; then
  echo "note: readout --export-csv exited 1 (a release had no figures or failed to load)"
else
  echo "readout --export-csv exited 0, $(($(wc -l <"$W/export.csv") - 1)) rows"
fi

step "bundle"
flatpak build-bundle "$W/app-repo" "$W/readout.flatpak" "$app_id"
bundle_size=$(stat -c %s "$W/readout.flatpak")
echo "bundle: $W/readout.flatpak, $bundle_size bytes ($(du -h "$W/readout.flatpak" | cut -f1))"

if [ "${READOUT_FP_KEEP:-0}" != 1 ]; then
  rm -rf "$W/app" "$W/state/build"
fi

step "done"
echo "flatpak smoke build passed in $(( $(date +%s) - t0 )) s"
