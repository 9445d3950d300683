#!/usr/bin/env bash
# Renders a LinePlan report.html the way a reader sees it, to check it by eye (not run by CI).
#
#   Tests/PlanReportsTests/render-report.sh OUT/report.html [OUTPUT-FOLDER]
#
# Writes, beside each other in OUTPUT-FOLDER (default: the report's folder):
#   report.png        the page as a screen shows it: 1240 × 1754 px (A4 at 150 dpi), headless Chromium
#   report.pdf        the page printed to A4 by Chromium (the print style sheet)
#   report-page-N.png each PDF page rasterised at 100 dpi by pdftoppm, to check that it prints legibly
# and checks that the HTML and its SVG are well-formed XML (xmllint, when installed).
# Installs Debian's chromium, poppler-utils and fonts-noto-cjk when missing (as root).
set -euo pipefail

report=${1:?usage: render-report.sh REPORT.html [OUTPUT-FOLDER]}
report=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
out=${2:-$(dirname "$report")}
mkdir -p "$out"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
    echo "installing ${need[*]}" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# A fresh profile, no network: the report must not need one.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome=(chromium --headless --no-sandbox --disable-gpu --user-data-dir="$profile" --no-first-run
    --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' --hide-scrollbars)

"${chrome[@]}" --screenshot="$out/report.png" --window-size=1240,1754 "file://$report" 2>/dev/null
"${chrome[@]}" --print-to-pdf="$out/report.pdf" --no-pdf-header-footer "file://$report" 2>/dev/null
rm -f "$out"/report-page-*.png
pdftoppm -r 100 -png "$out/report.pdf" "$out/report-page"
pages=$(ls "$out"/report-page-*.png | wc -l)

if command -v xmllint >/dev/null; then
    xmllint --noout "$report" && echo "report.html is well-formed XML"
fi
echo "wrote $out/report.png, $out/report.pdf ($pages pages) and $out/report-page-*.png"
