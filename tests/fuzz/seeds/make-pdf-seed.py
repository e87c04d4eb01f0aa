#!/usr/bin/env python3
# Writes seeds/pdf/small-table.pdf: a one-page PDF with a Helvetica text
# table and a sentence (no tool needed; run from tests/fuzz/seeds/pdf).

def pdf(content: bytes, path):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)

def line(x, y, s):
    return b"BT /F1 9 Tf %d %d Td (%s) Tj ET\n" % (x, y, s)

rows = [(b"Acme Therapeutics Reports Second Quarter 2017 Financial Results", None, None),
        (b"(in thousands, except per share data)", b"2017", b"2016"),
        (b"Research and development", b"2,200", b"1,900"),
        (b"General and administrative", b"1,100", b"900"),
        (b"Total operating expenses", b"3,300", b"2,800"),
        (b"Net loss", b"(3,300)", b"(2,800)"),
        (b"Net loss per share, basic and diluted", b"$ (0.23)", b"$ (0.31)")]
c = b""
y = 740
for label, a, b in rows:
    c += line(72, y, label)
    if a: c += line(380, y, a)
    if b: c += line(470, y, b)
    y -= 14
c += line(72, y - 20, b"Research and development expenses were $2.2 million for the three months ended June 30, 2017, compared to $1.9 million.")
pdf(c, "small-table.pdf")

