"""Japanese."""

CODE = "ja"
LABELS = {
    "進捗": "percent",
    "進捗率": "percent",
    "完了": "done",
    "合計": "total",
    "残り": "remaining",
    "進行中": "in_progress",
    "未着手": "todo",
}
STATUS_LABELS = ("ステータス", "状態")
STATES = {
    "done": ("完了", "済み", "完了済み"),
    "in_progress": ("進行中", "対応中", "作業中"),
    "todo": ("未着手", "未対応", "未完了"),
    "blocked": ("ブロック中",),
    "cancelled": ("中止", "キャンセル"),
}
AFTER: dict[str, str] = {}
STATE_COUNTS: dict[str, str] = {}
AGGREGATE = ("合計", "全体")
UNITS = "タスク 項目 件".split()
SECTION_UNITS = "フェーズ 段階 マイルストーン".split()
HINTS: tuple[str, ...] = ()
