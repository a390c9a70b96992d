"""The language tables (:mod:`statusdoc.lang`): per language, label → role, word → state, the word a
rewrite writes per state and case, the document's language, full-width punctuation, false friends."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statusdoc import lang, lint, parse, recompute, render
from statusdoc.counter_tables import label_role
from statusdoc.counters import find_counters
from statusdoc.read.claims import STATUS_LABEL
from statusdoc.vocabulary import DEFAULT, STATES, word_regex

CODES = ("en", "es", "fr", "de", "pt", "it", "zh", "ja", "vi", "id")


def test_every_language_has_a_table() -> None:
    assert tuple(t.CODE for t in lang.TABLES) == CODES


@pytest.mark.parametrize("code", CODES)
def test_table_shape(code: str) -> None:
    t = lang.BY_CODE[code]
    assert set(t.STATES) == set(STATES), "a word for each state"
    assert all(t.STATES[s] for s in STATES)
    assert t.STATUS_LABELS, "a status label"
    roles = set(t.LABELS.values())
    assert {"percent", "done", "total", "remaining"} <= roles, "labels for progress, completed, total, remaining"
    assert t.UNITS, "unit words"


def test_no_false_friends_between_tables() -> None:
    """A word two tables give different meanings would be dropped: none is today."""
    assert lang.CONFLICTS == {}


def test_english_table_is_the_vocabulary_statusdoc_always_read() -> None:
    english = {lang.norm(w): s for s, ws in lang.BY_CODE["en"].STATES.items() for w in ws}
    assert english == {
        "complete": "done",
        "completed": "done",
        "done": "done",
        "implemented": "done",
        "in progress": "in_progress",
        "wip": "in_progress",
        "partial": "in_progress",
        "current": "in_progress",
        "not started": "todo",
        "pending": "todo",
        "todo": "todo",
        "to do": "todo",
        "planned": "todo",
        "queued": "todo",
        "blocked": "blocked",
        "missing": "blocked",
        "failed": "blocked",
        "broken": "blocked",
        "cancelled": "cancelled",
        "canceled": "cancelled",
        "dropped": "cancelled",
        "won't do": "cancelled",
    }


# --- word → state, per language --------------------------------------------------------------

WORDS = [
    ("en", "Done", "done"),
    ("en", "In Progress", "in_progress"),
    ("es", "Completado", "done"),
    ("es", "PENDIENTE", "todo"),
    ("es", "En curso", "in_progress"),
    ("es", "Bloqueado", "blocked"),
    ("es", "Cancelado", "cancelled"),
    ("fr", "Terminé", "done"),
    ("fr", "Complété", "done"),
    ("fr", "En cours", "in_progress"),
    ("fr", "À faire", "todo"),
    ("fr", "Bloqué", "blocked"),
    ("fr", "Annulé", "cancelled"),
    ("de", "Erledigt", "done"),
    ("de", "In Arbeit", "in_progress"),
    ("de", "Offen", "todo"),
    ("de", "Blockiert", "blocked"),
    ("de", "Abgebrochen", "cancelled"),
    ("pt", "Concluído", "done"),
    ("pt", "Em andamento", "in_progress"),
    ("pt", "Pendente", "todo"),
    ("pt", "Cancelado", "cancelled"),
    ("it", "Completato", "done"),
    ("it", "In corso", "in_progress"),
    ("it", "Da fare", "todo"),
    ("it", "Bloccato", "blocked"),
    ("zh", "已完成", "done"),
    ("zh", "进行中", "in_progress"),
    ("zh", "未开始", "todo"),
    ("zh", "阻塞", "blocked"),
    ("ja", "完了", "done"),
    ("ja", "進行中", "in_progress"),
    ("ja", "未着手", "todo"),
    ("ja", "中止", "cancelled"),
    ("vi", "Hoàn thành", "done"),
    ("vi", "Đang thực hiện", "in_progress"),
    ("vi", "Chưa bắt đầu", "todo"),
    ("id", "Selesai", "done"),
    ("id", "Sedang dikerjakan", "in_progress"),
    ("id", "Belum", "todo"),
    ("id", "Dibatalkan", "cancelled"),
]


@pytest.mark.parametrize(("code", "word", "state"), WORDS, ids=[f"{c}-{w}" for c, w, _ in WORDS])
def test_word_state(code: str, word: str, state: str) -> None:
    assert DEFAULT.word_state(word) == state
    assert code in lang.languages_of(word)


@pytest.mark.parametrize("word", ["fait", "sudah", "total", "estado", "status", "en fait"])
def test_false_friends_are_no_state(word: str) -> None:
    """`fait` is `fact` in running French, `sudah` is `already`; labels are no states."""
    assert DEFAULT.word_state(word) is None


# --- label → role, per language --------------------------------------------------------------

LABELS = [
    ("en", "Completed", ("done", None)),
    ("en", "Completed Tasks", ("done", "tasks")),
    ("es", "Completadas", ("done", None)),
    ("es", "Tareas completadas", ("done", "tareas")),
    ("es", "Restantes", ("remaining", None)),
    ("es", "Progreso", ("percent", None)),
    ("fr", "Terminé", ("done", None)),
    ("fr", "Tâches restantes", ("remaining", "tâches")),
    ("fr", "Avancement", ("percent", None)),
    ("de", "Erledigt", ("done", None)),
    ("de", "Gesamt", ("total", None)),
    ("de", "Fortschritt", ("percent", None)),
    ("pt", "Concluídas", ("done", None)),
    ("pt", "Total", ("total", None)),
    ("it", "Completate", ("done", None)),
    ("it", "Totale", ("total", None)),
    ("zh", "已完成", ("done", None)),
    ("zh", "进度", ("percent", None)),
    ("zh", "剩余", ("remaining", None)),
    ("ja", "完了", ("done", None)),
    ("ja", "進捗", ("percent", None)),
    ("ja", "残り", ("remaining", None)),
    ("vi", "Hoàn thành", ("done", None)),
    ("vi", "Tổng cộng", ("total", None)),
    ("id", "Selesai", ("done", None)),
    ("id", "Sisa", ("remaining", None)),
]


@pytest.mark.parametrize(("code", "label", "role"), LABELS, ids=[f"{c}-{w}" for c, w, _ in LABELS])
def test_label_role(code: str, label: str, role: tuple[str, str | None]) -> None:
    assert label_role(label) == role


@pytest.mark.parametrize(
    ("line", "kinds", "roles"),
    [
        ("**Completadas:** 3", ["number"], [["done"]]),
        ("**Restantes:** 2 tareas", ["number"], [["remaining"]]),
        ("**Fortschritt:** 1/3 erledigt", ["fraction"], [["done", "total"]]),
        ("**Complété :** 3/3 (100%)", ["fraction", "percent"], [["done", "total"], ["percent"]]),
        ("**进度：** 1/3（33%）", ["fraction", "percent"], [["done", "total"], ["percent"]]),
        ("**進捗：** ２/６（３３％）", ["fraction", "percent"], [["done", "total"], ["percent"]]),
        ("**Progreso:** 2/5 tareas completadas", ["fraction"], [["done", "total"]]),
        ("**Avancement :** 2/8, 3 en cours", ["fraction", "state_count"], [["done", "total"], ["in_progress"]]),
        ("- 2/5 tâches restantes", ["fraction"], [["remaining", "total"]]),
        ("**Fortschritt:** 45%", ["percent"], [["percent"]]),
    ],
)
def test_localised_counters(line: str, kinds: list[str], roles: list[list[str]]) -> None:
    found = find_counters(line, "paragraph")
    assert [f.kind for f in found] == kinds
    assert [[n.role for n in f.numbers] for f in found] == roles


def test_full_width_spans_stay_where_they_were() -> None:
    (frac,) = [f for f in find_counters("## 画面（１/３）", "heading", heading=True, labelled_ok=False)]
    assert "## 画面（１/３）"[frac.start : frac.end] == "１/３"


def test_foreign_unit_is_not_an_item_unit() -> None:
    """A word after a fraction that no table knows still counts something else (`3/5 задач`)."""
    assert find_counters("**Progress:** 3/5 задач", "paragraph") == []


# --- status labels and heading claims ---------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["**Status:** Done", "**Estado:** ⏳ Pendiente", "**Statut :** En cours", "**状态：** 🔄 进行中", "Stato: Fatto"],
)
def test_status_labels(line: str) -> None:
    assert STATUS_LABEL.match(line) is not None


@pytest.mark.parametrize(
    ("heading", "stated"),
    [
        ("### 3.4 Backend (✅ Done)", "done"),
        ("### 3.5 Docs — ✅ COMPLETE", "done"),
        ("### 3.3 フロントエンド（✅ 完了）", "done"),
        ("### Interfaz — ✅ Completado", "done"),
        ("### Étape 2 (🔄 En cours)", "in_progress"),
        ("### Fase 2 (Pendiente)", "todo"),
        ("### Backend (✅ Blocked)", None),  # a marker and a word that disagree claim nothing
        ("### Backend (✅ Notes)", None),
        ("### En fait, la suite", None),
    ],
)
def test_heading_claims(heading: str, stated: str | None) -> None:
    doc = parse(f"# Plan\n\n{heading}\n- [x] a\n- [ ] b\n")
    assert doc.sections[1].stated == stated


# --- the words a rewrite writes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "state", "word"),
    [
        ("en", "done", "Complete"),
        ("es", "done", "Completado"),
        ("es", "in_progress", "En progreso"),
        ("fr", "done", "Terminé"),
        ("fr", "todo", "À faire"),
        ("de", "in_progress", "In Arbeit"),
        ("pt", "done", "Concluído"),
        ("it", "blocked", "Bloccato"),
        ("zh", "done", "已完成"),
        ("ja", "in_progress", "進行中"),
        ("vi", "done", "Hoàn thành"),
        ("id", "cancelled", "Dibatalkan"),
    ],
)
def test_written_word(code: str, state: str, word: str) -> None:
    assert lang.written(code, state) == word  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "becomes"),
    [
        ("Pendiente", "Completado"),
        ("PENDIENTE", "COMPLETADO"),
        ("pendiente", "completado"),
        ("⏳ Pendiente", "✅ Completado"),
        ("En curso", "Completado"),
    ],
)
def test_spanish_claim_is_rewritten_in_spanish(claim: str, becomes: str) -> None:
    text = f"# Fase 1\n\n**Estado:** {claim}\n- [x] Diseño\n- [x] Implementación\n"
    assert render(recompute(parse(text))).splitlines()[2] == f"**Estado:** {becomes}"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("# Phase\n\n**Statut :** À faire\n- [x] a\n- [ ] b\n", "**Statut :** En cours"),
        ("# Phase\n\n**Status:** OFFEN\n- [x] a\n- [ ] b\n", "**Status:** IN ARBEIT"),
        ("# 阶段\n\n**状态：** 🔄 进行中\n- [x] a\n- [x] b\n", "**状态：** ✅ 已完成"),
        ("# 段階\n\n**ステータス：** 未着手\n- [x] a\n- [ ] b\n", "**ステータス：** 進行中"),
        ("# Fase\n\n**Status:** Belum dimulai\n- [x] a\n- [x] b\n", "**Status:** Selesai"),
        # English keeps English, and the document's own word for the state.
        ("# Phase\n\n**Status:** Pending\n- [x] a\n- [x] b\n", "**Status:** Complete"),
        ("# P\n\n## A\n**Status:** Done\n- [x] a\n\n## B\n**Status:** Pending\n- [x] b\n", "**Status:** Done"),
    ],
)
def test_rewrite_writes_the_claims_language(text: str, line: str) -> None:
    new = render(recompute(parse(text)))
    assert line in new.splitlines()


def test_document_language_beats_own_words_of_another_language() -> None:
    """A Spanish document whose only done claim is English still gets Spanish written."""
    prose = "El equipo revisa el plan cada semana y los datos de las pruebas son del proyecto. " * 3
    text = f"# Plan\n\n{prose}\n\n## A\n**Estado:** Done\n- [x] a\n\n## B\n**Estado:** Pendiente\n- [x] b\n"
    doc = parse(text)
    assert doc.dialect.language == "es"
    assert "**Estado:** Completado" in render(recompute(doc)).splitlines()


@pytest.mark.parametrize(
    ("word", "like", "code", "out"),
    [
        ("Completado", "PENDIENTE", "es", "COMPLETADO"),
        ("En progreso", "pendiente", "es", "en progreso"),
        ("En progreso", "Pendiente", "es", "En progreso"),
        ("In Progress", "Pending", "en", "In Progress"),
        ("in progress", "Pending", None, "In Progress"),
        ("已完成", "未开始", "zh", "已完成"),
    ],
)
def test_match_case(word: str, like: str, code: str | None, out: str) -> None:
    assert lang.match_case(word, like, code) == out


# --- the document's language ------------------------------------------------------------------

SAMPLES = [
    ("en", "The parser is done and the tests are green for this release, with the docs to follow."),
    ("es", "El equipo revisa el plan cada semana y los datos de las pruebas son del proyecto, como siempre."),
    ("fr", "Le projet est dans les temps et les tests sont verts pour cette version, avec une revue par semaine."),
    ("de", "Der Plan wird jede Woche geprüft und die Tests sind für die Version grün, auch mit den Daten."),
    ("pt", "O projeto está em dia e os testes da versão são verdes, com uma revisão dos dados também."),
    ("it", "Il piano della squadra è verificato ogni settimana e gli esiti delle prove sono per questo buoni."),
    ("zh", "本文档记录项目的开发进度，每个阶段的复选框是唯一的事实来源。"),
    ("ja", "この文書はプロジェクトの進捗を記録します。各フェーズのチェックボックスが事実です。"),
    ("vi", "Tài liệu này ghi lại tiến độ của dự án và các công việc đã hoàn thành trong tuần."),
    ("id", "Dokumen ini untuk mencatat kemajuan dari proyek dan tugas yang akan dikerjakan pada minggu ini."),
]


@pytest.mark.parametrize(("code", "text"), SAMPLES, ids=[c for c, _ in SAMPLES])
def test_detect(code: str, text: str) -> None:
    assert lang.detect(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n- [x] a\n- [ ] b\n",  # too few words to tell
        "# 계획\n\n이 문서는 프로젝트의 진행 상황을 기록합니다. The plan is the plan and the tests.\n",  # Korean
        "# План\n\nЦей документ описує стан проєкту та всі завдання, які треба виконати.\n",  # Ukrainian
    ],
)
def test_detect_unclear(text: str) -> None:
    assert lang.detect(text) is None


def test_detect_reads_a_bounded_sample() -> None:
    """A long document's language is told from its start: the cost does not grow with it."""
    text = "The plan is done and the tests are green for this release. " * 400 + "Der Plan ist fertig. " * 100_000
    assert lang.detect(text) == "en"


def test_language_is_on_the_dialect() -> None:
    assert parse("# 进度\n\n本文档记录项目的开发进度和测试状态的更新情况。\n").dialect.language == "zh"


# --- precision: false friends in running text -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # `Estado` in prose, not as a label.
        "# Plan\n\nEstado de la cuestión: pendiente de revisión por el equipo.\n- [x] a\n- [x] b\n",
        # `Total` in prose.
        "# Plan\n\nTotal cost is 3 of 5 budget lines, pending approval.\n- [x] a\n- [ ] b\n",
        # `fait` in French running text.
        "# Plan\n\n## En fait\n- [x] a\n- [ ] b\n",
        # A Cyrillic label is no label of a table.
        "# Plan\n\n**Готовність**: 1/2\n- [x] a\n- [x] b\n",
    ],
)
def test_false_friends_change_nothing(text: str) -> None:
    doc = parse(text)
    assert render(recompute(doc)) == text
    assert not [f for f in lint(doc) if f.code in ("SD001", "SD002", "SD004")]


# --- the word matcher is the pattern it replaces ------------------------------------------------

_PIECES = [*sorted(DEFAULT.words)[:: max(1, len(DEFAULT.words) // 40)], "done", "in progress", "won't do", "已完成"]


def _old_pattern() -> re.Pattern[str]:
    words = sorted(DEFAULT.words, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in words)
    return re.compile(rf"(?<![\w'])(?:{alt})(?![\w'])", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PIECES),
            st.sampled_from([" ", "_", "-", "  ", "'", ".", ":", "x", "s", "(", "✅", "\t"]),
            st.text(alphabet="aeiouDnNPé_ -'", max_size=4),
        ),
        max_size=8,
    ).map("".join),
    st.integers(min_value=0, max_value=6),
)
def test_word_matcher_matches_like_the_pattern(text: str, pos: int) -> None:
    """The set-based matcher finds what the regex of every word found (case folded by lower())."""
    old, new = _old_pattern(), word_regex(DEFAULT)
    for variant in (text, text.upper(), text.title()):
        pos = min(pos, len(variant))
        a, b = old.match(variant, pos), new.match(variant, pos)
        assert (a and (a.start(), a.end())) == (b and (b.start(), b.end())), variant
        assert [m.span() for m in old.finditer(variant)] == [(m.start(), m.end()) for m in new.finditer(variant)]
        assert bool(old.fullmatch(variant)) == bool(new.fullmatch(variant))


@pytest.mark.parametrize("code", CODES)
def test_table_keys_are_written_normalised(code: str) -> None:
    """The merge reads label and count keys as written: lower case, single blanks, no hyphens."""
    t = lang.BY_CODE[code]
    for name in ("LABELS", "AFTER", "STATE_COUNTS"):
        for key in getattr(t, name):
            assert key == lang.norm(key), (name, key)


@pytest.mark.parametrize("header", ["Estado", "Statut", "状态", "Trạng thái", "Status"])
def test_localised_status_column(header: str) -> None:
    """A table whose status column is headed in another language holds items too."""
    text = (
        f"# Plan\n\n## Fase 1 (0/2)\n\n| Tarea | {header} |\n|---|---|\n"
        "| Diseño | ✅ Completado |\n| Pruebas | ⏳ Pendiente |\n"
    )
    assert render(recompute(parse(text))).splitlines()[2] == "## Fase 1 (1/2)"


@pytest.mark.parametrize("line", ["**Avancement :** 2/8, 3 reſtantes", "**Progress:** 2/8, 3 ſtarted"])
def test_wide_case_folding_is_no_crash(line: str) -> None:
    """`ſ` matches `s` in a case-insensitive pattern but lower() keeps it: no role, no counter."""
    assert [f.kind for f in find_counters(line, "paragraph")] == ["fraction"]


@pytest.mark.parametrize("module", ["statusdoc.lang", "statusdoc.vocabulary"])
def test_doctests(module: str) -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("row", ["**Gesamt**", "合计", "Totale", "Tổng cộng"])
def test_localised_aggregate_row_is_no_item(row: str) -> None:
    text = (
        "# Plan\n\n## Phase 1 (0/2)\n\n| Aufgabe | Status |\n|---|---|\n"
        f"| A | ✅ Erledigt |\n| B | ⏳ Offen |\n| {row} | 🔄 In Arbeit |\n"
    )
    assert render(recompute(parse(text))).splitlines()[2] == "## Phase 1 (1/2)"


@pytest.mark.parametrize(
    ("written", "heading", "second", "becomes"),
    [
        ("**Progreso:** 0/2 fases completadas", "Fase", "x", "**Progreso:** 2/2 fases completadas"),
        ("**Avancement :** 0/2 étapes terminées", "Étape", " ", "**Avancement :** 1/2 étapes terminées"),
    ],
)
def test_localised_section_units_count_sections(written: str, heading: str, second: str, becomes: str) -> None:
    """`0/2 fases completadas` counts the sections whose heading begins with `Fase` (not items)."""
    text = f"# Plan\n\n{written}\n\n## {heading} 1\n- [x] a\n- [x] b\n\n## {heading} 2\n- [x] c\n- [{second}] d\n"
    assert render(recompute(parse(text))).splitlines()[2] == becomes


def test_no_unit_names_both_items_and_sections() -> None:
    assert frozenset() == lang.ITEM_UNITS & lang.SECTION_UNITS


def test_the_script_scan_finds_exactly_what_the_lead_bytes_count() -> None:
    """``detect`` counts the leads only when one scan finds a character they start; over every
    character of the Basic Multilingual Plane (surrogates included: the sample is encoded with
    surrogatepass) and the first of each plane above, the scan and the counts agree."""
    leads = lang._KANA_LEADS + lang._HAN_LEADS + lang._VI_LEADS + lang._OTHER_LEADS
    for cp in [*range(0x80, 0x10000), *range(0x10000, 0x110000, 0x10000)]:
        c = chr(cp)
        counted = any(lead in c.encode("utf-8", "surrogatepass") for lead in leads)
        assert (lang._SCRIPTS.search(c) is not None) == counted, hex(cp)
