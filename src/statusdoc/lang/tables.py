"""One table per language: the words people write status in.  Data only; :mod:`statusdoc.lang`
builds the maps and patterns from them.

Each table holds summary labels and the role of their number (``LABELS``), the label of a status
line (``STATUS_LABELS``), the words of each state, the first being the one a rewrite writes
(``STATES``), the words after a number that make it count (``AFTER``, ``STATE_COUNTS``), the words
of an aggregate row (``AGGREGATE``), unit words for items and for sections, and frequent words of
running text by which the language is told (``HINTS``, none of them a state word).

The tables are classes used as namespaces, all in this one module: ten modules cost ten file
reads at every start of the command.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import ClassVar

    from statusdoc._types import State


class Table:
    """What every language's table holds (see the module's docstring)."""

    CODE: ClassVar[str]
    LABELS: ClassVar[dict[str, str]]
    STATUS_LABELS: ClassVar[Sequence[str]]
    STATES: ClassVar[dict[State, tuple[str, ...]]]
    AFTER: ClassVar[dict[str, str]]
    STATE_COUNTS: ClassVar[dict[str, str]]
    AGGREGATE: ClassVar[Sequence[str]]
    UNITS: ClassVar[Sequence[str]]
    SECTION_UNITS: ClassVar[Sequence[str]]
    HINTS: ClassVar[Sequence[str]]


class EN(Table):
    """English: the words statusdoc has always read (SPEC §2.5, §3); the first word of each state is the
    one a rewrite writes when the document gives no example of its own."""

    CODE = "en"
    #: Summary labels and the role of their number (`**Completed:** 12`).
    LABELS = {
        "total": "total",
        "completed": "done",
        "complete": "done",
        "done": "done",
        "finished": "done",
        "remaining": "remaining",
        "left": "remaining",
        "pending": "todo",
        "todo": "todo",
        "in progress": "in_progress",
        "started": "started",
        "progress": "percent",
        "blocked": "blocked",
        "not started": "todo",
    }
    #: The label of a status line (`**Status:** ✅ Done`).
    STATUS_LABELS = ("status",)
    #: State words, as a status line, a table cell or a heading states them.
    STATES = {
        "done": ("Complete", "completed", "done", "implemented"),
        "in_progress": ("In Progress", "wip", "partial", "current"),
        "todo": ("Not Started", "pending", "todo", "to do", "planned", "queued"),
        "blocked": ("Blocked", "missing", "failed", "broken"),
        "cancelled": ("Cancelled", "canceled", "dropped", "won't do"),
    }
    #: Words after a number that make it count progress (`3/4 done`, `2 remaining`), and their role.
    AFTER = {
        "complete": "done",
        "completed": "done",
        "done": "done",
        "finished": "done",
        "remaining": "remaining",
        "left": "remaining",
        "started": "started",
        "passed": "passed",
        "checked": "checked",
        "progress": "done",
    }
    #: Words after a number that count items in one state (`, 3 in progress`).
    STATE_COUNTS = {
        "in progress": "in_progress",
        "done": "done",
        "complete": "done",
        "completed": "done",
        "remaining": "remaining",
        "blocked": "blocked",
        "pending": "todo",
        "started": "started",
        "todo": "todo",
    }
    #: Words of a board line or table row that speaks for the whole (`Overall`, `TOTAL`).
    AGGREGATE = ("overall", "total", "all")
    #: Unit words that name items, and those that name sections (SPEC §4, rule 3).
    UNITS = (
        "task tasks item items file files todo todos checkbox checkboxes box boxes check checks step steps "
        "subtask subtasks deliverable deliverables feature features story stories criteria criterion"
    ).split()
    SECTION_UNITS = (
        "stage stages phase phases section sections milestone milestones batch batches sprint sprints epic epics "
        "module modules part parts week weeks"
    ).split()
    #: Frequent words of running text, by which a document's language is told (none of them a state).
    HINTS = "the and of to is are for with this that be will not from".split()


class ES(Table):
    """Spanish."""

    CODE = "es"
    LABELS = {
        "progreso": "percent",
        "avance": "percent",
        "completado": "done",
        "completados": "done",
        "completadas": "done",
        "completada": "done",
        "terminado": "done",
        "terminadas": "done",
        "hecho": "done",
        "total": "total",
        "restante": "remaining",
        "restantes": "remaining",
        "pendiente": "todo",
        "pendientes": "todo",
        "en progreso": "in_progress",
        "en curso": "in_progress",
        "bloqueado": "blocked",
        "bloqueadas": "blocked",
    }
    STATUS_LABELS = ("estado",)
    STATES = {
        "done": ("Completado", "completada", "completo", "terminado", "terminada", "hecho", "listo", "finalizado"),
        "in_progress": ("En progreso", "en curso", "en proceso", "parcial"),
        "todo": ("Pendiente", "no iniciado", "por hacer", "sin empezar", "planificado"),
        "blocked": ("Bloqueado", "bloqueada"),
        "cancelled": ("Cancelado", "cancelada", "descartado"),
    }
    AFTER = {
        "completadas": "done",
        "completados": "done",
        "completado": "done",
        "completada": "done",
        "terminadas": "done",
        "terminados": "done",
        "hechas": "done",
        "restantes": "remaining",
    }
    STATE_COUNTS = {
        "en progreso": "in_progress",
        "en curso": "in_progress",
        "pendientes": "todo",
        "bloqueadas": "blocked",
    }
    AGGREGATE = ("total",)
    UNITS = (
        "tarea tareas elemento elementos archivo archivos paso pasos funcionalidad funcionalidades "
        "entregable entregables"
    ).split()
    SECTION_UNITS = "fase fases etapa etapas hito hitos módulo módulos semana semanas".split()
    HINTS = "el los las del y es se al como más pero este esta muy".split()


class FR(Table):
    """French.  `fait` is left out: it is `fact` and `made` in running text (`En fait`, `a été fait`)."""

    CODE = "fr"
    LABELS = {
        "progression": "percent",
        "avancement": "percent",
        "progrès": "percent",
        "complété": "done",
        "complétées": "done",
        "terminé": "done",
        "terminées": "done",
        "total": "total",
        "restant": "remaining",
        "restantes": "remaining",
        "restants": "remaining",
        "en cours": "in_progress",
        "à faire": "todo",
        "bloqué": "blocked",
    }
    STATUS_LABELS = ("statut", "état")
    STATES = {
        "done": ("Terminé", "terminée", "complété", "complétée", "achevé", "fini", "finie"),
        "in_progress": ("En cours", "partiel"),
        "todo": ("À faire", "a faire", "non commencé", "en attente", "prévu"),
        "blocked": ("Bloqué", "bloquée"),
        "cancelled": ("Annulé", "annulée", "abandonné"),
    }
    AFTER = {
        "terminées": "done",
        "terminés": "done",
        "complétées": "done",
        "complétés": "done",
        "faites": "done",
        "restantes": "remaining",
        "restants": "remaining",
    }
    STATE_COUNTS = {"en cours": "in_progress", "terminées": "done", "bloquées": "blocked"}
    AGGREGATE = ("total",)
    UNITS = "tâche tâches élément éléments fichier fichiers fonctionnalité fonctionnalités livrable livrables".split()
    #: (`étape` is a stage of a plan more often than a step of a checklist.)
    SECTION_UNITS = "étape étapes phase phases jalon jalons module modules semaine semaines".split()
    HINTS = "le les des est une pour dans qui sur pas par avec sont ce cette au".split()


class DE(Table):
    """German."""

    CODE = "de"
    LABELS = {
        "fortschritt": "percent",
        "erledigt": "done",
        "abgeschlossen": "done",
        "fertig": "done",
        "gesamt": "total",
        "insgesamt": "total",
        "verbleibend": "remaining",
        "übrig": "remaining",
        "offen": "todo",
        "in arbeit": "in_progress",
        "in bearbeitung": "in_progress",
        "blockiert": "blocked",
    }
    STATUS_LABELS = ("status", "zustand")
    STATES = {
        "done": ("Erledigt", "abgeschlossen", "fertig", "fertiggestellt", "umgesetzt"),
        "in_progress": ("In Arbeit", "in bearbeitung", "läuft", "teilweise"),
        "todo": ("Offen", "ausstehend", "nicht begonnen", "geplant"),
        "blocked": ("Blockiert", "fehlgeschlagen"),
        "cancelled": ("Abgebrochen", "verworfen", "gestrichen"),
    }
    AFTER = {"erledigt": "done", "abgeschlossen": "done", "fertig": "done", "übrig": "remaining"}
    STATE_COUNTS = {"in arbeit": "in_progress", "erledigt": "done", "offen": "todo", "blockiert": "blocked"}
    AGGREGATE = ("gesamt", "insgesamt")
    UNITS = "aufgabe aufgaben punkt punkte datei dateien schritt schritte funktion funktionen".split()
    SECTION_UNITS = "phase phasen stufe stufen meilenstein meilensteine modul module woche wochen".split()
    HINTS = "der die das und ist nicht mit für auf den dem ein eine wird sind auch".split()


class PT(Table):
    """Portuguese."""

    CODE = "pt"
    LABELS = {
        "progresso": "percent",
        "concluído": "done",
        "concluídos": "done",
        "concluídas": "done",
        "concluido": "done",
        "total": "total",
        "restante": "remaining",
        "restantes": "remaining",
        "pendente": "todo",
        "pendentes": "todo",
        "em andamento": "in_progress",
        "bloqueado": "blocked",
    }
    STATUS_LABELS = ("estado", "situação")
    STATES = {
        "done": ("Concluído", "concluída", "concluido", "completo", "completa", "feito", "finalizado"),
        "in_progress": ("Em andamento", "em progresso", "em curso"),
        "todo": ("Pendente", "não iniciado", "a fazer"),
        "blocked": ("Bloqueado", "bloqueada"),
        "cancelled": ("Cancelado", "cancelada"),
    }
    AFTER = {"concluídas": "done", "concluídos": "done", "feitas": "done", "restantes": "remaining"}
    STATE_COUNTS = {"em andamento": "in_progress", "pendentes": "todo", "concluídas": "done"}
    AGGREGATE = ("total",)  # (`geral` also ends `Visão geral`, an overview)
    UNITS = "tarefa tarefas item itens arquivo arquivos entregável entregáveis".split()
    SECTION_UNITS = "fase fases etapa etapas marco marcos módulo módulos semana semanas".split()
    HINTS = "os do da dos das não uma com são mais também ou".split()


class IT(Table):
    """Italian."""

    CODE = "it"
    LABELS = {
        "progresso": "percent",
        "avanzamento": "percent",
        "completato": "done",
        "completati": "done",
        "completate": "done",
        "totale": "total",
        "rimanenti": "remaining",
        "in corso": "in_progress",
        "bloccato": "blocked",
    }
    STATUS_LABELS = ("stato",)
    STATES = {
        "done": ("Completato", "completata", "completati", "fatto", "concluso", "terminato"),
        "in_progress": ("In corso", "in lavorazione"),
        "todo": ("Da fare", "non iniziato", "in attesa", "pianificato"),
        "blocked": ("Bloccato", "bloccata"),
        "cancelled": ("Annullato", "annullata"),
    }
    AFTER = {"completate": "done", "completati": "done", "fatte": "done", "rimanenti": "remaining"}
    STATE_COUNTS = {"in corso": "in_progress", "completate": "done", "bloccate": "blocked"}
    AGGREGATE = ("totale", "complessivo")
    UNITS = "attività compito compiti elemento elementi file passo passi funzionalità".split()
    SECTION_UNITS = "fase fasi tappa tappe modulo moduli settimana settimane".split()
    HINTS = "il gli della delle che per non sono è nel anche di questo".split()


class ZH(Table):
    """Chinese (simplified and traditional)."""

    CODE = "zh"
    LABELS = {
        "进度": "percent",
        "進度": "percent",
        "总体进度": "percent",
        "整体进度": "percent",
        "已完成": "done",
        "完成": "done",
        "总计": "total",
        "合计": "total",
        "總計": "total",
        "剩余": "remaining",
        "剩餘": "remaining",
        "进行中": "in_progress",
        "進行中": "in_progress",
        "待开始": "todo",
        "未开始": "todo",
        "阻塞": "blocked",
    }
    STATUS_LABELS = ("状态", "狀態")
    STATES = {
        "done": ("已完成", "完成"),
        "in_progress": ("进行中", "進行中", "开发中"),
        "todo": ("未开始", "待开始", "待办", "未開始"),
        "blocked": ("阻塞", "受阻"),
        "cancelled": ("已取消", "取消"),
    }
    AFTER = {}
    STATE_COUNTS = {}
    AGGREGATE = ("总计", "合计", "总体", "整体", "總計", "整體")
    UNITS = "任务 任務 项 項 条".split()
    SECTION_UNITS = "阶段 階段 里程碑".split()
    HINTS = ()


class JA(Table):
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
    AFTER = {}
    STATE_COUNTS = {}
    AGGREGATE = ("合計", "全体")
    UNITS = "タスク 項目 件".split()
    SECTION_UNITS = "フェーズ 段階 マイルストーン".split()
    HINTS = ()


class VI(Table):
    """Vietnamese."""

    CODE = "vi"
    LABELS = {
        "tiến độ": "percent",
        "hoàn thành": "done",
        "đã hoàn thành": "done",
        "tổng": "total",
        "tổng cộng": "total",
        "còn lại": "remaining",
        "đang thực hiện": "in_progress",
    }
    STATUS_LABELS = ("trạng thái",)
    STATES = {
        "done": ("Hoàn thành", "đã hoàn thành", "xong"),
        "in_progress": ("Đang thực hiện", "đang tiến hành", "đang làm"),
        "todo": ("Chưa bắt đầu", "chưa làm", "chưa thực hiện"),
        "blocked": ("Bị chặn", "bị chặn lại"),
        "cancelled": ("Đã hủy", "hủy bỏ"),
    }
    AFTER = {"hoàn thành": "done", "còn lại": "remaining"}
    STATE_COUNTS = {"đang thực hiện": "in_progress", "hoàn thành": "done"}
    AGGREGATE = ("tổng cộng",)  # (`tổng` also starts `Tổng quan`, an overview)
    UNITS = ("mục",)  # (the others are two words: `nhiệm vụ`, `công việc`)
    SECTION_UNITS = ("tuần",)  # (`giai đoạn` is two words)
    HINTS = "của và các là có cho được trong không những với này một để".split()


class ID(Table):
    """Indonesian.  `sudah` (`already`) is left out: it is ordinary in running text."""

    CODE = "id"
    LABELS = {
        "kemajuan": "percent",
        "progres": "percent",
        "selesai": "done",
        "total": "total",
        "sisa": "remaining",
        "tersisa": "remaining",
        "sedang dikerjakan": "in_progress",
        "belum": "todo",
    }
    STATUS_LABELS = ("status",)
    STATES = {
        "done": ("Selesai", "sudah selesai", "rampung"),
        "in_progress": ("Sedang dikerjakan", "dalam proses", "sedang berjalan", "dalam pengerjaan"),
        "todo": ("Belum dimulai", "belum", "belum selesai", "menunggu"),
        "blocked": ("Terblokir", "terhambat"),
        "cancelled": ("Dibatalkan", "batal"),
    }
    AFTER = {"selesai": "done", "tersisa": "remaining"}
    STATE_COUNTS = {"sedang dikerjakan": "in_progress", "selesai": "done"}
    AGGREGATE = ("total", "keseluruhan")
    UNITS = "tugas item berkas langkah fitur".split()
    SECTION_UNITS = "fase tahap tahapan minggu modul".split()
    HINTS = "dan yang di ini untuk dengan dari tidak akan ke pada adalah dalam".split()
