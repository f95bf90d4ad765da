#!/bin/sh
# Makes the bundled fonts (all Noto Sans CJK SC, SIL OFL 1.1; see LICENSE-OFL.txt).
#
# Main faces, from Debian's fonts-noto-cjk (Noto Sans CJK 2.004): face 2 of the .ttc files is
# Simplified Chinese. Kept: Basic Latin and Latin-1, general punctuation (— “ ” …), letterlike
# symbols (℃), arrows, enclosed numbers (①), box and shape symbols (■ □ ●), CJK symbols and
# punctuation, kana (・ and Japanese names), enclosed CJK, all of CJK Unified Ideographs
# (U+4E00–U+9FFF) and full-width forms.
#
# Supplement face: Noto Sans CJK 2.004 stops at U+9FEF (as does the Google Fonts build), so the
# sixteen Unicode 14/15 ideographs U+9FF0–U+9FFF come from GNU Unifont 15 (dual-licensed, used
# here under SIL OFL 1.1), which egui uses as the fallback face of both families.
#
#   apt-get install -y fonts-noto-cjk fonts-unifont python3-fonttools && sh fonts/make_fonts.sh
set -e
cd "$(dirname "$0")"
src=/usr/share/fonts/opentype/noto
ranges="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+2500-25FF,U+2600-26FF,U+3000-303F,U+3040-30FF,U+3200-32FF,U+4E00-9FFF,U+FF00-FFEF"
for weight in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --unicodes="$ranges" --no-hinting \
    --output-file="NotoSansSC-$weight.otf"
done
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/opentype/unifont/unifont.otf \
  --unicodes="U+9FF0-9FFF" --no-hinting --no-prune-unicode-ranges --output-file="Supplement-U9FF0.otf"
ls -l ./*.otf
