"""MkDocs' warnings about links, anchors and the nav, given the file and line of the mistake."""
