"""The site model: every data file under docs/data, read once per build, and every problem with it."""
