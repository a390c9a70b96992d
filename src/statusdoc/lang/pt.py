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
AGGREGATE = ("total", "geral")
UNITS = "tarefa tarefas item itens arquivo arquivos etapa etapas entregável entregáveis".split()
SECTION_UNITS = "fase fases marco marcos módulo módulos semana semanas".split()
HINTS = "os do da dos das não uma com são mais também ou".split()
