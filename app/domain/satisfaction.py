"""Citizen satisfaction (mức độ hài lòng): scales of 3, 4 or 5 levels, keypad key maps, the arming window, and
Vietnamese number formatting for the report ("3.355/3.483", "96,3%").

Levels are stable codes independent of the scale, so votes cast under different scales add up:
1 Rất hài lòng · 2 Hài lòng · 3 Bình thường · 4 Không hài lòng · 5 Rất không hài lòng.
A 3-level scale uses 1, 2, 4; a 4-level scale 1–4; a 5-level scale all five.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from app.domain.errors import DomainError
from app.domain.messages import translate
from app.domain.text import thousands

LEVEL_LABELS: dict[int, str] = {
    1: translate("domain.satisfaction", "Rất hài lòng"),
    2: translate("domain.satisfaction", "Hài lòng"),
    3: translate("domain.satisfaction", "Bình thường"),
    4: translate("domain.satisfaction", "Không hài lòng"),
    5: translate("domain.satisfaction", "Rất không hài lòng"),
}
SCALES: dict[int, tuple[int, ...]] = {3: (1, 2, 4), 4: (1, 2, 3, 4), 5: (1, 2, 3, 4, 5)}
DEFAULT_SCALE = 3
DEFAULT_TIMEOUT_S = 60
CLOCK_SKEW_S = 2  # a press stamped slightly before the finish (two PCs' clocks) still counts


class SatisfactionError(DomainError):
    """A bad scale or key map (message in Vietnamese)."""


def scale_levels(scale: int) -> tuple[int, ...]:
    """The level codes of a scale, best first."""
    try:
        return SCALES[scale]
    except KeyError as exc:
        raise SatisfactionError(translate("domain.satisfaction", "Thang đánh giá phải có 3, 4 hoặc 5 mức, không "
                                                                 "phải %1").arg(scale)) from exc


def level_label(level: int) -> str:
    """The Vietnamese label of a level code."""
    return LEVEL_LABELS.get(level) or translate("domain.satisfaction", "Mức %1").arg(level)


def default_key_map(scale: int) -> dict[str, int]:
    """Keys "1", "2", … in the scale's order, best first: on a 3-level scale 1 → Rất hài lòng, 3 → Không hài lòng."""
    return {str(i): level for i, level in enumerate(scale_levels(scale), start=1)}


def key_map_from_keys(scale: int, keys: str) -> dict[str, int]:
    """A key map from the keys pressed for each level, best first, e.g. "3,2,1" for a keypad numbered the other way."""
    parts = [k.strip() for k in keys.split(",") if k.strip()]
    levels = scale_levels(scale)
    if len(parts) != len(levels):
        raise SatisfactionError(translate("domain.satisfaction", "Cần đúng %1 phím cho thang %2 mức (cách nhau bởi "
                                                                 "dấu phẩy)").arg(len(levels), scale))
    if len(set(parts)) != len(parts) or any(len(k) != 1 or not k.isprintable() or k.isspace() for k in parts):
        raise SatisfactionError(translate("domain.satisfaction", "Mỗi phím là một ký tự, không trùng nhau"))
    return dict(zip(parts, levels))


def is_armed(finished_at: datetime | None, rated: bool, now: datetime, timeout_s: int) -> bool:
    """Whether a keypad is waiting for the vote on a ticket finished at `finished_at` (disarmed after one vote or
    after the timeout)."""
    if finished_at is None or rated:
        return False
    elapsed = (now - finished_at).total_seconds()
    return -CLOCK_SKEW_S <= elapsed < timeout_s


def armed_until(finished_at: datetime, timeout_s: int) -> datetime:
    """When the keypad disarms by itself."""
    return finished_at + timedelta(seconds=timeout_s)


@dataclass(frozen=True)
class LevelShare:
    """One level's count within a total, with the Vietnamese percentage."""

    level: int
    count: int
    total: int

    @property
    def label(self) -> str:
        """Vietnamese label of the level."""
        return level_label(self.level)

    @property
    def percent(self) -> Decimal:
        """The share in percent, one decimal, rounded half up (0 when there is no vote)."""
        return percent(self.count, self.total)

    def sentence(self) -> str:
        """As the seed writes it: "3.355/3.483 lượt đánh giá rất hài lòng, chiếm tỷ lệ 96,3%"."""
        return (f"{format_count(self.count)}/{format_count(self.total)} lượt đánh giá {self.label.lower()}, "
                f"chiếm tỷ lệ {format_percent(self.count, self.total)}")


def percent(count: int, total: int) -> Decimal:
    """count/total in percent with one decimal, half up; 0.0 when total is 0."""
    if total <= 0:
        return Decimal("0.0")
    return (Decimal(count) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


format_count = thousands  # an integer with Vietnamese thousands dots: 3355 → "3.355"


def format_percent(count: int, total: int) -> str:
    """A share in Vietnamese style: 3355 of 3483 → "96,3%"."""
    whole = percent(count, total)
    return f"{format_count(int(whole))},{str(whole).split('.')[1]}%"
