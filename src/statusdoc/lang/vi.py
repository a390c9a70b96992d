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
AGGREGATE = ("tổng", "tổng cộng")
UNITS = ("mục",)  # (the others are two words: `nhiệm vụ`, `công việc`)
SECTION_UNITS = ("tuần",)  # (`giai đoạn` is two words)
HINTS = "của và các là có cho được trong không những với này một để".split()
