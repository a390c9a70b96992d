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
STATE_COUNTS = {"en progreso": "in_progress", "en curso": "in_progress", "pendientes": "todo", "bloqueadas": "blocked"}
AGGREGATE = ("total",)
UNITS = (
    "tarea tareas elemento elementos archivo archivos paso pasos funcionalidad funcionalidades entregable entregables"
).split()
SECTION_UNITS = "fase fases etapa etapas hito hitos módulo módulos semana semanas".split()
HINTS = "el los las del y es se al como más pero este esta muy".split()
