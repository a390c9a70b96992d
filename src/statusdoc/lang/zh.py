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
AFTER: dict[str, str] = {}
STATE_COUNTS: dict[str, str] = {}
AGGREGATE = ("总计", "合计", "总体", "整体", "總計", "整體")
UNITS = "任务 任務 项 項 条".split()
SECTION_UNITS = "阶段 階段 里程碑".split()
HINTS: tuple[str, ...] = ()
