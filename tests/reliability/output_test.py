#!/usr/bin/env python3
"""Where the CSV goes: OUT that is a device, a FIFO, a symbolic link, or a
private file.

The atomic write (temporary file + rename) is right for a regular file but
must not replace what is not one: `--export-csv=/dev/null` run as root
must leave /dev/null a device, a FIFO stays a FIFO (its reader gets the
CSV), a symbolic link stays a link (its target gets the CSV), and a file
readable only by its owner stays so.

usage: output_test.py READOUT DATA_DIR
"""
import os
import stat
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import relcommon  # noqa: E402

READOUT = DATA = None


class Output(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="readout-output-")
        self.dir = self.tmp.name
        self.seed = os.path.join(DATA, "seed-cellectar-q2-2017.txt")
        res = relcommon.run(READOUT, "--export-csv=-", self.seed)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.expected = res.stdout

    def tearDown(self):
        self.tmp.cleanup()

    def test_character_device(self):
        # Never the real /dev/null: before the fix, root replaced it.
        dev = os.path.join(self.dir, "null")
        try:
            os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except (PermissionError, OSError) as e:
            self.skipTest("cannot make a device node here (%s)" % e)
        try:
            with open(dev, "wb"):
                pass
        except OSError as e:
            # A file system mounted nodev (a build sandbox): no device works.
            self.skipTest("device nodes cannot be opened here (%s)" % e)
        res = relcommon.run(READOUT, "--export-csv=" + dev, self.seed)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertTrue(stat.S_ISCHR(os.lstat(dev).st_mode), "the device was replaced by a regular file")
        self.assertEqual(sorted(os.listdir(self.dir)), ["null"], "a temporary file was left beside it")

    def test_fifo(self):
        fifo = os.path.join(self.dir, "pipe.csv")
        os.mkfifo(fifo)
        got = []

        def reader():
            with open(fifo, "rb") as fh:
                got.append(fh.read())
        t = threading.Thread(target=reader, daemon=True)
        t.start()
        res = relcommon.run(READOUT, "--export-csv=" + fifo, self.seed, timeout=30)
        if not got:
            # The export did not open the FIFO: unblock the reader.
            with open(fifo, "wb"):
                pass
        t.join(10)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced by a regular file")
        self.assertEqual(got, [self.expected], "the FIFO's reader did not get the CSV")

    def test_symbolic_link(self):
        target = os.path.join(self.dir, "model", "figures.csv")
        os.mkdir(os.path.dirname(target))
        with open(target, "wb") as fh:
            fh.write(b"old\r\n")
        link = os.path.join(self.dir, "out.csv")
        os.symlink(target, link)
        res = relcommon.run(READOUT, "--export-csv=" + link, self.seed)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertTrue(os.path.islink(link), "the link was replaced by a regular file")
        with open(target, "rb") as fh:
            self.assertEqual(fh.read(), self.expected, "the link's target did not get the CSV")

    def test_private_file_stays_private(self):
        out = os.path.join(self.dir, "private.csv")
        with open(out, "wb") as fh:
            fh.write(b"old\r\n")
        os.chmod(out, 0o600)
        res = relcommon.run(READOUT, "--export-csv=" + out, self.seed)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(stat.S_IMODE(os.stat(out).st_mode), 0o600, "the export made a private file readable by others")
        with open(out, "rb") as fh:
            self.assertEqual(fh.read(), self.expected)

    def test_new_file(self):
        out = os.path.join(self.dir, "new.csv")
        res = relcommon.run(READOUT, "--export-csv=" + out, self.seed)
        self.assertEqual(res.returncode, 0, res.stderr)
        with open(out, "rb") as fh:
            self.assertEqual(fh.read(), self.expected)
        self.assertEqual(sorted(os.listdir(self.dir)), ["new.csv"])


if __name__ == "__main__":
    READOUT, DATA = os.path.abspath(sys.argv[1]), os.path.normpath(os.path.abspath(sys.argv[2]))
    unittest.main(argv=[sys.argv[0]], verbosity=2)
