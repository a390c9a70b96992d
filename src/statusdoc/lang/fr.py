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
UNITS = (
    "tâche tâches élément éléments fichier fichiers étape étapes fonctionnalité fonctionnalités livrable livrables"
).split()
SECTION_UNITS = "phase phases jalon jalons module modules semaine semaines".split()
HINTS = "le les des est une pour dans qui sur pas par avec sont ce cette au".split()
