"""Small helpers every layer may use: YAML with line numbers, {{ markers }}, prose blocks."""
