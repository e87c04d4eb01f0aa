#!/usr/bin/env python3
"""The headless command line: exit codes, named errors, no partial CSV.

usage: cli_test.py READOUT DATA_DIR
"""
import csv
import io
import os
import stat
import subprocess
import sys
import tempfile
import unittest

READOUT = DATA = None
HEADER = ("file,company,period,metric,label,current,prior,prior_period,change,"
          "change_percent,unit,status,flags,source")


def run(*args, env_extra=None):
    env = dict(os.environ)
    # The headless path must never need a display.
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    env.update(env_extra or {})
    return subprocess.run([READOUT, *args], capture_output=True, env=env, timeout=60)


class Cli(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        self.seed = os.path.join(DATA, "seed-cellectar-q2-2017.txt")

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def test_help_and_version(self):
        out = run("--help")
        self.assertEqual(out.returncode, 0)
        self.assertIn(b"--export-csv", out.stdout)
        out = run("--version")
        self.assertEqual(out.returncode, 0)
        self.assertTrue(out.stdout.startswith(b"readout "))

    def test_usage_errors(self):
        self.assertEqual(run("--export-csv=-").returncode, 2)
        self.assertEqual(run("--export-csv").returncode, 2)
        self.assertEqual(run("--no-such-option", self.seed).returncode, 2)

    def test_stdout(self):
        out = run("--export-csv=-", self.seed)
        self.assertEqual(out.returncode, 0, out.stderr)
        text = out.stdout.decode("utf-8")
        self.assertTrue(text.startswith(HEADER + "\r\n"))
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        self.assertEqual([r["metric"] for r in rows],
                         ["rd_expense", "ga_expense", "operating_income", "net_income", "eps", "cash"])
        self.assertEqual(out.stderr, b"")

    def test_golden_file(self):
        out_path = os.path.join(self.dir, "out.csv")
        out = run("--export-csv=" + out_path, self.seed)
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(out_path, "rb") as fh, open(os.path.join(DATA, "seed-cellectar-q2-2017.golden.csv"), "rb") as gh:
            self.assertEqual(fh.read(), gh.read())

    def test_bad_inputs_are_named_and_others_exported(self):
        latin1 = self.write("latin1.txt", "Net loss for the second quarter of 2017 was $3.1 million, "
                            "or $0.23 per share. Caf\xe9 \u20ac.\n".encode("cp1252"))
        bad = {
            "empty.txt": (self.write("empty.txt", b""), "empty"),
            "image.png": (self.write("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(64)), "not text"),
            "nofigures.txt": (self.write("nofigures.txt", b"A conference on June 30, 2017. Call (888) 646-8293.\n"),
                              "No financial figures"),
            "folder": (self.dir, "Is a folder"),
            "missing.txt": (os.path.join(self.dir, "missing.txt"), "No such file"),
        }
        if os.geteuid() != 0:
            locked = self.write("locked.txt", b"Revenue was $1.0 million.\n")
            os.chmod(locked, 0)
            bad["locked.txt"] = (locked, "Permission denied")

        out_path = os.path.join(self.dir, "out.csv")
        paths = [self.seed, latin1] + [p for p, _ in bad.values()]
        out = run("--export-csv=" + out_path, *paths)
        self.assertEqual(out.returncode, 1)
        errors = out.stderr.decode("utf-8").strip().split("\n")
        self.assertEqual(len(errors), len(bad), errors)
        for name, (path, reason) in bad.items():
            line = [e for e in errors if path + ":" in e]
            self.assertEqual(len(line), 1, (name, errors))
            self.assertIn(reason, line[0])
        with open(out_path, newline="", encoding="utf-8") as fh:
            files = {row["file"] for row in csv.DictReader(fh)}
        self.assertEqual(files, {"seed-cellectar-q2-2017.txt", "latin1.txt"})

    def test_no_partial_csv(self):
        out_path = os.path.join(self.dir, "out.csv")
        with open(out_path, "wb") as fh:
            fh.write(b"previous export\r\n")
        out = run("--export-csv=" + out_path, self.write("empty.txt", b""))
        self.assertEqual(out.returncode, 1)
        with open(out_path, "rb") as fh:
            self.assertEqual(fh.read(), b"previous export\r\n")
        # Only the destination: no temporary file left behind.
        self.assertEqual(sorted(os.listdir(self.dir)), ["empty.txt", "out.csv"])

    def test_unwritable_destination(self):
        out = run("--export-csv=" + os.path.join(self.dir, "no", "such", "out.csv"), self.seed)
        self.assertEqual(out.returncode, 1)
        self.assertIn(b"out.csv", out.stderr)

    def test_several_files_in_order(self):
        corpus = os.path.join(DATA, "corpus", "raw")
        names = sorted(os.listdir(corpus))
        out = run("--export-csv=-", *[os.path.join(corpus, n) for n in names])
        self.assertEqual(out.returncode, 0, out.stderr)
        rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8"), newline="")))
        order = []
        for row in rows:
            if not order or order[-1] != row["file"]:
                order.append(row["file"])
        self.assertEqual(order, names)


if __name__ == "__main__":
    READOUT, DATA = sys.argv[1], sys.argv[2]
    unittest.main(argv=[sys.argv[0]], verbosity=2)
