"""Devices: byte transports over pyserial URLs, the ESC/POS ticket printer, device managers, pty simulators (no Qt)."""
