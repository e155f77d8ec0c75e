"""Printing: ticket rendering to ESC/POS bytes, forms and reports (no Qt, no database)."""
