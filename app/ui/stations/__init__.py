"""Station windows: kiosk, counter and hall display (one window per station role)."""
