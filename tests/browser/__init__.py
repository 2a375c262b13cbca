"""Browser tests: the web app in real Chromium."""
