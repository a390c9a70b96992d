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
