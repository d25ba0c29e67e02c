#!/usr/bin/env bash
# Makes the chart font bundled with the plugin: Noto Sans SC Regular (SIL Open Font License 1.1)
# cut down to the characters reports need, so that `mvn site:report` draws Chinese labels on a
# machine without a CJK font. Run it again only to change the character set or the font version:
#
#   report-maven-plugin/src/main/fonts/subset.sh
#
# It needs npm (to fetch the font once) and Debian's python3-fonttools. Its output,
# src/main/resources/org/threatreport/chart/NotoSansSC-Subset.ttf, and the licence beside it are
# committed: builds never run this script and never need the network.
#
# Characters kept: printable ASCII, Latin-1, Latin Extended-A, every character of GB 2312
# (6,763 hanzi and 682 symbols: punctuation, full-width forms, Greek, Cyrillic, kana, box
# drawing…), general punctuation, CJK symbols and punctuation, full-width forms, and a few signs
# charts use (€, ℃, №, −). A label with any other character is drawn with an installed font.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/org/threatreport/chart"
package="@expo-google-fonts/noto-sans-sc@0.4.3"   # Google Fonts' Noto Sans SC 2.004, TrueType outlines
source_font="400Regular/NotoSansSC_400Regular.ttf"
python=/usr/bin/python3                           # Debian's, with python3-fonttools

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package" >/dev/null && tar xzf ./*.tgz)

"$python" - "$work/unicodes.txt" <<'PY'
import sys
points = set()
def span(first, last):
    points.update(range(first, last + 1))
span(0x20, 0x7E)        # ASCII
span(0xA0, 0xFF)        # Latin-1
span(0x100, 0x17F)      # Latin Extended-A
span(0x2010, 0x205E)    # general punctuation
span(0x3000, 0x303F)    # CJK symbols and punctuation
span(0xFF01, 0xFF65)    # full-width ASCII, CJK half-width punctuation
span(0xFFE0, 0xFFE6)    # full-width signs
points.update([0x20AC, 0x2103, 0x2116, 0x2212])
for row in range(0xA1, 0xF8):   # every two-byte code of GB 2312
    for cell in range(0xA1, 0xFF):
        try:
            points.add(ord(bytes([row, cell]).decode("gb2312")))
        except UnicodeDecodeError:
            pass
with open(sys.argv[1], "w") as f:
    f.write("\n".join("U+%04X" % p for p in sorted(points)) + "\n")
PY

# Only what Java needs to measure and draw horizontal labels: outlines, metrics, character map,
# and the names (with the copyright and licence notices the OFL asks to keep).
"$python" -m fontTools.subset "$work/package/$source_font" \
    --unicodes-file="$work/unicodes.txt" \
    --output-file="$out/NotoSansSC-Subset.ttf" \
    --layout-features='' --no-hinting --drop-tables+=vhea,vmtx,STAT,BASE \
    --name-IDs=0,1,2,3,4,5,6,7,8,9,10,11,13,14 --name-languages='*' --notdef-outline
cp "$work/package/LICENSE_FONT" "$out/NotoSansSC-OFL.txt"
ls -l "$out/NotoSansSC-Subset.ttf"
