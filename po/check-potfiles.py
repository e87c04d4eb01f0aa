#!/usr/bin/env python3
# Fails when a file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that does not exist.
# After GNOME/libadwaita .gitlab-ci/check-potfiles.sh, but it ignores
# gettext calls in C comments and supports po/POTFILES.skip.
#
# Usage: check-potfiles.py [SOURCE_ROOT]
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                       os.path.join(os.path.dirname(__file__), '..'))

C_KEYWORDS = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dpgettext2|'
                        r'g_dngettext|ngettext|gettext)\s*\(')
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']',
                             re.IGNORECASE)
# C comments and string/char literals, so that comments can be blanked out
# while a "/*" inside a string stays a string.
C_TOKENS = re.compile(r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                      re.DOTALL)


def strip_c_comments(text):
    return C_TOKENS.sub(lambda m: ' ' if m.group(0).startswith('/') else m.group(0),
                        text)


def read_list(name):
    path = os.path.join(root, 'po', name)
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        lines = (line.split('#', 1)[0].strip() for line in f)
        # "[type: gettext/glade]file" names a file too; "[encoding: UTF-8]" none.
        lines = (line.split(']', 1)[1].strip() if line.startswith('[') else line
                 for line in lines)
        return [line for line in lines if line]


def translatable_files():
    for top in ('src', 'resources'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, '/')
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                if name.endswith(('.c', '.h')):
                    if C_KEYWORDS.search(strip_c_comments(text)):
                        yield rel
                elif name.endswith(('.ui', '.xml', '.blp')):
                    if UI_TRANSLATABLE.search(text):
                        yield rel
    data = os.path.join(root, 'data')
    if os.path.isdir(data):
        for name in sorted(os.listdir(data)):
            if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in',
                              '.gschema.xml')):
                yield 'data/' + name


listed = read_list('POTFILES.in')
skipped = set(read_list('POTFILES.skip'))

missing = [f for f in translatable_files() if f not in listed and f not in skipped]
absent = [f for f in listed if not os.path.exists(os.path.join(root, f))]

status = 0
if missing:
    print('These files have translatable strings but are missing from po/POTFILES.in:',
          file=sys.stderr)
    for f in missing:
        print('  ' + f, file=sys.stderr)
    status = 1
if absent:
    print('po/POTFILES.in lists files that do not exist:', file=sys.stderr)
    for f in absent:
        print('  ' + f, file=sys.stderr)
    status = 1
if status == 0:
    print('po/POTFILES.in lists all %d files with translatable strings' % len(listed))
sys.exit(status)
