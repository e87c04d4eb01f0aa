#!/usr/bin/env python3
"""A 300 MB text file: exported or refused with a clear message, never a
crash, and peak RSS under DESIGN.md's budget (3 x input size + 50 MB).

The input is generated at test time in a temporary folder (the text
corpus concatenated with varied numbers) and deleted afterwards. VARIANT:
  - lines: 300 MB of ordinary lines (LF);
  - long-line: 250 MB of ordinary lines, then one 50 MB line without a
    newline;
  - one-line: 50 MB that are a single line without a newline;
  - crlf: 300 MB of ordinary lines ending in CRLF;
  - cp1252: 300 MB of ordinary lines in Windows-1252 (not UTF-8).
Several variants may be given; without any, all run.
Peak RSS comes from wait4()'s rusage of the child (ru_maxrss), the same
number `/usr/bin/time -v` prints as "Maximum resident set size".

usage: huge_file_test.py READOUT DATA_DIR [VARIANT...]
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402

MB = relcommon.MB


def main():
    # Builds with little room in /tmp (the Flatpak build sandbox) opt out.
    if os.environ.get("READOUT_SKIP_SLOW_TESTS"):
        print("skipped: READOUT_SKIP_SLOW_TESTS is set")
        return 77
    readout, data = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory(prefix="readout-huge-") as d:
        variants = {
            "lines": ("lines.txt", 300 * MB, 0, None),
            "long-line": ("long-line.txt", 300 * MB, 50 * MB, None),
            "one-line": ("one-line.txt", 50 * MB, 50 * MB, None),
            "crlf": ("crlf.txt", 300 * MB, 0, "crlf"),
            "cp1252": ("cp1252.txt", 300 * MB, 0, "cp1252"),
        }
        wanted = sys.argv[3:] or list(variants)
        for variant in wanted:
            name, size, tail, recode = variants[variant]
            path = os.path.join(d, name)
            out = os.path.join(d, name + ".csv")
            relcommon.write_big_text(path, size, data, tail_line=tail, recode=recode)
            size = os.path.getsize(path)
            budget = relcommon.memory_budget(size)
            status, stderr, seconds, rss = relcommon.export_measured(readout, out, path, timeout=400)
            errors = [line for line in stderr.split(b"\n") if line.strip()]
            print("%-13s %4d MB: exit %s, %.1f s, peak RSS %d MB (budget %d MB, %.2f x input)"
                  % (name, size // MB, status, seconds, rss // MB, budget // MB, rss / size))
            for line in errors:
                print("    stderr: %s" % line.decode("utf-8", "replace"))

            if not relcommon.check_run(failures, name, status, seconds, rss, size):
                pass  # check_run said why
            elif status == 0:
                if errors:
                    failures.append("%s: exit 0 with messages %r" % (name, errors))
                with open(out, "rb") as fh:
                    rows, problems = relcommon.parse_csv_strict(fh.read())
                if problems:
                    failures.append("%s: invalid CSV: %s" % (name, problems))
                print("    exported %d rows" % len(rows))
            elif status == 1:
                # Refused: one line naming the file, and no CSV written.
                if not relcommon.names_file_once(errors, path):
                    failures.append("%s: refused without one line naming the file: %r" % (name, errors))
                if os.path.exists(out):
                    failures.append("%s: refused yet %s was written" % (name, out))
            else:
                failures.append("%s: exit status %d" % (name, status))

            os.unlink(path)
            if os.path.exists(out):
                os.unlink(out)

    return relcommon.report(failures)


if __name__ == "__main__":
    sys.exit(main())
