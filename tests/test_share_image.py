"""The default share image is drawn by seo/share_image.py: 1200×630, the brand's dark blue with
the accent band at the bottom and white text, as the committed PNG."""

from pathlib import Path

import pytest
from PIL import Image

from seo import share_image

if not (share_image.FONT_DIR / "DejaVuSans.ttf").exists():
    pytest.skip("the DejaVu fonts (fonts-dejavu-core) are not installed", allow_module_level=True)


def rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def test_the_drawn_image_has_the_committed_size_colours_and_text(tmp_path):
    path = share_image.build(tmp_path / "share.png")
    drawn = Image.open(path).convert("RGB")
    committed = Image.open(share_image.OUTPUT).convert("RGB")
    assert drawn.size == committed.size == share_image.SIZE
    assert drawn.getpixel((5, 5)) == rgb(share_image.BRAND_DARK)
    assert drawn.getpixel((5, share_image.SIZE[1] - 5)) == rgb(share_image.ACCENT)
    text_row = drawn.crop((96, 330, 1100, 380)).getcolors(maxcolors=1 << 16)
    assert (255, 255, 255) in {colour for _, colour in text_row}  # the name, in white
    assert Path(path).parent == tmp_path  # the committed PNG is never rewritten by a test
