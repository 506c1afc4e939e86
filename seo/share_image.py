"""Draws static/img/share-default.png, the 1200×630 image shown when a page without an image
of its own is shared (Open Graph, Twitter). The PNG is committed; run this again only to change
it: `python -m seo.share_image` (needs the DejaVu fonts, Debian package fonts-dejavu-core).
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUTPUT = Path(__file__).resolve().parent.parent / "static" / "img" / "share-default.png"
SIZE = (1200, 630)
BRAND_DARK = "#083a50"
BRAND = "#0b4f6c"
ACCENT = "#b3401a"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font(size, bold=False):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def draw_mark(draw, left, top, scale):
    """The site's logo mark (static/img/logo-mark.svg, a 40×40 drawing) at `scale`."""

    def point(x, y):
        return (left + x * scale, top + y * scale)

    draw.rounded_rectangle([point(0, 0), point(40, 40)], radius=8 * scale, fill="#ffffff")
    wave = [point(6 + i, 28 - 3 * math.sin(i / 24 * 2 * 3.14159)) for i in range(25)]
    draw.line(wave, fill=BRAND, width=int(3 * scale), joint="curve")
    letter_m = [point(9, 22), point(9, 12), point(14.5, 19), point(20, 12), point(25.5, 19)]
    letter_m += [point(31, 12), point(31, 22)]
    draw.line(letter_m, fill=ACCENT, width=int(3 * scale), joint="curve")


def build(path=OUTPUT):
    image = Image.new("RGB", SIZE, BRAND_DARK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, SIZE[1] - 16, SIZE[0], SIZE[1]], fill=ACCENT)
    draw_mark(draw, 96, 110, 4)
    draw.text((96, 320), "Marmara Belediyeler Birliği", font=font(64, bold=True), fill="#ffffff")
    draw.text((96, 410), "Marmara Municipalities Union", font=font(44), fill="#d7e4ec")
    image.save(path, optimize=True)
    return path


if __name__ == "__main__":
    sys.stdout.write(f"{build()}\n")
