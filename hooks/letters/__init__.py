"""Model letters: one source per letter (docs/data/letters.yml), published as page, .docx and text."""
