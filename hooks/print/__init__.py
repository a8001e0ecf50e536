"""Printable PDFs: what to print, links and tables for paper, rendering, the downloads list."""
