"""The offline copy: strip, check for remote loads, zip."""
