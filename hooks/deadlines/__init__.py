"""'When is my deadline?': the Tribunal's time limit for an appeal, worked out at build time.

``data`` reads ``docs/data/deadlines.yml``; ``workdays`` knows working days (bank holidays from
the ``holidays`` package); ``rules`` applies the time limits; ``wording`` says dates and reasons
in words; ``tables`` writes the pages, the worked example and the box on paper; ``lookup`` packs
the day-by-day results for the browser. Nothing here imports MkDocs.
"""
