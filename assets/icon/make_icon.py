#!/usr/bin/env python3
"""Draws Baokan's application icon from the bundled bold CJK face.

A newspaper page in a rounded square: a red masthead band carrying 报 in white, and grey
rules for columns of text below it. Writes, next to this script:

  baokan.png   512 × 512, the window icon, the Linux icon and cargo-bundle's source
  baokan.ico   16–256 px, embedded in the Windows executable

Needs Pillow (`pip install pillow`). Run from anywhere: python3 assets/icon/make_icon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parent.parent / "fonts" / "NotoSansSC-Bold.otf"

SIZE = 512
SCALE = 4  # drawn large, then reduced, for smooth edges
PAPER = (250, 247, 238, 255)
RED = (178, 34, 34, 255)
INK = (120, 120, 120, 255)


def draw(size: int) -> Image.Image:
    big = size * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    margin = big // 16
    radius = big // 9
    box = (margin, margin, big - margin, big - margin)
    d.rounded_rectangle(box, radius=radius, fill=PAPER, outline=(60, 60, 60, 255), width=big // 90)
    # The masthead: a red band across the top half with 报 in white.
    band_bottom = int(big * 0.55)
    d.rounded_rectangle((margin, margin, big - margin, band_bottom), radius=radius, fill=RED)
    d.rectangle((margin, band_bottom - radius, big - margin, band_bottom), fill=RED)
    font = ImageFont.truetype(str(FONT), int(big * 0.40))
    centre = (big // 2, (margin + band_bottom) // 2)
    d.text(centre, "报", font=font, fill=(255, 255, 255, 255), anchor="mm")
    # Columns of text: two columns of grey rules.
    left, right = margin + big // 12, big - margin - big // 12
    gutter = big // 20
    mid = (left + right) // 2
    rule = big // 40
    y = band_bottom + big // 14
    while y + rule < big - margin - big // 16:
        d.rectangle((left, y, mid - gutter // 2, y + rule), fill=INK)
        d.rectangle((mid + gutter // 2, y, right, y + rule), fill=INK)
        y += rule * 5 // 2
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    icon = draw(SIZE)
    icon.save(HERE / "baokan.png", optimize=True)
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    icon.save(HERE / "baokan.ico", sizes=sizes)


if __name__ == "__main__":
    main()
