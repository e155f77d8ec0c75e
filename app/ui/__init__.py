"""The PySide6 windows (giao diện): the only package that imports Qt; it calls services, never the store."""
