"""The HTML reports of the examples in a real browser: headless Chromium draws them at desktop
and phone width (not blank, the colours of the scores there), and the page it builds holds the
scores and the top gaps. Skipped when no Chromium can be found (``.ci/run`` installs it).

With ``--update-golden`` the desktop picture is written to ``examples/``, where the README
shows it.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import zlib
from html import unescape
from pathlib import Path

import pytest

from skillgap.report import Report

from .helpers import EXAMPLES

BROWSER = next(
    (found for name in ("chromium", "chromium-browser", "google-chrome")
     if (found := shutil.which(name))),
    None,
)  # fmt: skip
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium found (Debian: apt-get install chromium)"
)

PICTURE = EXAMPLES / "mle-resume.report.png"
#: The report's green (a score of 70 or more: the gauge, the bars, the gain badges), light mode.
GOOD = (0x1A, 0x7F, 0x37)


def _chromium(page: Path, profile: Path, *arguments: str) -> str:
    assert BROWSER is not None
    done = subprocess.run(
        [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--no-first-run", f"--user-data-dir={profile}", *arguments,
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


def _pixels(png: bytes, *, most_rows: int) -> tuple[int, int, list[bytes]]:
    """Width, height and the first rows of RGB(A) bytes of an 8-bit PNG (what Chromium
    writes), decoded with zlib alone."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind, body = png[position + 4 : position + 8], png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6) and body[12] == 0  # no interlace
        elif kind == b"IDAT":
            data += body
        position += 12 + length
    raw = zlib.decompress(data)
    size = 3 if colour_type == 2 else 4
    stride = width * size
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(min(height, most_rows)):
        kind_of_filter = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind_of_filter, line, previous, size)
        rows.append(bytes(line))
        previous = line
    return width, height, rows


def _unfilter(kind: int, line: bytearray, up: bytearray, size: int) -> None:
    if kind == 1:
        for i in range(size, len(line)):
            line[i] = (line[i] + line[i - size]) & 0xFF
    elif kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + up[i]) & 0xFF
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - size] if i >= size else 0
            line[i] = (line[i] + ((left + up[i]) >> 1)) & 0xFF
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - size] if i >= size else 0
            b, c = up[i], up[i - size] if i >= size else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + predictor) & 0xFF


def _colours(rows: list[bytes], size: int) -> dict[tuple[int, ...], int]:
    counts: dict[tuple[int, ...], int] = {}
    for row in rows:
        for x in range(0, len(row), size):
            pixel = tuple(row[x : x + 3])
            counts[pixel] = counts.get(pixel, 0) + 1
    return counts


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_the_report_is_drawn_at_desktop_and_phone_width(
    width: int, tmp_path: Path, update_golden: bool
) -> None:
    picture = tmp_path / "report.png"
    _chromium(
        EXAMPLES / "mle-resume.report.html", tmp_path / "profile",
        f"--screenshot={picture}", f"--window-size={width},2000",
    )  # fmt: skip
    png = picture.read_bytes()
    # The upper half holds the header and the first role: enough to judge, in half the time.
    drawn_width, height, rows = _pixels(png, most_rows=1000)
    assert (drawn_width, height) == (width, 2000)
    size = len(rows[0]) // width
    colours = _colours(rows, size)
    background = max(colours.values())
    assert background < 0.95 * width * len(rows), "not a blank page"
    assert len(colours) >= 50, "text, gauges, bars and highlights in several colours"
    assert colours.get(GOOD, 0) >= 500, "the gauge and bars in the report's green"
    if update_golden and width == 1280:
        PICTURE.write_bytes(png)


@pytest.mark.parametrize("name", ["mle-resume", "rs-resume"])
def test_the_page_holds_the_scores_and_the_top_gaps(name: str, tmp_path: Path) -> None:
    dom = _chromium(EXAMPLES / f"{name}.report.html", tmp_path / "profile", "--dump-dom")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", dom)).split())
    pinned = json.loads((EXAMPLES / f"{name}.report.json").read_text(encoding="utf-8"))
    report = Report.model_validate(pinned)
    for role in report.roles:
        assert f"{role.name} ({role.id})" in text
        assert f"{role.name}: score {role.score:.0f} of 100" in text  # the gauge
        top = next(r for r in role.requirements if r.id == role.gaps[0])
        assert f"{top.name} +{top.gain:.0f} if closed" in text
    assert "The resume, with its evidence" in text
