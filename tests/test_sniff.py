"""Formats told from content: standard input reads as the same file by path does; images and
image-only documents are named as such, with the hint to run OCR."""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skillgap.analysis import analyze
from skillgap.cli import app
from skillgap.errors import ExitCode, InputError
from skillgap.readers import detect_format, read_bytes, read_document

from .helpers import CORPUS, EXAMPLES, corpus_file

#: The text formats a path names by its extension, which standard input must tell from content.
_NAMED = {".md", ".yaml", ".yml", ".json", ".tex", ".xtx", ".rmd", ".txt", ".html"}


def _text_inputs() -> list[Path]:
    corpus = sorted((CORPUS / "text").glob("0*")) if (CORPUS / "text").is_dir() else []
    examples = sorted(p for p in EXAMPLES.rglob("*") if p.suffix.lower() in _NAMED)
    return [p for p in corpus + examples if p.suffix.lower() in _NAMED]


@pytest.mark.parametrize("path", _text_inputs(), ids=lambda p: p.name)
def test_a_file_on_standard_input_reads_as_it_does_by_path(path: Path) -> None:
    by_path = read_document(path)
    on_stdin = read_bytes(path.read_bytes(), "<stdin>")
    assert (on_stdin.format, on_stdin.text) == (by_path.format, by_path.text)


def test_the_corpus_holds_each_format_sniffing_must_tell() -> None:
    """The comparison above covers YAML, Markdown (with front matter and without), R Markdown."""
    formats = {read_document(path).format for path in _text_inputs()}
    assert {"yaml", "markdown", "rmarkdown", "latex", "json", "text", "html"} <= formats


def test_a_yaml_cv_on_standard_input_gives_the_skills_it_gives_by_path() -> None:
    """Found in a new-user review: read as plain text, YAML config values gave false finds."""
    path = corpus_file("text/005_bamos-brandon-amos-cv.yaml")
    by_path = {s.id for s in analyze(path).skills}
    result = CliRunner().invoke(app, ["analyze", "-", "-f", "json"], input=path.read_bytes())
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["input"]["format"] == "yaml"
    assert {s["id"] for s in report["skills"]} == by_path


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"name: Jane\nskills:\n  - Python\n  - SQL\n", "yaml"),
        (b"# CV of Jane\nname: Jane\nwork:\n- Acme\n", "yaml"),  # a comment first
        (b"---\nname: Jane\nskills:\n  - Python\n", "yaml"),
        (b"---\nname: Jane\n---\nwork: [Acme]\nskills:\n  - Python\n", "yaml"),  # two documents
        (b"---\ntitle: CV\n---\n\nEducation\n======\n* PhD\n", "markdown"),
        (b"+++\ntitle = 'CV'\n+++\nPython\n", "markdown"),
        (b"# Jane Doe\n\n## Skills\n- Python\n", "markdown"),
        (b"Jane Doe\n========\n\nSee [my work](https://x.org).\n", "markdown"),
        (b"## Skills\n**Python**, SQL\n", "markdown"),
        (b"---\ntitle: CV\n---\n```{r}\nlibrary(x)\n```\nPython\n", "rmarkdown"),
        (b"\\begin{document}\nPython\n", "latex"),
        (b"<!DOCTYPE html><p>Python</p>", "html"),
        (b'{"basics": {"name": "Jane"}}', "json"),
    ],
)
def test_content_tells_the_format_of_an_unnamed_input(data: bytes, expected: str) -> None:
    assert detect_format(data, "<stdin>") == expected
    assert detect_format(data, "resume") == expected  # no extension: the same
    assert detect_format(data, "resume.v2") == expected  # an unknown one: the same
    assert detect_format(data.replace(b"\n", b"\r\n"), "<stdin>") == expected  # Windows lines


@pytest.mark.parametrize(
    "data",
    [
        b"Jane Doe\nEmail: jane@x.org\nSkills: Python, SQL\n",
        b"Name: Jane\nExperience with AWS: 3 years\nSkills:\n- Python\n",  # keys with spaces
        b"Name: Jane\nEmail: jane@x.org\n",  # nothing nested: lines of a text as well
        b"Skills:\n  Python\nI built models in PyTorch: fast ones.\n",  # prose at the margin
        b"# Skills\n- Python\n- SQL\n",  # one heading and list items: plain text writes them
        b"---\nJane Doe, data scientist\n---\nPython\n",  # rules around a line, no front matter
        b"Summary\n=======\n- Python\n",
    ],
)
def test_unclear_content_stays_plain_text(data: bytes) -> None:
    assert detect_format(data, "<stdin>") == "text"
    assert detect_format(data.replace(b"\n", b"\r\n"), "<stdin>") == "text"


def test_a_txt_extension_keeps_yaml_and_markdown_looking_text_plain() -> None:
    assert detect_format(b"name: Jane\nskills:\n  - Python\n", "cv.txt") == "text"
    assert detect_format(b"# Jane Doe\n\n## Skills\n- Python\n", "cv.txt") == "text"
    assert detect_format(b"\\begin{document}\nPython\n", "cv.txt") == "latex"


def test_a_long_yaml_input_is_judged_on_whole_lines() -> None:
    """The sample ends in the middle of a line: that cut line is not taken for prose."""
    data = b"name: Jane\nskills:\n" + b"  - Python and a very long description\n" * 2000
    assert detect_format(data + b"  - SQL\n", "<stdin>") == "yaml"


def _png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


_IMAGES = {
    "PNG": _png(),
    "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(200),
    "GIF": b"GIF89a\x02\x00\x02\x00" + bytes(200),
    "TIFF": b"II*\x00\x08\x00\x00\x00" + bytes(200),
    "WebP": b"RIFF\x24\x00\x00\x00WEBPVP8 " + bytes(200),
}


_NO_TEXT = "no text to read; run OCR first"


@pytest.mark.parametrize("kind", sorted(_IMAGES))
@pytest.mark.parametrize("name", ["scan.png", "resume.pdf", "<stdin>"])
def test_an_image_is_named_as_one_with_the_hint_to_run_ocr(kind: str, name: str) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(_IMAGES[kind], name)
    assert caught.value.code == "no-text"
    assert str(caught.value) == f"{name}: a {kind} image, not a document: {_NO_TEXT}"


def test_an_image_on_the_command_line_is_a_one_line_error_exiting_3(tmp_path: Path) -> None:
    scan = tmp_path / "resume.jpg"
    scan.write_bytes(_IMAGES["JPEG"])
    result = CliRunner().invoke(app, ["analyze", str(scan)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr == f"skillgap: error: {scan}: a JPEG image, not a document: {_NO_TEXT}\n"
    assert "Traceback" not in result.output
    result = CliRunner().invoke(app, ["analyze", str(scan), "-f", "json"])
    assert json.loads(result.stdout)["error"]["code"] == "no-text"


def test_an_image_only_word_document_says_to_run_ocr() -> None:
    from docx import Document

    document = Document()
    document.add_picture(io.BytesIO(_png(20, 20)))
    buffer = io.BytesIO()
    document.save(buffer)
    with pytest.raises(InputError, match=r"only images \(scanned\?\): run OCR first") as caught:
        read_bytes(buffer.getvalue(), "scan.docx")
    assert caught.value.code == "no-text"
    # A document with text besides its images is read as before.
    document.add_paragraph("Python and PyTorch")
    buffer = io.BytesIO()
    document.save(buffer)
    assert "PyTorch" in read_bytes(buffer.getvalue(), "cv.docx").text


@pytest.mark.parametrize("name", ["cv.rtf", "cv.txt", "<stdin>"])
def test_an_rtf_document_is_refused_by_name_not_read_as_its_control_words(name: str) -> None:
    rtf = b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} \\f0\\fs24 Python and PyTorch\\par}"
    with pytest.raises(InputError) as caught:
        read_bytes(rtf, name)
    assert caught.value.code == "unsupported"
    assert str(caught.value) == (
        f"{name}: an RTF document, which skillgap does not read: save it as DOCX or PDF"
    )
    # JSON, which also starts with a brace, is still read.
    assert read_bytes(b'{"skills": [{"name": "Python"}]}', name).text.strip() != ""


def test_an_rtf_on_standard_input_exits_3_with_one_line() -> None:
    rtf = b"{\\rtf1\\ansi Python\\par}"
    result = CliRunner().invoke(app, ["analyze", "-"], input=rtf)
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr.count("\n") == 1 and "RTF document" in result.stderr
