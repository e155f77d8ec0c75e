"""The supervisor's review of one day (rà soát trong ngày): `queries` reads the day and today's live board from
the store, `exports` turns a review into CSV, text, charts, table cells, XLSX and PDF. Callers use the names
below."""

from app.services.daily_review.exports import (
    BINARY_FORMATS,
    CSV_HEADER,
    DAY_TITLE,
    FORMATS,
    GROUP_TITLES,
    STATS_HEADERS,
    TICKET_HEADERS,
    Chart,
    day_charts,
    day_document,
    local_time,
    ratings_chart,
    shown,
    stats_values,
    summary_line,
    ticket_values,
    to_csv,
    to_text,
    write_day,
    write_pdf,
    write_xlsx,
)
from app.services.daily_review.queries import (
    DailyReview,
    GroupStats,
    LiveBoard,
    TicketLine,
    centre_name,
    daily_review,
    filter_tickets,
    live_board,
)

__all__ = [
    "BINARY_FORMATS", "CSV_HEADER", "DAY_TITLE", "FORMATS", "GROUP_TITLES", "STATS_HEADERS", "TICKET_HEADERS",
    "Chart", "DailyReview", "GroupStats", "LiveBoard", "TicketLine", "centre_name", "daily_review", "day_charts",
    "day_document", "filter_tickets", "live_board", "local_time", "ratings_chart", "shown",
    "stats_values", "summary_line", "ticket_values", "to_csv", "to_text", "write_day", "write_pdf", "write_xlsx",
]
