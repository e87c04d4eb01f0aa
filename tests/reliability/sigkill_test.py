#!/usr/bin/env python3
"""Atomic export under SIGKILL.

Starts `readout --export-csv=OUT` on many copies of the corpus again and
again and kills it with SIGKILL at a random moment: half of the runs at a
random time over the whole run, half just after the temporary file appears
next to OUT (the write itself). After each kill OUT must be absent (when it
was absent before), the old complete file, or the new complete file (the
same bytes as an uninterrupted export, which is itself checked against the
CSV contract), never a partial file; and no file left beside it may be
mistaken for OUT (no other *.csv, nothing named OUT). Leftover temporary
files (GLib's OUT.XXXXXX, which a kill cannot clean up) are counted and
reported.

usage: sigkill_test.py READOUT DATA_DIR [RUNS] [COPIES]
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402


def make_inputs(data, folder, copies):
    """@copies hard links (or copies) of every corpus release, each under
    its own name so that every one is a row group of its own."""
    raw = os.path.join(data, "corpus", "raw")
    names = sorted(os.listdir(raw))
    paths = []
    for c in range(copies):
        for name in names:
            dst = os.path.join(folder, "c%04d-%s" % (c, name))
            try:
                os.link(os.path.join(raw, name), dst)
            except OSError:
                with open(os.path.join(raw, name), "rb") as src, open(dst, "wb") as fh:
                    fh.write(src.read())
            paths.append(dst)
    return paths


def main():
    # Builds with little room in /tmp (the Flatpak build sandbox) opt out.
    if os.environ.get("READOUT_SKIP_SLOW_TESTS"):
        print("skipped: READOUT_SKIP_SLOW_TESTS is set")
        return 77
    readout, data = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    copies = int(sys.argv[4]) if len(sys.argv) > 4 else 300
    rng = random.Random(int(os.environ.get("READOUT_KILL_SEED", "20261125")))
    env = relcommon.clean_env()

    with tempfile.TemporaryDirectory(prefix="readout-kill-") as d:
        in_dir = os.path.join(d, "in")
        out_dir = os.path.join(d, "out")
        os.mkdir(in_dir)
        os.mkdir(out_dir)
        inputs = make_inputs(data, in_dir, copies)
        out = os.path.join(out_dir, "out.csv")
        # The command line would be too long for exec with thousands of
        # absolute paths: run from the input folder with relative names.
        names = [os.path.basename(p) for p in inputs]
        argv = [readout, "--export-csv=" + out, *names]

        # The old file: a complete export of something else.
        old = subprocess.run([readout, "--export-csv=-", os.path.join(data, "seed-cellectar-q2-2017.txt")],
                             capture_output=True, env=env, timeout=60)
        assert old.returncode == 0, old.stderr
        old = old.stdout

        # The new file: an uninterrupted export, checked against the contract;
        # it also measures how long the write takes (from the temporary
        # file's appearance to the end).
        start = time.monotonic()
        proc = subprocess.Popen(argv, cwd=in_dir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        temp_seen = None
        while proc.poll() is None:
            if temp_seen is None and any(n != "out.csv" for n in os.listdir(out_dir)):
                temp_seen = time.monotonic()
            time.sleep(0.0005)
        end = time.monotonic()
        full_time = end - start
        write_time = end - temp_seen if temp_seen is not None else 0.005
        if proc.returncode != 0:
            print("FAIL: the uninterrupted export failed: %r" % proc.stderr.read()[:2000])
            return 1
        proc.stderr.close()
        with open(out, "rb") as fh:
            new = fh.read()
        rows, problems = relcommon.parse_csv_strict(new)
        if problems:
            print("FAIL: the uninterrupted export is not valid CSV: %s" % problems)
            return 1
        if old == new:
            print("FAIL: old and new files cannot be told apart")
            return 1
        print("input: %d files; output %d rows, %.1f MB; uninterrupted run %.2f s, of which writing %.0f ms"
              % (len(inputs), len(rows), len(new) / 1e6, full_time, write_time * 1000))

        counts = {"absent": 0, "old": 0, "new": 0, "partial": 0}
        partial_examples = []
        mistaken = []
        leftovers = 0
        completed = 0
        saw_temp = 0
        for i in range(runs):
            # Before: absent one run in three, else the old file.
            if os.path.exists(out):
                os.unlink(out)
            absent_before = i % 3 == 0
            if not absent_before:
                with open(out, "wb") as fh:
                    fh.write(old)

            proc = subprocess.Popen(argv, cwd=in_dir, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            t0 = time.monotonic()
            if i % 2 == 0:
                # Anywhere in the run (a little past its usual end too).
                delay = rng.uniform(0, full_time * 1.1)
                while time.monotonic() - t0 < delay and proc.poll() is None:
                    time.sleep(0.001)
            else:
                # During the write: once the temporary file shows up.
                while proc.poll() is None:
                    if any(n != "out.csv" for n in os.listdir(out_dir)):
                        saw_temp += 1
                        time.sleep(rng.uniform(0, write_time * 1.5))
                        break
                    time.sleep(0.0005)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
            status = proc.wait()
            if status == 0:
                completed += 1
            elif status != -signal.SIGKILL:
                print("FAIL: run %d ended with status %d" % (i, status))
                return 1

            if not os.path.exists(out):
                state = "absent"
                if not absent_before:
                    state = "partial"
                    partial_examples.append("run %d: the old file vanished" % i)
            else:
                with open(out, "rb") as fh:
                    got = fh.read()
                if got == new:
                    state = "new"
                elif got == old:
                    state = "old"
                    if absent_before:
                        state = "partial"
                        partial_examples.append("run %d: the old file reappeared" % i)
                else:
                    state = "partial"
                    _, problems = relcommon.parse_csv_strict(got)
                    partial_examples.append("run %d: %d bytes, %s" % (i, len(got), problems or "valid CSV but other rows"))
            if status == 0 and state != "new":
                partial_examples.append("run %d: completed but OUT is %s" % (i, state))
                state = "partial"
            counts[state] += 1

            for name in os.listdir(out_dir):
                if name == "out.csv":
                    continue
                leftovers += 1
                # GLib's temporary file is OUT.XXXXXX: not a CSV by its name.
                if name.endswith(".csv") or name.lower().endswith(".csv"):
                    mistaken.append(name)
                os.unlink(os.path.join(out_dir, name))

        print("runs: %d (killed %d, completed %d; %d kills aimed at the write)"
              % (runs, runs - completed, completed, saw_temp))
        print("OUT after the run: absent %d, old %d, new %d, partial %d"
              % (counts["absent"], counts["old"], counts["new"], counts["partial"]))
        print("partial files found: %d" % counts["partial"])
        print("temporary files left beside OUT: %d (GLib's OUT.XXXXXX; none named like a CSV: %s)"
              % (leftovers, "yes" if not mistaken else "NO"))
        for p in partial_examples[:10]:
            print("FAIL: partial: " + p)
        for m in mistaken[:10]:
            print("FAIL: a leftover could be mistaken for OUT: " + m)
        return 1 if counts["partial"] or mistaken else 0


if __name__ == "__main__":
    sys.exit(main())
