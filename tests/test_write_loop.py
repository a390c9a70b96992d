"""``recompute``, ``fix-encoding`` and ``lint --fix`` write through one loop (issue 12).

Each command says only what it makes of a document; reading, refusing, printing and the atomic
write are the loop's, so a file that changes on disk between the read and the write is refused
in the same words, with the same exit code, by all three, and the other writer's text stays.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from statusdoc import _cli, _entry, files, writing
from statusdoc._streams import internal_error
from tests.conftest import EXAMPLES

#: Drifted counters *and* Windows-1252 mojibake: each of the three commands has work to do on it.
DOC = EXAMPLES / "mojibake-windows-1252.md"
WRITERS = [["recompute"], ["fix-encoding"], ["lint", "--fix"]]


@pytest.fixture
def doc(tmp_path: Path) -> Path:
    path = tmp_path / "PROGRESS.md"
    shutil.copy(DOC, path)
    return path


@pytest.mark.parametrize("run", [_entry.run, _cli.run], ids=["fast-path", "typer"])
@pytest.mark.parametrize("command", WRITERS, ids=" ".join)
def test_a_change_on_disk_after_the_read_is_refused_alike(
    command: list[str],
    run: object,
    doc: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real_read = files.read_source
    theirs = doc.read_bytes() + b"- [ ] typed by someone else\n"

    def read_then_edit(path: str, **kw: object) -> files.SourceFile:
        src = real_read(path, **kw)  # type: ignore[arg-type]
        doc.write_bytes(theirs)  # an editor saves between our read and our write
        return src

    monkeypatch.setattr(files, "read_source", read_then_edit)
    assert run([*command, str(doc)]) == 2  # type: ignore[operator]
    err = capsys.readouterr().err.splitlines()
    assert f"{doc}: changed on disk since it was read; not written" in err
    assert not any(line.startswith(("recomputed", "repaired", "fixed")) for line in err)
    assert doc.read_bytes() == theirs


@pytest.mark.parametrize("command", WRITERS, ids=" ".join)
def test_every_writing_command_goes_through_the_one_loop(
    command: list[str], doc: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[str] = []
    real = writing.write_one

    def spy(src: files.SourceFile, *args: object) -> object:
        seen.append(src.display)
        return real(src, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writing, "write_one", spy)
    before = doc.read_bytes()
    assert _entry.run([*command, str(doc)]) in (0, 1)
    capsys.readouterr()
    assert seen == [str(doc)]
    assert doc.read_bytes() != before  # and the loop wrote it


@pytest.mark.parametrize("command", [*WRITERS, ["lint"], ["show"], ["items"], ["dump"], ["explain"]], ids=" ".join)
def test_a_bug_names_the_file_being_processed(
    command: list[str], doc: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The file reaches guarded with the error (no module-level "current file" any more); a bug
    # after the last file is the run's, not the last file's.
    from statusdoc import read

    def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(read, "parse", boom)
    monkeypatch.setattr(__import__("statusdoc.parser").parser, "parse", boom)
    monkeypatch.setattr(__import__("statusdoc.encoding_repair").encoding_repair, "repair", boom)
    before = doc.read_bytes()
    assert _cli.run([*command, str(doc)]) == 2
    assert capsys.readouterr().err.splitlines() == [internal_error(RuntimeError("simulated bug"), str(doc))]
    assert doc.read_bytes() == before


def test_a_bug_after_the_files_is_not_blamed_on_the_last_one(
    doc: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from statusdoc import output

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(output, "write_findings", boom)
    assert _cli.run(["lint", str(doc)]) == 2
    assert capsys.readouterr().err.splitlines() == [internal_error(RuntimeError("simulated bug"))]


def test_a_bug_in_mark_names_the_file(
    doc: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from statusdoc import marking

    def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(marking, "select", boom)
    assert _cli.run(["mark", str(doc), "3", "--done"]) == 2
    assert capsys.readouterr().err.splitlines() == [internal_error(RuntimeError("simulated bug"), str(doc))]
