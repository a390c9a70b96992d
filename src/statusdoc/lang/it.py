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
