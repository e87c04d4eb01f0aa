#!/bin/sh
# How the PDF fixtures were made (Debian 12: apt-get install wkhtmltopdf qpdf img2pdf imagemagick).
# They are committed; this script is a record, not part of the build.
set -e
cd "$(dirname "$0")"
QT_QPA_PLATFORM=offscreen wkhtmltopdf -q ../html/104_buckle-fy2024q3.htm 104_buckle-fy2024q3.pdf || true
qpdf --encrypt secret owner 256 -- 104_buckle-fy2024q3.pdf encrypted.pdf
convert -size 200x100 xc:white -fill black -draw "rectangle 20,20 180,80" box.png
img2pdf box.png -o no-text.pdf
rm box.png
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Type /Pa' > truncated.pdf
