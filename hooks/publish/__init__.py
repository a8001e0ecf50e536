"""Publishing a build: a lock, an atomic swap into place, clean-up after signals and crashes."""
