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
