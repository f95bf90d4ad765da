#!/bin/sh
# Makes the bundled fonts from Debian's fonts-noto-cjk (Noto Sans CJK, SIL OFL 1.1):
# face 2 of the .ttc files is Simplified Chinese. Kept: Basic Latin and Latin-1, general
# punctuation (— “ ” …), enclosed numbers (①), box and shape symbols (■ □ ●), CJK symbols and
# punctuation, all of CJK Unified Ideographs (U+4E00–U+9FFF) and full-width forms.
#   apt-get install -y fonts-noto-cjk python3-fonttools && sh fonts/make_fonts.sh
set -e
cd "$(dirname "$0")"
src=/usr/share/fonts/opentype/noto
ranges="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+2500-25FF,U+2600-26FF,U+3000-303F,U+3200-32FF,U+4E00-9FFF,U+FF00-FFEF"
for weight in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --unicodes="$ranges" --no-hinting \
    --output-file="NotoSansSC-$weight.otf"
done
ls -l NotoSansSC-*.otf
