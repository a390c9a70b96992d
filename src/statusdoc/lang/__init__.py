"""The languages people write status in: one table per language (:mod:`.tables`, data only), and
what is built from them.

Each table (``EN``, ``ES``, ``FR``, ``DE``, ``PT``, ``IT``, ``ZH``, ``JA``, ``VI``, ``ID``) holds
only words: summary labels and the role of their number, status labels, the words of each state
(the first is the one a rewrite writes), the words after a number that make it count, aggregate
row words, unit words, and frequent words of running text by which the language is told.  This
module merges them into the maps and pattern texts that the vocabulary, the counter scan and the
claim readers use, and tells a document's language (:func:`detect`).

A word that states different things in two languages is a false friend: the merge keeps neither
(:data:`CONFLICTS`, empty today; a test holds it so).  Configured additions stay in the config's
``markers``.
"""

from __future__ import annotations

from statusdoc import _regex
from statusdoc._regex import lazy
from statusdoc.lang.tables import DE, EN, ES, FR, ID, IT, JA, PT, VI, ZH, Table

TYPE_CHECKING = False
if TYPE_CHECKING:
    from statusdoc._types import State

#: English first: where two tables hold a word, the first one's entry is the one kept.
TABLES: tuple[type[Table], ...] = (EN, ES, FR, DE, PT, IT, ZH, JA, VI, ID)
BY_CODE: dict[str, type[Table]] = {t.CODE: t for t in TABLES}


def norm(word: str) -> str:
    """A word or phrase as the maps key it: lower case, hyphens and runs of blanks as one space.

    >>> norm("Not-Started"), norm("En  Progreso")
    ('not started', 'en progreso')
    """
    return " ".join(word.lower().replace("-", " ").split())


def _merge(name: str) -> tuple[dict[str, str], dict[str, set[str]]]:
    """One map from every table's ``name`` map; words two tables map differently are dropped."""
    out: dict[str, str] = {}
    clash: dict[str, set[str]] = {}
    for t in TABLES:
        for k, value in getattr(t, name).items():  # (keys are written normalised: a test holds it)
            if k in out and out[k] != value:
                clash.setdefault(k, {out[k]}).add(value)
            out.setdefault(k, value)
    for k in clash:
        del out[k]
    return out, clash


def _state_table() -> tuple[dict[str, State], dict[str, tuple[str, ...]], dict[str, set[str]]]:
    words: dict[str, State] = {}
    langs: dict[str, tuple[str, ...]] = {}
    clash: dict[str, set[str]] = {}
    for t in TABLES:
        for state, entries in t.STATES.items():
            for word in entries:
                k = norm(word)
                if k in words and words[k] != state:
                    clash.setdefault(k, {words[k]}).add(state)
                words.setdefault(k, state)
                if t.CODE not in langs.get(k, ()):
                    langs[k] = (*langs.get(k, ()), t.CODE)
    for k in clash:
        del words[k]
    return words, langs, clash


#: Every state word of every language (normalised) and its state.
STATE_WORDS, WORD_LANGUAGES, _STATE_CLASH = _state_table()
#: Summary labels (`Completed`, `Erledigt`, `已完成`) and the role of their number.
COUNT_LABELS, _LABEL_CLASH = _merge("LABELS")
#: Words after a number that make it a counter (`3/4 erledigt`), and their role.
AFTER_WORDS, _AFTER_CLASH = _merge("AFTER")
#: Words after a number that count the items of one state (`, 2 en curso`).
STATE_COUNT_WORDS, _COUNT_CLASH = _merge("STATE_COUNTS")
#: False friends found by the merge (each dropped from its map).
CONFLICTS: dict[str, set[str]] = {**_STATE_CLASH, **_LABEL_CLASH, **_AFTER_CLASH, **_COUNT_CLASH}

STATUS_LABELS: tuple[str, ...] = tuple(dict.fromkeys(norm(w) for t in TABLES for w in t.STATUS_LABELS))
AGGREGATE_WORDS: tuple[str, ...] = tuple(dict.fromkeys(norm(w) for t in TABLES for w in t.AGGREGATE))
#: First words of the labels that count or summarise rather than name a section, in every language.
LABEL_FIRST_WORDS: frozenset[str] = frozenset(
    w.split()[0] for w in (*COUNT_LABELS, *STATUS_LABELS, *AGGREGATE_WORDS) if w.split()
)
ITEM_UNITS: frozenset[str] = frozenset(norm(w) for t in TABLES for w in t.UNITS)
SECTION_UNITS: frozenset[str] = frozenset(norm(w) for t in TABLES for w in t.SECTION_UNITS)


def english(name: str) -> dict[str, str]:
    """English's own map ``name`` (the patterns that read only English keep reading only it)."""
    return {norm(k): v for k, v in getattr(EN, name).items()}


def english_units(name: str) -> list[str]:
    """English's unit words ``name`` (``UNITS`` or ``SECTION_UNITS``)."""
    return [norm(w) for w in getattr(EN, name)]


def alternation(words: object, *, blanks: str = r"\s+") -> str:
    """A regex alternation of ``words``, longest first, each blank matching ``blanks``.

    >>> alternation(["done", "in progress"])
    'in\\\\s+progress|done'
    """
    ws = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "|".join(_regex.escape(w).replace(r"\ ", blanks) for w in ws)


def written(code: str, state: State) -> str:
    """The word a rewrite writes for ``state`` in the language ``code`` (its table's first).

    >>> written("es", "done"), written("de", "todo"), written("en", "in_progress")
    ('Completado', 'Offen', 'In Progress')
    """
    word: str = BY_CODE[code].STATES[state][0]
    return word


def languages_of(word: str) -> tuple[str, ...]:
    """The languages whose tables hold ``word`` as a state word (none for a configured word).

    >>> languages_of("Pendiente"), languages_of("completo"), languages_of("shipped")
    (('es',), ('es', 'pt'), ())
    """
    return WORD_LANGUAGES.get(norm(word), ())


def language_for(document: str | None, replaced: str | None) -> str | None:
    """The language a replacement for the state word ``replaced`` is written in: the document's,
    unless the word belongs to other tables only; then its own language when only one table holds
    it, else none (unclear).

    >>> language_for("es", "Pendiente"), language_for(None, "Pendiente"), language_for("en", "completo")
    ('es', 'es', None)
    >>> language_for("de", "shipped"), language_for(None, None), language_for("ja", "完成")
    ('de', None, 'ja')
    """
    langs = languages_of(replaced) if replaced else ()
    if not langs or document in langs:
        return document
    if document in _HAN and all(code in _HAN for code in langs):
        return document  # `完成` in a Japanese document is Japanese too: write `進行中`, not `进行中`
    return langs[0] if len(langs) == 1 else None


#: The languages written in Han characters, whose words the other's table may hold.
_HAN = ("zh", "ja")


def word_for(
    state: State, *, document: str | None, replaced: str | None, own: str | None, traditional: bool = False
) -> str:
    """The word a rewrite writes for ``state`` in place of ``replaced``: the document's own word for
    that state (``own``, from its other claims) when it is in the language chosen by
    :func:`language_for` (or in no table: a configured word), else that language's word; where the
    language is unclear, the document's own word, else English's.

    >>> word_for("done", document="es", replaced="Pendiente", own=None)
    'Completado'
    >>> word_for("done", document="en", replaced="Pending", own="Done")
    'Done'
    >>> word_for("done", document="es", replaced="Pendiente", own="Done")
    'Completado'
    >>> word_for("todo", document=None, replaced="shipped", own=None)
    'Not Started'
    """
    code = language_for(document, replaced)
    if own is not None and (code is None or code in languages_of(own) or not languages_of(own)):
        return own
    word = written(code or "en", state)
    return TRADITIONAL.get(word, word) if traditional and code == "zh" else word


#: The Chinese table's written words in traditional characters (`进行中` → `進行中`).
TRADITIONAL = {"进行中": "進行中", "未开始": "未開始", "待开始": "待開始", "开发中": "開發中", "待办": "待辦"}
#: Frequent characters that differ between the scripts, traditional and simplified (`狀態`/`状态`).
_TRADITIONAL_CHARS = frozenset("實狀態點畫會進開這個們為與對說時現發樣據務計劃項檢測試")
_SIMPLIFIED_CHARS = frozenset("实状态点画会进开这个们为与对说时现发样据务计划项检测试")


def traditional(text: str) -> bool:
    """Whether Chinese ``text`` is written in traditional characters (more of the frequent
    characters that differ are traditional than simplified).

    >>> traditional("**狀態：** ✅ 已完成"), traditional("**状态：** ✅ 已完成"), traditional("Status")
    (True, False, False)
    """
    t = sum(1 for ch in text if ch in _TRADITIONAL_CHARS)
    return t > 0 and t > sum(1 for ch in text if ch in _SIMPLIFIED_CHARS)


def match_case(word: str, like: str, code: str | None) -> str:
    """``word`` in the case of ``like``: upper, lower, or capitalised (English capitalises each
    word, `In Progress`; the other languages the first, `En progreso`); else as written.

    >>> match_case("Completado", "PENDIENTE", "es"), match_case("En progreso", "pendiente", "es")
    ('COMPLETADO', 'en progreso')
    >>> match_case("en curso", "Pendiente", "es"), match_case("not started", "Done", "en")
    ('En curso', 'Not Started')
    """
    if like.isupper():
        return word.upper()
    if like.islower():
        return word.lower()
    if like.istitle():
        return word.title() if code in (None, "en") else word[:1].upper() + word[1:]
    return word


# --- the document's language ----------------------------------------------------------------

#: How much of a document is read to tell its language: the start says it, and the cost stays
#: bounded on a 10 MB document.
SAMPLE = 4_096
_HINTS: dict[str, str] = {}
for _t in TABLES:
    for _w in _t.HINTS:
        _HINTS[_w] = "" if _w in _HINTS else _t.CODE  # a word of two languages tells neither
#: What may cling to a word of running text (`the,`, `(and`, `**der**`).
_PUNCTUATION = ".,;:!?()[]{}*_`'\"«»¿¡“”‘’"
#: UTF-8 lead bytes of the scripts that tell a language by themselves (counted in the encoded
#: sample, which costs no pattern): kana (U+3040–U+30FF), Han (U+4000–U+9FFF), Vietnamese's
#: tone-marked vowels (U+1E80–U+1EFF), and the scripts without a table, which say the language is
#: none of the tables': Cyrillic, Hebrew, Arabic (U+0400–U+06FF), Thai, Hangul (U+AC00–U+D7FF).
_KANA_LEADS = (b"\xe3\x81", b"\xe3\x82", b"\xe3\x83")
_HAN_LEADS = (b"\xe4", b"\xe5", b"\xe6", b"\xe7", b"\xe8", b"\xe9")
_VI_LEADS = (b"\xe1\xba", b"\xe1\xbb")
_OTHER_LEADS = (*(bytes([b]) for b in range(0xD0, 0xDC)), b"\xe0\xb8", b"\xe0\xb9", b"\xea", b"\xeb", b"\xec", b"\xed")


#: Every character those lead bytes start: most documents hold none (emoji and accented letters are
#: not among them), and one scan tells it where counting the 29 leads took 29.
_SCRIPTS = lazy(
    globals(), "_SCRIPTS", "[\u0400-\u06ff\u0e00-\u0e7f\u1e80-\u1eff\u3040-\u30ff\u4000-\u9fff\ua000-\udfff]"
)


def _count(raw: bytes, leads: tuple[bytes, ...]) -> int:
    return sum(raw.count(lead) for lead in leads)


def detect(text: str) -> str | None:
    """The language of a document, from its first :data:`SAMPLE` characters; None when unclear.

    Kana say Japanese, Han characters without them Chinese, Vietnamese's tone-marked letters
    Vietnamese; otherwise the frequent words of running text (`the`, `el`, `der`, …) are counted.
    The winner needs five signs and half as many again as the runner-up.

    >>> detect("The parser is done and the tests are green for this release.")
    'en'
    >>> detect("El analizador del proyecto es rápido y los datos de las pruebas son del equipo.")
    'es'
    >>> detect("# 进度\\n\\n本项目的开发进度和测试状态更新。"), detect("# Plan\\n- [x] a")
    ('zh', None)
    """
    s = text[:SAMPLE]
    score: dict[str, int] = {}
    if not s.isascii() and _SCRIPTS.search(s) is not None:
        raw = s.encode("utf-8", "surrogatepass")
        kana, han = _count(raw, _KANA_LEADS), _count(raw, _HAN_LEADS)
        if kana >= 5:
            score["ja"] = (kana + han) // 2
        elif han:
            score["zh"] = han // 2
        for script, leads in (("vi", _VI_LEADS), ("", _OTHER_LEADS)):
            if found := _count(raw, leads):
                score[script] = found // 2
    hints = _HINTS
    for w in s.lower().split():
        if code := hints.get(w.strip(_PUNCTUATION)):
            score[code] = score.get(code, 0) + 1
    if not score:
        return None
    ranked = sorted(score.items(), key=lambda kv: -kv[1])
    best, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return best if best and n >= 5 and n * 2 >= second * 3 else None


# --- full-width punctuation -----------------------------------------------------------------

#: Full-width punctuation that counters and claims are written with in CJK text, to the ASCII
#: characters the patterns read: one character for one, so every offset stays where it was.
_FOLD = str.maketrans("（）：％／［］", "():%/[]")
_FULL_WIDTH = lazy(globals(), "_FULL_WIDTH", "[（）：％／［］]")


def fold(line: str) -> str:
    """``line`` with full-width `（）：％／［］` read as their ASCII forms (same length).

    >>> fold("**进度：** 1/3（33％）")
    '**进度:** 1/3(33%)'
    """
    if line.isascii() or _FULL_WIDTH.search(line) is None:
        return line
    return line.translate(_FOLD)


__all__ = [
    "AFTER_WORDS",
    "AGGREGATE_WORDS",
    "BY_CODE",
    "CONFLICTS",
    "COUNT_LABELS",
    "ITEM_UNITS",
    "LABEL_FIRST_WORDS",
    "SECTION_UNITS",
    "STATE_COUNT_WORDS",
    "STATE_WORDS",
    "STATUS_LABELS",
    "TABLES",
    "alternation",
    "detect",
    "english",
    "english_units",
    "fold",
    "language_for",
    "languages_of",
    "match_case",
    "norm",
    "word_for",
    "written",
]
