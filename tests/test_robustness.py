"""Hostile and broken inputs: a result or one clear line and exit 3, never a traceback;
in a batch, every input appears in the output with its status."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from skillgap.analysis import analyze
from skillgap.errors import ExitCode
from skillgap.taxonomy import load_taxonomy

from .helpers import CORPUS, EXAMPLES, run

ODD_PDFS = sorted((CORPUS / "pdf-odd").glob("*.pdf")) if CORPUS.exists() else []


def assert_clean_failure(code: int, err: str, fragment: str) -> None:
    assert code == ExitCode.INPUT_ERROR
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("skillgap: error: ")
    assert fragment in lines[0]
    assert "Traceback" not in err


@pytest.mark.skipif(not ODD_PDFS, reason="shared corpus not available")
@pytest.mark.parametrize("pdf", ODD_PDFS, ids=lambda p: p.name[:40])
def test_every_odd_pdf_gives_a_result_or_one_line(pdf: Path) -> None:
    code, out, err = run("analyze", str(pdf), "-f", "json")
    assert "Traceback" not in out + err
    record = json.loads(out)
    if code == ExitCode.OK:
        assert record["status"] == "ok" and err == ""
    else:
        assert code == ExitCode.INPUT_ERROR
        assert record["status"] == "error" and record["error"]["code"] != "internal"
        assert len(err.strip().splitlines()) == 1


def broken_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each kind of broken input, with a fragment of the one-line error it must give."""
    pdf = (EXAMPLES / "mle-resume.pdf").read_bytes()
    files: dict[str, tuple[bytes, str, str]] = {
        "empty": (b"", "empty.txt", "no text found"),
        "truncated pdf": (pdf[: len(pdf) // 3], "cut.pdf", "pdf"),
        "header-only pdf": (b"%PDF-1.7\n", "header.pdf", "not a readable PDF"),
        "random bytes": (os.urandom(4096) + bytes(range(32)) * 64, "noise.bin", "not a text"),
        "truncated docx": ((EXAMPLES / "mle-resume.docx").read_bytes()[:900], "cut.docx",
                           "not a readable Word document"),
        "zip that is not word": (_zip({"notes.txt": b"Python"}), "fake.docx",
                                 "not a Word document"),
    }  # fmt: skip
    paths = {}
    for kind, (data, name, fragment) in files.items():
        path = tmp / name
        path.write_bytes(data)
        paths[kind] = (path, fragment)
    dangling = tmp / "gone.pdf"
    dangling.symlink_to(tmp / "nowhere.pdf")
    paths["dangling symlink"] = (dangling, "dangling symbolic link")
    return paths


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "kind",
    ["empty", "truncated pdf", "header-only pdf", "random bytes", "truncated docx",
     "zip that is not word", "dangling symlink"],
)  # fmt: skip
def test_broken_inputs_fail_with_one_line(tmp_path: Path, kind: str) -> None:
    path, fragment = broken_inputs(tmp_path)[kind]
    code, _, err = run("analyze", str(path))
    assert_clean_failure(code, err, fragment)


def test_limits_refuse_with_their_flag_named(tmp_path: Path) -> None:
    long_line = tmp_path / "line.txt"
    long_line.write_text("Python " * 900_000)  # one 6.3 MB line
    code, _, err = run("analyze", str(long_line), "--max-bytes", "100000000")
    assert_clean_failure(code, err, "--max-chars")
    code, _, err = run("analyze", str(long_line), "--max-bytes", "1000000")
    assert_clean_failure(code, err, "--max-bytes")
    code, _, err = run("analyze", str(EXAMPLES / "rs-resume.pdf"), "--max-pages", "0")
    assert code == ExitCode.USAGE
    many_pages = tmp_path / "many.pdf"
    many_pages.write_bytes(_blank_pdf(pages=250))
    code, _, err = run("analyze", str(many_pages))
    assert_clean_failure(code, err, "--max-pages")


def test_time_limit(tmp_path: Path) -> None:
    resume = tmp_path / "long.txt"
    resume.write_text((EXAMPLES / "mle-resume.txt").read_text() * 40)
    code, _, err = run("analyze", str(resume), "--timeout", "0.001")
    assert_clean_failure(code, err, "gave up after 0.001 seconds")


def _blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_encrypted_pdf_without_and_with_password() -> None:
    path = CORPUS / "pdf-odd" / "005-libreoffice-writer-password__libreoffice-writer-password.pdf"
    if not path.exists():
        pytest.skip("shared corpus not available")
    code, _, err = run("analyze", str(path))
    assert_clean_failure(code, err, "--password")
    code, out, _ = run("analyze", str(path), "--password", "openpassword", "-f", "json")
    assert code == ExitCode.OK and json.loads(out)["status"] == "ok"


def test_nul_bytes_and_deep_json_are_read() -> None:
    text = (EXAMPLES / "mle-resume.txt").read_bytes().replace(b"\n", b"\n\x00", 3)
    assert "pytorch" in {s.id for s in analyze(text, name="nul.txt").skills}
    deep = b"[" * 100_000 + b"]" * 100_000
    report = analyze(deep, name="deep.json")
    assert report.input.format == "text" and report.skills == []


def test_mixed_folder_gives_one_record_per_file_and_exit_3(tmp_path: Path) -> None:
    folder = tmp_path / "resumes"
    (folder / "nested").mkdir(parents=True)
    (folder / "a.txt").write_bytes((EXAMPLES / "mle-resume.txt").read_bytes())
    (folder / "nested" / "b.pdf").write_bytes((EXAMPLES / "rs-resume.pdf").read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "empty.md").write_bytes(b"")
    (folder / "photo.png").write_bytes(b"\x89PNG")  # not resume-like: not taken from a folder
    code, out, err = run("analyze", str(folder), "-f", "json")
    assert code == ExitCode.INPUT_ERROR
    records = {Path(r["input"]["path"]).name: r for r in json.loads(out)}
    assert set(records) == {"a.txt", "b.pdf", "broken.pdf", "empty.md"}
    assert {name: r["status"] for name, r in records.items()} == {
        "a.txt": "ok", "b.pdf": "ok", "broken.pdf": "error", "empty.md": "error",
    }  # fmt: skip
    assert records["empty.md"]["error"]["code"] == "no-text"
    assert len(err.strip().splitlines()) == 2


def test_jsonl_streams_one_line_per_input_in_order(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    code, out, _ = run("analyze", str(EXAMPLES / "mle-resume.txt"), missing,
                       str(EXAMPLES / "rs-resume.txt"), "-f", "jsonl")  # fmt: skip
    assert code == ExitCode.INPUT_ERROR
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["status"] for r in lines] == ["ok", "error", "ok"]
    assert lines[1]["input"]["path"] == missing


def test_workers_are_replaced_without_losing_or_reordering_inputs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fresh workers every INPUTS_PER_WORKER inputs each (here one): every input still comes
    out once, in input order."""
    import skillgap.batch as batch

    monkeypatch.setattr(batch, "INPUTS_PER_WORKER", 1)
    sources = ["mle-resume.txt", "rs-resume.txt", "missing.txt", "mle-resume.txt", "rs-resume.txt"]
    paths = [str(EXAMPLES / name) for name in sources]
    job = batch.Job(taxonomy=load_taxonomy())
    outcomes = list(batch.process_all(paths, job, jobs=2))
    assert [o.path for o in outcomes] == paths
    assert [o.failure is None for o in outcomes] == [True, True, False, True, True]
    scores = [json.loads(o.rendered)["roles"][0]["score"] for o in outcomes if not o.failure]
    assert scores[0] == scores[2] and scores[1] == scores[3]


def test_long_batches_go_to_workers_in_chunks_and_still_come_out_in_order() -> None:
    """A long batch sends several inputs per message to a worker, a short one one at a time:
    every input still comes out once, in input order, with its own failure."""
    import skillgap.batch as batch

    sources = ["mle-resume.txt", "missing.txt", "rs-resume.txt"] * 14
    assert batch.chunk_size(len(sources), 2) > 1 and batch.chunk_size(3, 2) == 1
    paths = [str(EXAMPLES / name) for name in sources]
    outcomes = list(batch.process_all(paths, batch.Job(taxonomy=load_taxonomy()), jobs=2))
    assert [o.path for o in outcomes] == paths
    assert [o.failure is not None for o in outcomes] == [n == "missing.txt" for n in sources]


def test_glob_patterns_are_expanded(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_bytes((EXAMPLES / "mle-resume.txt").read_bytes())
    code, out, _ = run("analyze", str(tmp_path / "*.txt"), "-f", "jsonl")
    assert code == ExitCode.OK
    assert [Path(json.loads(line)["input"]["path"]).name for line in out.splitlines()] == [
        "one.txt", "two.txt",
    ]  # fmt: skip
    code, out, err = run("analyze", str(tmp_path / "*.docx"), "-f", "jsonl")
    assert code == ExitCode.INPUT_ERROR and "no such file" in err


@pytest.mark.parametrize("name", ["mle-resume.docx", "mle-resume.json", "mle-resume.pdf"])
def test_other_formats_read_as_well_as_plain_text(name: str) -> None:
    plain = analyze(EXAMPLES / "mle-resume.txt")
    other = analyze(EXAMPLES / name)
    assert {s.id for s in other.skills} == {s.id for s in plain.skills}
    assert [r.score for r in other.roles] == [r.score for r in plain.roles]


def test_latin1_text_reads_like_utf8() -> None:
    text = (EXAMPLES / "rs-resume.txt").read_text().replace("Okafor", "Okafór Müller")
    utf8 = analyze(text.encode("utf-8"), name="cv.txt")
    latin1 = analyze(text.encode("latin-1", errors="replace"), name="cv.txt")
    assert {s.id for s in latin1.skills} == {s.id for s in utf8.skills}
    assert "Okafór Müller" in "".join(e.text for s in latin1.skills for e in s.evidence) or (
        latin1.input.characters == utf8.input.characters
    )


def test_error_messages_never_include_resume_content(tmp_path: Path) -> None:
    secret = tmp_path / "cv.pdf"
    secret.write_bytes(b"%PDF-1.4\nJane Secret, 42 Private Road, salary 99999")
    code, out, err = run("analyze", str(secret))
    assert code == ExitCode.INPUT_ERROR
    assert "Private Road" not in out + err and "99999" not in out + err
