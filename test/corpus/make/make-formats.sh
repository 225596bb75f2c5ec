#!/usr/bin/env bash
# Makes the corpus files that are not plain text from test/corpus/text/ (see test/corpus/README.md).
# Needs LibreOffice (Debian: libreoffice-writer-nogui) and node; run from the repository root.
set -euo pipefail
text=test/corpus/text
out=test/corpus/documents
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert() { # TEXT_ID FORMAT
  cp "$text/$1.txt" "$work/$1.txt"
  soffice --headless --convert-to "$2" --outdir "$work" "$work/$1.txt" >/dev/null
  cp "$work/$1.$2" "$out/$1.$2"
}
convert sichuan-circulation-2022 docx
convert yuncheng-emergency-2017 pdf
convert xuchang-work-report-2020 pdf
convert dongguan-employment-2021 doc
node test/corpus/make/xian-table-docx.js "$out/xian-fangguanfu-2022.docx"
node test/corpus/make/html-page.js "$text/lishan-tasks-2023.txt" 鞍山市立山区人民政府 > "$out/lishan-tasks-2023.html"
node test/corpus/make/html-page.js "$text/caidian-work-report-2023.txt" 武汉市蔡甸区人民政府 > "$out/caidian-work-report-2023.html"
node test/corpus/make/html-page.js "$text/anhui-land-use.txt" 政策文件转载 > "$out/anhui-land-use.html"
cp "$text/xianyang-work-report-2022.txt" "$out/xianyang-work-report-2022.txt"
node -e "process.stdout.write(require('iconv-lite').encode(require('fs').readFileSync('$text/xining-circulation-2017.txt','utf8'),'gbk'))" > "$out/xining-circulation-2017.txt"
