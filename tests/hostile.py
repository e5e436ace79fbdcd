"""Hostile inputs, generated at any size: small in the tests, full size in
``benchmarks/robustness.py``. Each attacks a resource (time or memory) through a format's
reader; ``ATTACKS`` names them all, each with its small and its full size.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 the catalog), with a correct xref."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, start))
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"", *, compressed: bool = False) -> bytes:
    flate = b" /Filter /FlateDecode" if compressed else b""
    head = b"<< /Length %d%s %s >>\nstream\n" % (len(data), flate, extra)
    return head + data + b"\nendstream"


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Python PyTorch Kubernetes) Tj ET"


def pdf_xobject_bomb(depth: int, fanout: int = 10) -> bytes:
    """Form XObjects that each draw the next ``fanout`` times: ``fanout ** depth`` drawings of
    one line of text, from a file of a few KB."""
    # 1 catalog, 2 pages, 3 page, 4 font, 5.. the forms (5 + depth the last, with the text)
    forms = []
    for level in range(depth + 1):
        number = 5 + level
        if level == depth:
            content = _TEXT
            resources = b"/Resources << /Font << /F1 4 0 R >> >>"
        else:
            content = b"\n".join(b"q /X Do Q" for _ in range(fanout))
            resources = b"/Resources << /XObject << /X %d 0 R >> /Font << /F1 4 0 R >> >>" % (
                number + 1
            )
        extra = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources
        forms.append(_stream(content, extra))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /XObject << /X 5 0 R >> /Font << /F1 4 0 R >> >> >>" % (6 + depth)
    )
    content = _stream(_TEXT + b"\nq /X Do Q")
    return pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         page, _FONT, *forms, content]
    )  # fmt: skip


def pdf_inflating_stream(size: int) -> bytes:
    """A page whose content stream inflates to ``size`` bytes (spaces, then one line of
    text): about a thousandth of that on disk."""
    packer = zlib.compressobj(9)
    parts, block = [], b" " * (1 << 20)
    for start in range(0, size, len(block)):
        parts.append(packer.compress(block[: min(len(block), size - start)]))
    parts.append(packer.compress(b"\n" + _TEXT) + packer.flush())
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>"
    )
    return pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         page, _stream(b"".join(parts), compressed=True), _FONT]
    )  # fmt: skip


def pdf_deep_page_tree(depth: int) -> bytes:
    """Page-tree nodes nested ``depth`` deep above a single page."""
    # 1 catalog, 2 .. depth+1 the nodes, depth+2 the page, depth+3 its content, depth+4 font
    content, font = depth + 3, depth + 4
    nodes = []
    for level in range(depth):
        number, parent = 2 + level, (b"/Parent %d 0 R " % (1 + level) if level else b"")
        kid = number + 1
        nodes.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, kid))
    return pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", *nodes,
         b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
         b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (depth + 1, content, font),
         _stream(_TEXT), _FONT]
    )  # fmt: skip


def pdf_cyclic_page_tree(count: int) -> bytes:
    """A page-tree node that lists itself among its kids ``count`` times, and claims as many
    pages."""
    kids = b" ".join([b"2 0 R"] * count + [b"3 0 R"])
    return pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>",
         b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count + 1),
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
         b"/Resources << /Font << /F1 5 0 R >> >> >>", _stream(_TEXT), _FONT]
    )  # fmt: skip


def yaml_billion_laughs(levels: int, fanout: int = 9) -> bytes:
    """YAML aliases that each repeat the one before ``fanout`` times: ``fanout ** levels``
    strings once expanded, from a file of a few KB."""
    lines = ['a0: &a0 ["Python PyTorch Kubernetes and TensorFlow with some more words"]']
    for level in range(1, levels + 1):
        refs = ", ".join([f"*a{level - 1}"] * fanout)
        lines.append(f"a{level}: &a{level} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def docx_shared_header(sections: int, header_chars: int) -> bytes:
    """A Word document of ``sections`` sections that all share one header of
    ``header_chars`` characters."""
    from docx import Document

    document = Document()
    document.add_paragraph("Experience: Python and PyTorch")
    header = document.sections[0].header
    words = "Python PyTorch Kubernetes "
    header.paragraphs[0].text = (words * (header_chars // len(words) + 1))[:header_chars]
    for _ in range(sections - 1):
        document.add_section()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def latex_spaces(count: int) -> bytes:
    """A LaTeX CV with a run of ``count`` spaces (and a command after it)."""
    head, tail = b"\\documentclass{article}\\begin{document}\nPython", b"\\x\n\\end{document}\n"
    return head + b" " * count + tail


def markdown_comment_openers(count: int) -> bytes:
    """Markdown with ``count`` HTML comment openers and no closer."""
    return b"# Skills\nPython\n" + b"<!--" * count + b"\n"


def json_url_string(length: int) -> bytes:
    """JSON whose one value looks like a URL that never ends."""
    return b'{"skills": ["http://' + b"a." * (length // 2) + b'"]}'


def rmarkdown_chunk_openers(count: int) -> bytes:
    """R Markdown with ``count`` code-chunk openers and no closer."""
    return b"# Skills\nPython\n" + b"```{r}\n" * count


def long_text(chars: int) -> bytes:
    """Plain text of ``chars`` characters."""
    line = b"Built pipelines in Python and PyTorch on Kubernetes.\n"
    return (line * (chars // len(line) + 1))[:chars]


@dataclass(frozen=True)
class Attack:
    name: str
    file: str
    make: Callable[[int], bytes]
    small: int
    full: int

    def data(self, *, full: bool = False) -> bytes:
        return self.make(self.full if full else self.small)


ATTACKS = (
    Attack("pdf: form xobjects drawing each other", "xobjects.pdf", pdf_xobject_bomb, 3, 8),
    Attack("pdf: stream inflating", "inflate.pdf", pdf_inflating_stream, 8 << 20, 1536 << 20),
    Attack("pdf: deep page tree", "deep-tree.pdf", pdf_deep_page_tree, 300, 5000),
    Attack("pdf: cyclic page tree", "cyclic-tree.pdf", pdf_cyclic_page_tree, 50, 5000),
    Attack("yaml: nested aliases", "laughs.yaml", yaml_billion_laughs, 5, 9),
    Attack("docx: sections sharing a header", "header.docx",
           lambda n: docx_shared_header(n, 2_000_000 if n > 100 else 20_000), 30, 3000),
    Attack("tex: run of spaces", "spaces.tex", latex_spaces, 30_000, 300_000),
    Attack("md: comment openers", "comments.md", markdown_comment_openers, 50_000, 2_000_000),
    Attack("json: endless url", "url.json", json_url_string, 100_000, 1_800_000),
    Attack("rmd: chunk openers", "chunks.Rmd", rmarkdown_chunk_openers, 30_000, 1_000_000),
    Attack("txt: over --max-chars", "long.txt", long_text, 1_100_000, 19_000_000),
)  # fmt: skip


def attack_files(folder: Path, *, full: bool = False) -> Iterator[tuple[Attack, Path]]:
    """Each attack written into ``folder``, with its path."""
    for attack in ATTACKS:
        path = folder / attack.file
        path.write_bytes(attack.data(full=full))
        yield attack, path
