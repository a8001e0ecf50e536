"""Safe publishing: what a build refuses to read, publish, fetch or attach (issue 19)."""
