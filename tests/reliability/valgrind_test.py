#!/usr/bin/env python3
"""The headless export under valgrind: no memory errors, no definite leaks.

Runs `valgrind --error-exitcode=1 --leak-check=full
--errors-for-leak-kinds=definite readout --export-csv=/dev/null` on the
plain-text corpus and the HTML corpus. Exits 77 (skipped) when valgrind is
not installed.

usage: valgrind_test.py READOUT DATA_DIR SUPPRESSIONS
"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402


def main():
    readout, data, supp = sys.argv[1], sys.argv[2], sys.argv[3]
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed: skipped (apt-get install valgrind)")
        return 77
    # Some sandboxes (the Flatpak build's) do not let valgrind run at all.
    if subprocess.run([valgrind, "-q", "true"], capture_output=True).returncode != 0:
        print("valgrind cannot run here: skipped")
        return 77
    files = sorted(glob.glob(os.path.join(data, "corpus", "raw", "*"))) + \
        sorted(p for p in glob.glob(os.path.join(data, "html", "*")) if os.path.isfile(p))
    env = relcommon.clean_env()
    # GLib's slice allocator and caches hide leaks from valgrind; a plain
    # malloc makes every block visible.
    env["G_SLICE"] = "always-malloc"
    env["G_DEBUG"] = "gc-friendly"
    with tempfile.TemporaryDirectory(prefix="readout-valgrind-") as d:
        log = os.path.join(d, "valgrind.log")
        # Not --export-csv=/dev/null: the atomic write (temporary file +
        # rename) replaces OUT with a regular file even when OUT is a
        # device, so run as root it would clobber /dev/null itself. A real
        # file in the temporary folder exercises the same code.
        out = os.path.join(d, "out.csv")
        cmd = [valgrind, "--error-exitcode=1", "--leak-check=full",
               "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
               "--suppressions=" + supp, "--num-callers=30", "--log-file=" + log,
               readout, "--export-csv=" + out, *files]
        start = time.monotonic()
        res = subprocess.run(cmd, env=env, capture_output=True, timeout=1700)
        took = time.monotonic() - start
        with open(log, encoding="utf-8", errors="replace") as fh:
            report = fh.read()
    summary = [line for line in report.splitlines()
               if "ERROR SUMMARY" in line or "definitely lost" in line or "indirectly lost" in line]
    print("%d files under valgrind in %.0f s, exit %d" % (len(files), took, res.returncode))
    for line in summary:
        print(line)
    if res.returncode != 0:
        print(report[-20000:])
        if res.stderr:
            print(res.stderr.decode("utf-8", "replace")[-4000:])
        print("FAIL: valgrind found errors (exit %d)" % res.returncode)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
