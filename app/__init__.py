"""motcua: counter software of a one-stop public service centre (Trung tâm Phục vụ hành chính công)."""

__version__ = "0.1.0"
