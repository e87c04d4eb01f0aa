#!/usr/bin/env python3
"""Extraction quality on the bundled corpus: recall and precision against the
hand-checked labels, with floors that only ever go up.

usage: corpus_test.py READOUT LABELS_DIR RAW_DIR MIN_RECALL MIN_PRECISION

Scores as ../shared/tools/score.py does: a value counts when within 0.5 %
(EPS 0.005) of the label or one of its "accept" readings; every value the
export gives for a labelled metric that matches nothing costs precision.
"""
import csv
import io
import json
import os
import subprocess
import sys

CANON = {"revenue", "rd_expense", "ga_expense", "sga_expense", "total_opex",
         "operating_income", "net_income", "eps", "cash", "shares_weighted"}


def stem(name):
    return os.path.splitext(os.path.basename(name))[0]


def close(metric, got, want):
    if got is None or want is None:
        return False
    if metric == "eps":
        return abs(got - want) <= 0.005 + 1e-9
    if want == 0:
        return abs(got) < 0.5
    return abs(got - want) <= 0.005 * abs(want) + 0.5


def matches(metric, got, fig, field):
    wants = [fig.get(field)] + list(fig.get("accept", {}).get(field, []))
    return any(close(metric, got, w) for w in wants)


def main(readout, labels_dir, raw_dir, min_recall, min_precision):
    raw = sorted(os.path.join(raw_dir, n) for n in os.listdir(raw_dir)
                 if os.path.isfile(os.path.join(raw_dir, n)))
    out = subprocess.run([readout, "--export-csv=-", *raw], capture_output=True, timeout=120)
    if out.returncode != 0:
        print(out.stderr.decode(), file=sys.stderr)
        return 1
    rows = {}
    for row in csv.DictReader(io.StringIO(out.stdout.decode("utf-8"), newline="")):
        rows.setdefault((stem(row["file"]), row["metric"]), row)

    targets = hits = predicted = correct = 0
    for name in sorted(os.listdir(labels_dir)):
        with open(os.path.join(labels_dir, name), encoding="utf-8") as fh:
            doc = json.load(fh)
        figs = {f["metric"]: f for f in doc["figures"]}
        f = stem(doc["file"])
        for metric, fig in figs.items():
            row = rows.get((f, metric))
            for field in ("current", "prior"):
                if fig.get(field) is None:
                    continue
                targets += 1
                got = float(row[field]) if row and row[field] else None
                if matches(metric, got, fig, field):
                    hits += 1
                else:
                    print(f"miss: {f} {metric}.{field}: want {fig[field]} got {row[field] if row else '-'}")
        for metric in CANON:
            row = rows.get((f, metric))
            if not row:
                continue
            for field in ("current", "prior"):
                if not row[field]:
                    continue
                predicted += 1
                if metric in figs and matches(metric, float(row[field]), figs[metric], field):
                    correct += 1
                else:
                    print(f"wrong: {f} {metric}.{field}: {row[field]}")

    recall = hits / targets if targets else 0
    precision = correct / predicted if predicted else 0
    print(f"targets {targets} recall {recall:.3f} (floor {min_recall}) "
          f"precision {precision:.3f} (floor {min_precision})")
    return 0 if recall >= min_recall and precision >= min_precision else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])))
