"""The intake form (tiếp nhận hồ sơ) opened from the counter: `dialog` (the form, saving, the receipt),
`procedure_picker` (searching the catalogue), `checklist` (the documents handed in), `not_received` (Mẫu 02 / 03
for a dossier not received)."""

from app.ui.stations.intake.dialog import IntakeDialog, money

__all__ = ["IntakeDialog", "money"]
